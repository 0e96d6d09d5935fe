import { useMotion, useReducedMotion } from '../motion';
import { taskName, taskTitle } from '../task-names';
import { useApp } from '../store';

/**
 * A task as a small pill; the same id always gets the same colour. With `track`, the chip is the task's one
 * place in the Runtime panel: moving from a queue onto the thread animates (framer-motion layout animation).
 */
const SLIDE = { type: 'spring', stiffness: 420, damping: 36 } as const;
const JUMP = { duration: 0 } as const;

export function TaskChip({
  id,
  dim,
  track,
  stolenFrom = -1,
}: {
  id: number;
  dim?: boolean;
  track?: boolean;
  /** The worker the task was just stolen from: the chip is marked (-1: not stolen). */
  stolenFrom?: number;
}) {
  const stolen = stolenFrom >= 0;
  const cls = `chip task-color-${((id % 8) + 8) % 8}${dim ? ' dim' : ''}${stolen ? ' stolen' : ''}`;
  const title = stolen ? `${taskTitle(id)}, stolen from worker ${stolenFrom}` : taskTitle(id);
  const animate = useApp((s) => s.animateStep);
  // Less motion asked for: the chip simply appears in its new place (no projection frame at the old one).
  const reduced = useReducedMotion();
  const fm = useMotion();
  const body = (
    <>
      {taskName(id)}
      {stolen && (
        <span className="stolen-mark" data-stolen-from={stolenFrom}>
          {' '}
          ⇠ w{stolenFrom}
        </span>
      )}
    </>
  );
  if (!track || reduced || !fm) {
    return (
      <span className={cls} data-task={id} title={title}>
        {body}
      </span>
    );
  }
  // The chip's one place in the Runtime panel: when the task moves (a steal, the LIFO slot spilling into
  // the queue, the inject queue to a worker), framer-motion slides it from its old place to the new one.
  // The chip has its layoutId whenever it may move on the next step (RuntimePanel decides), so the old
  // place is known even right after a jump; only a single step slides, a jump moves it at once.
  // Until framer-motion has loaded (after the first paint: ../motion.ts) the chip is a plain span.
  return (
    <fm.motion.span
      className={cls}
      data-task={id}
      title={title}
      layoutId={`runtime-task-${id}`}
      transition={animate ? SLIDE : JUMP}
    >
      {body}
    </fm.motion.span>
  );
}
