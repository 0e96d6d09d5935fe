import { formatNanos } from '../../base';
import type { LintKind, TraceEvent } from '../../trace/events';
import type { TaskView, ViewState } from '../../trace/state';
import { revealTask } from '../reveal';
import { session } from '../session';
import { useApp } from '../store';
import { taskName } from '../task-names';
import { FutureEnum } from './FutureEnum';
import { Panel } from './Panel';
import { TaskChip } from './TaskChip';

/** How many tasks the panel lists: unfinished ones first. */
const TASK_LIMIT = 40;
/** Un-awaited futures shown for the open task. */
const HELD_LIMIT = 3;

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
  'hash-order':
    "It iterated or printed a HashMap or HashSet: real Rust's HashMap order differs from run to run (here: one order per seed).",
};

/**
 * The task the current event is about: its `task` field, the owner of the future it names, or the task
 * being polled on its thread. -1 when there is none (a park, a timer firing).
 */
export function focusTask(view: ViewState): number {
  const ev: TraceEvent | null = view.lastEvent;
  if (!ev) return -1;
  if ('task' in ev && typeof ev.task === 'number' && ev.task >= 0) return ev.task;
  if ('future' in ev && typeof ev.future === 'number') {
    const f = view.future(ev.future);
    if (f && f.task >= 0) return f.task;
  }
  return view.threads.find((t) => t.id === ev.thread)?.task ?? -1;
}

/**
 * Each task: state, where it is in the code, tokio-console counters and lints, and its future tree printed
 * as state-machine enums. The details open for the selected task, or (with none selected) for the task the
 * current event is about, so the panel follows the action without growing with every task.
 */
export function TasksPanel({ view }: { view: ViewState }) {
  const selected = useApp((s) => s.selectedTask);
  const animate = useApp((s) => s.animateStep);
  const tasks = view.tasks(TASK_LIMIT);
  const focus = selected ?? focusTask(view);
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
            open={t.id === focus || tasks.length === 1}
            current={t.id === focus}
          />
        ))}
      </ul>
      {view.taskCount > tasks.length && (
        <p className="muted">and {view.taskCount - tasks.length} more (finished tasks are listed last)</p>
      )}
    </Panel>
  );
}

function TaskRow({
  view,
  task: t,
  open,
  current,
}: {
  view: ViewState;
  task: TaskView;
  open: boolean;
  /** The task the current event is about (or the selected one): kept in view. */
  current: boolean;
}) {
  const layouts = useApp((s) => s.layouts);
  const recorded = useApp((s) => s.recorded !== null);
  const selected = useApp((s) => s.selectedTask === t.id);
  const chain = view.futureChain(t.id);
  /** Futures the task made and holds without awaiting them: values, not running code (futures are lazy). */
  const held = open ? view.heldFutures(t.id, HELD_LIMIT) : [];
  const suspendedAt = [...chain].reverse().find((f) => f.line > 0);
  const leaf = chain[chain.length - 1];
  const jumpToWaker = () => {
    const w = session.index?.whoWoke(t.id, view.step);
    if (w) useApp.getState().setStep(w.step);
  };
  const name = taskName(t.id);
  return (
    <li
      className={`task state-${t.state}${selected ? ' selected' : ''}`}
      data-testid={`task-${t.id}`}
      {...(current ? { 'data-current': 'true', 'data-current-key': `t${t.id}` } : {})}
    >
      <div className="task-head">
        <button
          type="button"
          className="chip-button"
          onClick={() => {
            useApp.getState().selectTask(selected ? null : t.id);
            // Selecting a task also shows where it is in the code.
            if (!selected) revealTask(view, t.id);
          }}
          aria-pressed={selected}
          aria-label={`Select ${name}`}
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
      {suspendedAt && t.state !== 'complete' && (
        <div className="muted task-where">
          {t.state === 'running' ? 'last stopped at ' : 'at '}
          <button
            type="button"
            className="link-button"
            onClick={() => revealTask(view, t.id)}
            title={`Show where ${name} is in the code`}
          >
            line {suspendedAt.line}
          </button>
          {leaf && leaf !== suspendedAt ? `, awaiting ${leaf.name}` : ''}
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
            <FutureEnum
              key={f.id}
              future={f}
              layout={layouts.find((l) => l.name === f.name)}
              onLine={(line) => useApp.getState().revealCode(line)}
            />
          ))}
          {recorded && (
            <p className="muted" data-testid={`task-${t.id}-future-not-recorded`}>
              Future state: not recorded (a real runtime does not expose its futures&apos; variants or
              locals).
            </p>
          )}
          {held.length > 0 && (
            <div className="held-futures" data-testid={`task-${t.id}-held`}>
              <p className="muted held-title">
                {name} also holds {held.length === 1 ? 'a future' : 'futures'} it has not awaited (yet):
              </p>
              {held.map((f) => (
                <FutureEnum
                  key={f.id}
                  future={f}
                  layout={layouts.find((l) => l.name === f.name)}
                  onLine={(line) => useApp.getState().revealCode(line)}
                />
              ))}
            </div>
          )}
        </div>
      )}
    </li>
  );
}
