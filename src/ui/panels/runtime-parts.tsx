/**
 * The rows the Runtime panel is made of: a thread (its status and the task it polls) and a queue (its
 * tasks as chips). Shared by the one-runtime layout (RuntimePanel) and the several-runtimes one
 * (RuntimeGroups).
 */
import type { QueueView, ThreadView } from '../../trace/state';
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
  localset: 'LocalSet run queue',
  inject: 'Inject queue',
  defer: 'Defer list (yield_now)',
  blocking: 'Blocking pool queue',
  lifo: 'LIFO slot',
};

export const EMPTY = (kind: QueueView['kind'], core: number): QueueView => ({
  kind,
  core,
  tasks: [],
  total: 0,
});

/** Which worker core a thread runs ("worker 2", "worker 2 (after block_in_place)"), or null. */
export function coreOfThread(t: ThreadView): number | null {
  if (t.role !== 'worker') return null;
  const m = /^worker (\d+)/.exec(t.name);
  return m ? Number(m[1]) : null;
}

export function workerColumns(n: number): number {
  return n <= 2 ? Math.max(1, n) : n <= 4 ? 2 : 4;
}

/** A std thread (or a blocking-pool thread) outside a poll runs its own closure, not a scheduler loop. */
function statusText(t: ThreadView): string {
  if (t.status === 'idle' && (t.role === 'std' || t.role === 'blocking')) return 'running its closure';
  return STATUS_TEXT[t.status] ?? t.status;
}

export interface ThreadProps {
  t: ThreadView;
  stolenFrom?: number;
  /** Which tasks' chips animate their moves (framer-motion layout animation). */
  track: (task: number | null) => boolean;
}

export function ThreadRow({ t, stolenFrom = -1, track }: ThreadProps) {
  return (
    <li className={`thread status-${t.status}`} data-testid={`thread-${t.id}`}>
      <span className="thread-name">{t.name}</span>
      <span className="thread-status">
        {statusText(t)}
        {t.task !== null && (
          <>
            {' '}
            <TaskChip id={t.task} track={track(t.task)} stolenFrom={stolenFrom} />
          </>
        )}
        {(t.status === 'blocked' || t.status === 'parked') && t.blockedOn ? `: ${t.blockedOn}` : ''}
      </span>
    </li>
  );
}

export interface QueueProps {
  queue: QueueView;
  testId: string;
  label?: string;
  short?: string;
  slot?: boolean;
  /** The worker a task was just stolen from, or -1. */
  stolen: (task: number) => number;
  /** Which tasks' chips animate their moves (framer-motion layout animation). */
  track: (task: number | null) => boolean;
}

export function QueueList({
  queue,
  testId,
  label = QUEUE_LABEL[queue.kind] ?? queue.kind,
  short = label,
  slot = false,
  stolen,
  track,
}: QueueProps) {
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
              <TaskChip id={id} track={track(id)} stolenFrom={stolen(id)} />
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
