import { formatNanos } from '../../base';
import type { LintKind } from '../../trace/events';
import type { TaskView, ViewState } from '../../trace/state';
import { session } from '../session';
import { useApp } from '../store';
import { FutureEnum } from './FutureEnum';
import { Panel } from './Panel';
import { TaskChip } from './TaskChip';

/** How many tasks the panel lists: unfinished ones first. */
const TASK_LIMIT = 40;

const STATE_TEXT: Record<TaskView['state'], string> = {
  idle: 'idle (waiting for a wake)',
  scheduled: 'scheduled',
  running: 'running',
  complete: 'complete',
  cancelled: 'cancelled',
  panicked: 'panicked',
};

export const LINT_TEXT: Record<LintKind, string> = {
  'self-wakes':
    'It woke itself in more than half of its wakes: it may be spinning — returning Pending right after waking its own waker (tokio-console: self-wakes > 50%).',
  'lost-waker':
    'It returned Pending and nothing holds its waker, so nothing can ever wake it again (tokio-console: lost-waker).',
  'never-yielded':
    'Its current poll has run for over a second without returning: something blocks the thread (tokio-console: never-yielded).',
  'large-future': 'Its future is larger than 1 KiB (tokio-console: large-future).',
};

/** Each task: state, tokio-console counters and lints, and its future tree printed as state-machine enums. */
export function TasksPanel({ view }: { view: ViewState }) {
  const selected = useApp((s) => s.selectedTask);
  const animate = useApp((s) => s.animateStep);
  const tasks = view.tasks(TASK_LIMIT);
  return (
    <Panel title="Tasks" id="tasks" extra={<span className="muted">{view.taskCount} spawned</span>}>
      <ul className="tasks">
        {tasks.map((t, i) => (
          <TaskRow
            // A single step keeps each task's row (and the focus in it); a jump or a scrub frame shows other
            // tasks, and reusing the rows by position updates their text instead of remounting forty rows.
            key={animate ? t.id : `at-${i}`}
            view={view}
            task={t}
            open={t.id === selected || tasks.length <= 3}
          />
        ))}
      </ul>
      {view.taskCount > tasks.length && (
        <p className="muted">and {view.taskCount - tasks.length} more (finished tasks are listed last)</p>
      )}
    </Panel>
  );
}

function TaskRow({ view, task: t, open }: { view: ViewState; task: TaskView; open: boolean }) {
  const layouts = useApp((s) => s.layouts);
  const recorded = useApp((s) => s.recorded !== null);
  const selected = useApp((s) => s.selectedTask === t.id);
  const chain = view.futureChain(t.id);
  const suspendedAt = [...chain].reverse().find((f) => f.line > 0);
  const leaf = chain[chain.length - 1];
  const jumpToWaker = () => {
    const w = session.index?.whoWoke(t.id, view.step);
    if (w) useApp.getState().setStep(w.step);
  };
  return (
    <li className={`task state-${t.state}${selected ? ' selected' : ''}`} data-testid={`task-${t.id}`}>
      <div className="task-head">
        <button
          type="button"
          className="chip-button"
          onClick={() => useApp.getState().selectTask(selected ? null : t.id)}
          aria-pressed={selected}
          aria-label={`Select ${t.id === 0 ? 'main' : `task ${t.id}`}`}
        >
          <TaskChip id={t.id} />
        </button>
        <span className="task-state" data-testid={`task-${t.id}-state`}>
          {STATE_TEXT[t.state]}
        </span>
        {t.mode === 'blocking' && <span className="badge">spawn_blocking</span>}
        {t.detached && <span className="badge">detached</span>}
        {t.aborted && <span className="badge">aborted</span>}
        {t.lints.map((l) => (
          <span key={l} className="badge lint" title={LINT_TEXT[l]}>
            ⚠ {l}
          </span>
        ))}
      </div>
      {!open && suspendedAt && t.state !== 'complete' && (
        <div className="muted task-where">
          at line {suspendedAt.line}
          {leaf ? `, awaiting ${leaf.name}` : ''}
        </div>
      )}
      {open && (
        <div className="task-details">
          <dl className="counters">
            <div>
              <dt>polls</dt>
              <dd>{t.polls}</dd>
            </div>
            <div>
              <dt>wakes</dt>
              <dd>
                {t.wakes}
                {t.selfWakes > 0 ? ` (${t.selfWakes} self)` : ''}
              </dd>
            </div>
            <div>
              <dt>wakers</dt>
              <dd>{t.wakers}</dd>
            </div>
            <div>
              <dt>busy</dt>
              <dd>{formatNanos(Math.round(t.busyNs))}</dd>
            </div>
            <div>
              <dt>scheduled</dt>
              <dd>{formatNanos(Math.round(t.scheduledNs))}</dd>
            </div>
            <div>
              <dt>idle</dt>
              <dd>{formatNanos(Math.round(t.idleNs))}</dd>
            </div>
          </dl>
          {t.lints.map((l) => (
            <p key={l} className="lint-text">
              ⚠ {LINT_TEXT[l]}
            </p>
          ))}
          {t.wakes > 0 && (
            <button type="button" onClick={jumpToWaker}>
              Jump to the waker
            </button>
          )}
          {chain.map((f) => (
            <FutureEnum key={f.id} future={f} layout={layouts.find((l) => l.name === f.name)} />
          ))}
          {recorded && (
            <p className="muted" data-testid={`task-${t.id}-future-not-recorded`}>
              Future state: not recorded (a real runtime does not expose its futures&apos; variants or
              locals).
            </p>
          )}
        </div>
      )}
    </li>
  );
}
