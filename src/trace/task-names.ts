/**
 * Tasks are named as the program names them: `let slow = tokio::spawn(..)` makes task 1 "slow" in the
 * narration, the panels, the timeline and the captions alike. A task has a name when its spawn call is the
 * value of a `let` binding and that call spawned exactly one task in the run (a spawn in a loop makes many
 * tasks from one binding: they stay "task N"), and no other task got the same name. Task 0 is "main".
 * Pure: the source text and the spawn sites of a run (`TraceIndex.tasksBySite`).
 */

/** `let [mut] NAME[: Type] =` right before a spawn call, on the text before the call. */
const LET_BEFORE = /\blet\s+(?:mut\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*(?::[^=;{}]*)?=\s*$/;

/** How far back from a spawn call to look for its `let` (a long type annotation fits). */
const LOOKBACK = 240;

/** The binding a spawn call at `site` is the value of, or null (`handles.push(spawn(..))`, `set.spawn`). */
export function bindingAt(source: string, site: number): string | null {
  if (site < 0 || site > source.length) return null;
  const before = source.slice(Math.max(0, site - LOOKBACK), site);
  const m = LET_BEFORE.exec(before);
  if (!m) return null;
  const name = m[1]!;
  return name === '_' || name.startsWith('_') ? null : name;
}

/**
 * `let NAME = [Wrapper::new(]…` right before a resource's constructor: `let a = Arc::new(Mutex::new(0))`
 * names the Mutex `a` (the calls it is wrapped in — `Arc::new(`, `Rc::new(` — are skipped).
 */
const LET_BEFORE_WRAPPED =
  /\blet\s+(?:mut\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*(?::[^=;{}]*)?=\s*(?:[A-Za-z_][A-Za-z0-9_]*(?:::[A-Za-z_][A-Za-z0-9_]*)*(?:::<[^>;{}]*>)?\(\s*)*$/;

/** The binding a resource made at `site` is stored in (`a` for `let a = Arc::new(Mutex::new(0))`), or null. */
export function resourceBindingAt(source: string, site: number): string | null {
  if (site < 0 || site > source.length) return null;
  const m = LET_BEFORE_WRAPPED.exec(source.slice(Math.max(0, site - LOOKBACK), site));
  const name = m?.[1];
  return !name || name.startsWith('_') ? null : name;
}

/**
 * Names for the tasks of a run, from the source and which tasks each spawn site made (`tasksBySite`:
 * source offset of the spawn call → task ids). Only tasks with a unique binding get a name.
 */
export function nameTasks(
  source: string,
  tasksBySite: ReadonlyMap<number, readonly number[]>,
): Map<number, string> {
  const candidates = new Map<string, number[]>();
  for (const [site, tasks] of tasksBySite) {
    if (tasks.length !== 1 || tasks[0] === 0) continue;
    const name = bindingAt(source, site);
    if (!name || name === 'main' || /^task\d*$/.test(name)) continue;
    const list = candidates.get(name) ?? [];
    list.push(tasks[0]!);
    candidates.set(name, list);
  }
  const names = new Map<number, string>();
  for (const [name, tasks] of candidates) if (tasks.length === 1) names.set(tasks[0]!, name);
  return names;
}
