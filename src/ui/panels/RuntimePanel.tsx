import type { QueueView, ThreadView, ViewState } from '../../trace/state';
import { useApp } from '../store';
import { Panel } from './Panel';
import { TaskChip } from './TaskChip';

const STATUS_TEXT: Record<string, string> = {
  running: 'polling',
  idle: 'scheduler loop',
  parked: 'parked',
  searching: 'searching (to steal)',
  blocked: 'blocked',
  exited: 'exited',
};

const QUEUE_LABEL: Record<string, string> = {
  local: 'Local run queue',
  inject: 'Inject queue',
  defer: 'Defer list (yield_now)',
  blocking: 'Blocking pool queue',
  lifo: 'LIFO slot',
};

/** Which worker core a thread runs ("worker 2", "worker 2 (after block_in_place)"), or null. */
export function coreOfThread(t: ThreadView): number | null {
  if (t.role !== 'worker') return null;
  const m = /^worker (\d+)/.exec(t.name);
  return m ? Number(m[1]) : null;
}

const EMPTY = (kind: QueueView['kind'], core: number): QueueView => ({ kind, core, tasks: [], total: 0 });

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
            <Thread key={t.id} t={t} />
          ))}
        </ul>
        <p className="muted" data-testid="queues-not-recorded">
          Run queues, LIFO slot and steals: not recorded (tokio does not report which queue a task waits in).
        </p>
      </Panel>
    );
  }
  if (flavor !== 'multi_thread') {
    return (
      <Panel title="Runtime" id="runtime" extra={<span className="muted">{flavor}</span>}>
        <ul className="threads">
          {view.threads.map((t) => (
            <Thread key={t.id} t={t} />
          ))}
        </ul>
        <Queue queue={find('local', 0)} testId="local-queue" />
        <Queue queue={find('inject', -1)} testId="inject-queue" />
        <Queue queue={find('defer', 0)} testId="defer-list" />
        {blocking && blocking.total > 0 && <Queue queue={blocking} testId="blocking-queue" />}
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
      <ul className="threads">
        {others.map((t) => (
          <Thread key={t.id} t={t} />
        ))}
      </ul>
      <ul className="workers">
        {cores.map((core) => {
          // After block_in_place two threads can belong to one worker: show the one that is not gone.
          const threads = workers.filter((t) => coreOfThread(t) === core);
          const live = threads.filter((t) => t.status !== 'exited');
          const defer = find('defer', core);
          return (
            <li key={core} className="worker" data-testid={`worker-${core}`} aria-label={`Worker ${core}`}>
              <ul className="threads">
                {threads.length === 0 ? (
                  <li className="thread muted">worker {core}: thread not started yet</li>
                ) : (
                  (live.length ? live : threads.slice(-1)).map((t) => <Thread key={t.id} t={t} />)
                )}
              </ul>
              <div className="worker-queues">
                <Queue
                  queue={find('lifo', core)}
                  testId={`lifo-slot-${core}`}
                  label={`Worker ${core} LIFO slot`}
                  short="LIFO slot"
                  slot
                />
                <Queue
                  queue={find('local', core)}
                  testId={`local-queue-${core}`}
                  label={`Worker ${core} local run queue`}
                  short="Local run queue"
                />
              </div>
              {defer.total > 0 && (
                <Queue
                  queue={defer}
                  testId={`defer-list-${core}`}
                  label={`Worker ${core} defer list`}
                  short="Defer list (yield_now)"
                />
              )}
            </li>
          );
        })}
      </ul>
      <Queue queue={find('inject', -1)} testId="inject-queue" />
      {blocking && blocking.total > 0 && <Queue queue={blocking} testId="blocking-queue" />}
    </Panel>
  );
}

/** A std thread (or a blocking-pool thread) outside a poll runs its own closure, not a scheduler loop. */
function statusText(t: ThreadView): string {
  if (t.status === 'idle' && (t.role === 'std' || t.role === 'blocking')) return 'running its closure';
  return STATUS_TEXT[t.status] ?? t.status;
}

function Thread({ t }: { t: ThreadView }) {
  return (
    <li className={`thread status-${t.status}`} data-testid={`thread-${t.id}`}>
      <span className="thread-name">{t.name}</span>
      <span className="thread-status">
        {statusText(t)}
        {t.task !== null && (
          <>
            {' '}
            <TaskChip id={t.task} track />
          </>
        )}
        {(t.status === 'blocked' || t.status === 'parked') && t.blockedOn ? `: ${t.blockedOn}` : ''}
      </span>
    </li>
  );
}

function Queue({
  queue,
  testId,
  label = QUEUE_LABEL[queue.kind] ?? queue.kind,
  short = label,
  slot = false,
}: {
  queue: QueueView;
  testId: string;
  label?: string;
  short?: string;
  slot?: boolean;
}) {
  return (
    <div className={slot ? 'queue slot' : 'queue'}>
      <div className="queue-label">
        {short}
        {queue.total > 0 && <span className="muted"> · {queue.total}</span>}
      </div>
      <ol className="queue-items" aria-label={label} data-testid={testId}>
        {queue.total === 0 ? (
          <li className="empty">empty</li>
        ) : (
          queue.tasks.map((id, i) => (
            <li key={`${id}-${i}`}>
              <TaskChip id={id} track />
            </li>
          ))
        )}
        {queue.total > queue.tasks.length && (
          <li className="more muted">and {queue.total - queue.tasks.length} more</li>
        )}
      </ol>
    </div>
  );
}
