/**
 * The wait-for graph of a deadlock: which stuck task waits on which lock, semaphore or task, and which task
 * holds each lock or permit. The simulator fills it in when nothing can run (`RunOutcome.waitFor`); this
 * module finds the cycle in it and says it in words. Pure: tasks and resources are named by the caller
 * (the program's bindings: `a`, `b`, `slow`).
 */

export interface WaitFor {
  /** Each stuck task and what it waits on: a resource (a Mutex, a Semaphore) or another task's end. */
  readonly waits: readonly WaitEdge[];
  /** Who holds the resources the stuck tasks wait on. */
  readonly holds: readonly HoldEdge[];
}

export interface WaitEdge {
  readonly task: number;
  /** The resource it waits for permits of, or -1. */
  readonly resource: number;
  /** The task whose JoinHandle it awaits, or -1. */
  readonly onTask: number;
  /** What it waits on, in the simulator's words (for anything that is neither). */
  readonly what: string;
}

export interface HoldEdge {
  readonly resource: number;
  readonly task: number;
  readonly permits: number;
}

/** A node of the graph: a task or a resource. */
export type WaitNode = { readonly task: number } | { readonly resource: number };

/**
 * The first cycle of the graph, as the nodes met going round it (task, what it waits on, who holds that,
 * …), or null when the tasks wait on something outside any cycle (a lost waker, a channel nobody sends on).
 */
export function waitCycle(g: WaitFor): WaitNode[] | null {
  const next = (n: WaitNode): WaitNode[] => {
    if ('task' in n) {
      return g.waits
        .filter((w) => w.task === n.task)
        .map((w) => (w.resource >= 0 ? { resource: w.resource } : { task: w.onTask }))
        .filter((m) => !('task' in m) || m.task >= 0);
    }
    return g.holds.filter((h) => h.resource === n.resource).map((h) => ({ task: h.task }));
  };
  const key = (n: WaitNode) => ('task' in n ? `t${n.task}` : `r${n.resource}`);
  const done = new Set<string>();
  for (const start of g.waits) {
    const path: WaitNode[] = [];
    const onPath = new Map<string, number>();
    const visit = (n: WaitNode): WaitNode[] | null => {
      const k = key(n);
      const at = onPath.get(k);
      if (at !== undefined) return path.slice(at);
      if (done.has(k)) return null;
      onPath.set(k, path.length);
      path.push(n);
      for (const m of next(n)) {
        const found = visit(m);
        if (found) return found;
      }
      path.pop();
      onPath.delete(k);
      done.add(k);
      return null;
    };
    const cycle = visit({ task: start.task });
    if (cycle) return cycle;
  }
  return null;
}

export interface Names {
  task(id: number): string;
  resource(id: number): string;
}

/** The graph in words: one sentence per stuck task, then what the cycle means. */
export function describeWaitFor(g: WaitFor, names: Names): string[] {
  const out: string[] = [];
  const tasks = [...new Set(g.waits.map((w) => w.task))];
  for (const t of tasks) {
    const held = g.holds.filter((h) => h.task === t).map((h) => names.resource(h.resource));
    const waits = g.waits
      .filter((w) => w.task === t)
      .map((w) =>
        w.resource >= 0
          ? `waits for ${names.resource(w.resource)}${holderText(g, w.resource, names)}`
          : w.onTask >= 0
            ? `waits for ${names.task(w.onTask)} to finish`
            : `waits on ${w.what}`,
      );
    const holds = held.length ? `holds ${list(held)} and ` : '';
    out.push(`${names.task(t)} ${holds}${waits.join(', and ')}.`);
  }
  const cycle = waitCycle(g);
  if (cycle) {
    const tasksInCycle = cycle.flatMap((n) => ('task' in n ? [names.task(n.task)] : []));
    out.push(
      tasksInCycle.length > 1
        ? `${list(tasksInCycle)} each wait for something another of them holds: none of them can ever go on.`
        : `${tasksInCycle[0]} waits for something it holds itself: it can never go on.`,
    );
  }
  return out;
}

function holderText(g: WaitFor, resource: number, names: Names): string {
  const holders = g.holds.filter((h) => h.resource === resource).map((h) => names.task(h.task));
  return holders.length ? ` (held by ${list(holders)})` : '';
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
