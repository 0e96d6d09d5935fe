import { taskName } from '../describe';

/** A task as a small pill; the same id always gets the same colour. */
export function TaskChip({ id, dim }: { id: number; dim?: boolean }) {
  return (
    <span className={`chip task-color-${id % 8}${dim ? ' dim' : ''}`} data-task={id}>
      {taskName(id)}
    </span>
  );
}
