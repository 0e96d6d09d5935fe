import type { FutureView, TaskView, ViewState } from '../../trace/state';
import { Panel } from './Panel';
import { TaskChip } from './TaskChip';

const STATE_TEXT: Record<TaskView['state'], string> = {
  idle: 'idle (waiting for a wake)',
  scheduled: 'scheduled',
  running: 'running',
  complete: 'complete',
  cancelled: 'cancelled',
  panicked: 'panicked',
};

/** How many tasks the panel lists: unfinished ones first. */
const TASK_LIMIT = 100;

/** Each task: its state and its future tree, each future's state-machine variant with live locals. */
export function TasksPanel({ view }: { view: ViewState }) {
  return (
    <Panel title="Tasks" id="tasks">
      <ul className="tasks">
        {view.tasks(TASK_LIMIT).map((t) => (
          <li key={t.id} className={`task state-${t.state}`} data-testid={`task-${t.id}`}>
            <div className="task-head">
              <TaskChip id={t.id} />
              <span className="task-state" data-testid={`task-${t.id}-state`}>
                {STATE_TEXT[t.state]}
              </span>
              {t.detached && <span className="badge">detached</span>}
              {t.aborted && <span className="badge">aborted</span>}
              <span className="muted counters">
                {t.polls} poll{t.polls === 1 ? '' : 's'} · {t.wakes} wake{t.wakes === 1 ? '' : 's'}
              </span>
            </div>
            <FutureTree view={view} task={t.id} />
          </li>
        ))}
      </ul>
    </Panel>
  );
}

function FutureTree({ view, task }: { view: ViewState; task: number }) {
  const chain: FutureView[] = view.futureChain(task);
  if (chain.length === 0) return null;
  return (
    <ol className="future-chain">
      {chain.map((x) => (
        <li key={x.id} className={x.dropped ? 'dropped' : ''}>
          <code className="future-name">{x.name}</code>
          {x.variant && (
            <code className="variant">
              ::{x.variant}
              {x.locals ? ` { ${x.locals} }` : ''}
            </code>
          )}
          {x.line > 0 && <span className="muted"> line {x.line}</span>}
        </li>
      ))}
    </ol>
  );
}
