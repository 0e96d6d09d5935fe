import type { QueueView, ViewState } from '../../trace/state';
import { session } from '../session';
import { useApp } from '../store';
import { Panel } from './Panel';
import { RuntimeGroups } from './RuntimeGroups';
import { runtimeTableOf } from '../runtime-table';
import { coreOfThread, EMPTY, QueueList, ThreadRow, workerColumns } from './runtime-parts';

/** The tasks the events at `step` and `step + 1` are about: the only chips a single step moves. */
function movingTasks(step: number): Set<number> {
  const out = new Set<number>();
  const trace = session.trace;
  if (!trace) return out;
  for (const i of [step, step + 1]) {
    if (i < 0 || i >= trace.length) continue;
    const ev = trace.get(i);
    if ('task' in ev && typeof ev.task === 'number' && ev.task >= 0) out.add(ev.task);
  }
  return out;
}

/**
 * Threads and the scheduler's queues. current_thread: one local queue plus the inject queue.
 * multi_thread: a card per worker (the thread running its core, its LIFO slot and local queue), then the
 * shared inject queue; the block_on thread and blocking/std threads are listed above.
 */
export function RuntimePanel({
  view,
  flavor,
  workers: workerCount = 0,
}: {
  view: ViewState;
  flavor: string;
  workers?: number;
}) {
  const find = (kind: QueueView['kind'], core: number): QueueView =>
    view.queues.find((q) => q.kind === kind && (kind === 'inject' || q.core === core)) ?? EMPTY(kind, core);
  const blocking = view.queues.find((q) => q.kind === 'blocking');
  const workers = view.threads.filter((t) => coreOfThread(t) !== null);
  const recorded = useApp((s) => s.recorded !== null);
  if (recorded) {
    // A real run: the threads as recorded; tokio does not report its queues, so none are drawn.
    return (
      <Panel title="Runtime" id="runtime" extra={<span className="muted">{flavor} · recorded</span>}>
        <ul className="threads">
          {view.threads.map((t) => (
            <ThreadRow track={() => false} key={t.id} t={t} />
          ))}
        </ul>
        <p className="muted" data-testid="queues-not-recorded">
          Run queues, LIFO slot and steals: not recorded (tokio does not report which queue a task waits in).
        </p>
      </Panel>
    );
  }
  const stolen = (id: number) => view.task(id)?.stolenFrom ?? -1;
  // Only the chips a single step can move slide (the task of this event, for a step back, and of the next,
  // for a step forward): a layout animation measures every tracked chip on every render, and a big run
  // shows hundreds.
  const movers = movingTasks(view.step);
  const track = (task: number | null) => task !== null && movers.has(task);
  // Each LocalSet's own queue: its tasks run on the thread whose task drives the set.
  const localSets = view.queues.filter((q) => q.kind === 'localset');
  const localSetQueues = localSets.map((q, i) => (
    <QueueList
      track={track}
      key={`localset-${q.core}`}
      queue={q}
      label={localSets.length > 1 ? `LocalSet ${i + 1} run queue` : 'LocalSet run queue'}
      testId="localset-queue"
      stolen={stolen}
    />
  ));

  // Several runtimes (built by hand, or beside `#[tokio::main]`'s): a group per runtime.
  const table = session.trace ? runtimeTableOf(session.trace, flavor, workerCount) : null;
  if (table && table.runtimes.length > 1) {
    return (
      <Panel
        title="Runtime"
        id="runtime"
        extra={<span className="muted">{table.runtimes.length} runtimes</span>}
      >
        <RuntimeGroups
          view={view}
          table={table}
          stolen={stolen}
          track={track}
          localSetQueues={localSetQueues}
        />
      </Panel>
    );
  }

  if (flavor !== 'multi_thread') {
    return (
      <Panel title="Runtime" id="runtime" extra={<span className="muted">{flavor}</span>}>
        <ul className="threads">
          {view.threads.map((t) => (
            <ThreadRow track={track} key={t.id} t={t} />
          ))}
        </ul>
        <div className="queue-row">
          <QueueList track={track} queue={find('local', 0)} testId="local-queue" stolen={stolen} />
          <QueueList track={track} queue={find('inject', -1)} testId="inject-queue" stolen={stolen} />
          <QueueList track={track} queue={find('defer', 0)} testId="defer-list" stolen={stolen} />
          {blocking && blocking.total > 0 && (
            <QueueList track={track} queue={blocking} testId="blocking-queue" stolen={stolen} />
          )}
          {localSetQueues}
        </div>
      </Panel>
    );
  }
  // Every worker has a card from the first step, even before its thread has started.
  const cores = Array.from(
    { length: Math.max(workerCount, ...workers.map((t) => coreOfThread(t)! + 1)) },
    (_, i) => i,
  );
  const others = view.threads.filter((t) => coreOfThread(t) === null);
  return (
    <Panel
      title="Runtime"
      id="runtime"
      extra={<span className="muted">multi_thread · {cores.length} workers</span>}
    >
      {/* The block_on thread (and std / blocking threads) beside the shared inject queue. */}
      <div className="mt-top">
        <ul className="threads">
          {others.map((t) => (
            <ThreadRow track={track} key={t.id} t={t} />
          ))}
        </ul>
        <QueueList track={track} queue={find('inject', -1)} testId="inject-queue" stolen={stolen} />
        {localSetQueues}
      </div>
      {/* Up to four workers two by two; more in rows of four. Each card: the thread and the LIFO slot on
          one line, the local run queue under them. */}
      <ul
        className="workers"
        style={{ gridTemplateColumns: `repeat(${workerColumns(cores.length)}, minmax(0, 1fr))` }}
      >
        {cores.map((core) => {
          // After block_in_place two threads can belong to one worker: show the one that is not gone.
          const threads = workers.filter((t) => coreOfThread(t) === core);
          const live = threads.filter((t) => t.status !== 'exited');
          const defer = find('defer', core);
          return (
            <li key={core} className="worker" data-testid={`worker-${core}`} aria-label={`Worker ${core}`}>
              <ul className="threads">
                {threads.length === 0 ? (
                  <li className="thread muted">worker {core}: not started yet</li>
                ) : (
                  (live.length ? live : threads.slice(-1)).map((t) => (
                    <ThreadRow
                      track={track}
                      key={t.id}
                      t={t}
                      stolenFrom={t.task === null ? -1 : stolen(t.task)}
                    />
                  ))
                )}
              </ul>
              <div className="worker-queues">
                <QueueList
                  track={track}
                  queue={find('lifo', core)}
                  testId={`lifo-slot-${core}`}
                  label={`Worker ${core} LIFO slot`}
                  short="LIFO slot"
                  slot
                  stolen={stolen}
                />
                <QueueList
                  track={track}
                  queue={find('local', core)}
                  testId={`local-queue-${core}`}
                  label={`Worker ${core} local run queue`}
                  short="Local run queue"
                  stolen={stolen}
                />
              </div>
              {defer.total > 0 && (
                <QueueList
                  track={track}
                  queue={defer}
                  testId={`defer-list-${core}`}
                  label={`Worker ${core} defer list`}
                  short="Defer list (yield_now)"
                  stolen={stolen}
                />
              )}
            </li>
          );
        })}
      </ul>
      {blocking && blocking.total > 0 && (
        <QueueList track={track} queue={blocking} testId="blocking-queue" stolen={stolen} />
      )}
    </Panel>
  );
}
