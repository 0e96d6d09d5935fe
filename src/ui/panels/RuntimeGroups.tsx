import type { RuntimeInfo, RuntimeTable } from '../../trace/runtimes';
import { runtimeLabel } from '../../trace/runtimes';
import type { QueueView, ThreadView, ViewState } from '../../trace/state';
import { coreOfThread, EMPTY, QueueList, ThreadRow, workerColumns } from './runtime-parts';

interface GroupsProps {
  view: ViewState;
  table: RuntimeTable;
  stolen: (task: number) => number;
  track: (task: number | null) => boolean;
  /** Every LocalSet's queue, drawn after the runtimes (a set runs on whichever thread drives it). */
  localSetQueues: React.ReactNode;
}

/**
 * A program with several runtimes: a group per runtime, labelled "runtime 2 · multi_thread, 4 workers",
 * holding its own threads (workers, blocking pool, the `#[tokio::main]` thread) and its own queues; the
 * threads of no runtime (a plain `fn main`, std threads) are listed first. A runtime appears at the step
 * that built it. Accessible names: group "Runtime N · …", queues "Runtime N inject queue", "Runtime N local
 * run queue" (current_thread), "Runtime N worker W local run queue" / "… LIFO slot" (multi_thread).
 */
export function RuntimeGroups({ view, table, stolen, track, localSetQueues }: GroupsProps) {
  const runtimes = table.builtBy(view.step);
  const outside = view.threads.filter((t) => table.ofThread(t.id) <= 0);
  return (
    <div className="runtime-groups">
      {outside.length > 0 && (
        <section className="runtime-group" role="group" aria-label="Threads outside any runtime">
          <h3 className="runtime-label">no runtime</h3>
          <ul className="threads">
            {outside.map((t) => (
              <ThreadRow track={track} key={t.id} t={t} />
            ))}
          </ul>
        </section>
      )}
      {runtimes.map((rt) => (
        <RuntimeGroup
          key={rt.id}
          rt={rt}
          view={view}
          threads={view.threads.filter((t) => table.ofThread(t.id) === rt.id)}
          stolen={stolen}
          track={track}
        />
      ))}
      {localSetQueues}
    </div>
  );
}

function RuntimeGroup({
  rt,
  view,
  threads,
  stolen,
  track,
}: {
  rt: RuntimeInfo;
  view: ViewState;
  threads: ThreadView[];
  stolen: (task: number) => number;
  track: (task: number | null) => boolean;
}) {
  const label = runtimeLabel(rt);
  const name = `Runtime ${rt.id}`;
  const find = (kind: QueueView['kind'], core: number): QueueView =>
    view.queues.find((q) => q.kind === kind && q.core === core) ?? EMPTY(kind, core);
  const shared = -rt.id;
  const blocking = find('blocking', shared);
  const queue = (kind: QueueView['kind'], core: number, what: string, short: string, slot = false) => (
    <QueueList
      track={track}
      queue={find(kind, core)}
      testId={`runtime-${rt.id}-${what.toLowerCase().replace(/ /g, '-')}`}
      label={`${name} ${what}`}
      short={short}
      slot={slot}
      stolen={stolen}
    />
  );
  const workers = rt.flavor === 'multi_thread' ? Array.from({ length: rt.workers }, (_, i) => i) : [];
  const others = threads.filter((t) => coreOfThread(t) === null);
  return (
    <section
      className="runtime-group"
      role="group"
      aria-label={label.replace(/^runtime/, 'Runtime')}
      data-testid={`runtime-${rt.id}`}
    >
      <h3 className="runtime-label">{label}</h3>
      <ul className="threads">
        {others.map((t) => (
          <ThreadRow track={track} key={t.id} t={t} />
        ))}
      </ul>
      {rt.flavor === 'current_thread' ? (
        <div className="queue-row">
          {queue('local', rt.coreBase, 'local run queue', 'Local run queue')}
          {queue('inject', shared, 'inject queue', 'Inject queue')}
          {find('defer', rt.coreBase).total > 0 &&
            queue('defer', rt.coreBase, 'defer list', 'Defer list (yield_now)')}
        </div>
      ) : (
        <>
          <div className="queue-row">{queue('inject', shared, 'inject queue', 'Inject queue')}</div>
          <ul
            className="workers"
            style={{ gridTemplateColumns: `repeat(${workerColumns(workers.length)}, minmax(0, 1fr))` }}
          >
            {workers.map((w) => {
              const core = rt.coreBase + w;
              const mine = threads.filter((t) => coreOfThread(t) === w);
              const live = mine.filter((t) => t.status !== 'exited');
              return (
                <li key={w} className="worker" aria-label={`${name} worker ${w}`}>
                  <ul className="threads">
                    {mine.length === 0 ? (
                      <li className="thread muted">worker {w}: not started yet</li>
                    ) : (
                      (live.length ? live : mine.slice(-1)).map((t) => (
                        <ThreadRow track={track} key={t.id} t={t} />
                      ))
                    )}
                  </ul>
                  <div className="worker-queues">
                    {queue('lifo', core, `worker ${w} LIFO slot`, 'LIFO slot', true)}
                    {queue('local', core, `worker ${w} local run queue`, 'Local run queue')}
                  </div>
                  {find('defer', core).total > 0 &&
                    queue('defer', core, `worker ${w} defer list`, 'Defer list (yield_now)')}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {blocking.total > 0 && queue('blocking', shared, 'blocking pool queue', 'Blocking pool queue')}
    </section>
  );
}
