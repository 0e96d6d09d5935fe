import { m } from 'framer-motion';
import { taskName } from '../describe';
import { useApp } from '../store';

/**
 * A task as a small pill; the same id always gets the same colour. With `track`, the chip is the task's one
 * place in the Runtime panel: moving from a queue onto the thread animates (framer-motion layout animation).
 */
export function TaskChip({ id, dim, track }: { id: number; dim?: boolean; track?: boolean }) {
  const cls = `chip task-color-${((id % 8) + 8) % 8}${dim ? ' dim' : ''}`;
  const animate = useApp((s) => s.animateStep);
  if (!track || !animate) {
    return (
      <span className={cls} data-task={id}>
        {taskName(id)}
      </span>
    );
  }
  return (
    <m.span
      className={cls}
      data-task={id}
      layoutId={`runtime-task-${id}`}
      transition={{ type: 'spring', stiffness: 500, damping: 40 }}
    >
      {taskName(id)}
    </m.span>
  );
}
