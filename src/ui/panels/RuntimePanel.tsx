import type { ViewState } from '../../trace/view';
import { Panel } from './Panel';
import { TaskChip } from './TaskChip';

const STATUS_TEXT: Record<string, string> = {
  running: 'polling',
  idle: 'scheduler loop',
  parked: 'parked in the driver',
  blocked: 'blocked',
  exited: 'exited',
};

/** Threads and the scheduler's queues (current_thread: one local queue plus the inject queue). */
export function RuntimePanel({ view, flavor }: { view: ViewState; flavor: string }) {
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
                  <TaskChip id={t.task} />
                </>
              )}
              {t.status === 'blocked' && t.blockedOn ? `: ${t.blockedOn}` : ''}
            </span>
          </li>
        ))}
      </ul>
      <Queue label="Local run queue" tasks={view.local} testId="local-queue" />
      <Queue label="Inject queue" tasks={view.inject} testId="inject-queue" />
      <Queue label="Defer list (yield_now)" tasks={view.deferred} testId="defer-list" />
    </Panel>
  );
}

function Queue({ label, tasks, testId }: { label: string; tasks: number[]; testId: string }) {
  return (
    <div className="queue">
      <div className="queue-label">{label}</div>
      <ol className="queue-items" aria-label={label} data-testid={testId}>
        {tasks.length === 0 ? (
          <li className="empty">empty</li>
        ) : (
          tasks.map((id, i) => (
            <li key={`${id}-${i}`}>
              <TaskChip id={id} />
            </li>
          ))
        )}
      </ol>
    </div>
  );
}
