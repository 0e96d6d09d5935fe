/**
 * The names of the current run's tasks (src/trace/task-names.ts says how they are found), kept here outside
 * React so plain functions (captions) and components read the same map. The store replaces it when a run's
 * spawns are indexed and bumps `indexVersion`, which re-renders the panels.
 */
export { bindingAt, nameTasks } from '../trace/task-names';

let names: ReadonlyMap<number, string> = new Map();

export function setTaskNames(next: ReadonlyMap<number, string>): void {
  names = next;
}

/** "main", the program's name for the task, or "task N" (tokio's task id). */
export function taskName(id: number): string {
  if (id === 0) return 'main';
  if (id < 0) return 'nobody';
  return names.get(id) ?? `task ${id}`;
}

/** The name with the task id when the name is the program's ("slow (task 1)"), for tooltips. */
export function taskTitle(id: number): string {
  const name = taskName(id);
  return names.has(id) ? `${name} (task ${id})` : name;
}
