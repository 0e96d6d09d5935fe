import type { QueueView, ViewState } from '../../trace/state';
import { Panel } from './Panel';
import { TaskChip } from './TaskChip';

const STATUS_TEXT: Record<string, string> = {
  running: 'polling',
  idle: 'scheduler loop',
  parked: 'parked in the driver',
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

/** Threads and the scheduler's queues (current_thread: one local queue plus the inject queue). */
export function RuntimePanel({ view, flavor }: { view: ViewState; flavor: string }) {
  const queue = (kind: QueueView['kind']): QueueView =>
    view.queues.find((q) => q.kind === kind) ?? { kind, core: 0, tasks: [], total: 0 };
  const blocking = view.queues.find((q) => q.kind === 'blocking');
  return (
    <Panel title="Runtime" id="runtime" extra={<span className="muted">{flavor}</span>}>
      <ul className="threads">
        {view.threads.map((t) => (
          <li key={t.id} className={`thread status-${t.status}`} data-testid={`thread-${t.id}`}>
            <span className="thread-name">{t.name}</span>
            <span className="thread-status">
              {STATUS_TEXT[t.status]}
              {t.task !== null && (
                <>
                  {' '}
                  <TaskChip id={t.task} track />
                </>
              )}
              {t.status === 'blocked' && t.blockedOn ? `: ${t.blockedOn}` : ''}
            </span>
          </li>
        ))}
      </ul>
      <Queue queue={queue('local')} testId="local-queue" />
      <Queue queue={queue('inject')} testId="inject-queue" />
      <Queue queue={queue('defer')} testId="defer-list" />
      {blocking && blocking.total > 0 && <Queue queue={blocking} testId="blocking-queue" />}
    </Panel>
  );
}

function Queue({ queue, testId }: { queue: QueueView; testId: string }) {
  const label = QUEUE_LABEL[queue.kind] ?? queue.kind;
  return (
    <div className="queue">
      <div className="queue-label">
        {label}
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
