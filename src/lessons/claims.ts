/**
 * What a narrated moment says the screen shows, in a form a test can check: "the timer keeps slow's
 * waker" is `{ waker: 'slow', in: 'timer' }`. Tasks are named as the screen names them ("slow", "main",
 * "task 3"). src/lessons/agreement.test.ts checks every claim of every lesson at its moment's step, on the
 * same view state the panels draw — so narration and panels agree at every narrated step.
 */
import type { LintKind } from '../trace/events';
import type { TaskState, ThreadStatus, ViewState } from '../trace/state';

export type Claim =
  /** A resource (matched by its kind or name, e.g. 'timer', 'Notify', 'TcpListener') holds the task's waker. */
  | { readonly waker: string; readonly in: string }
  /** No resource holds the task's waker. */
  | { readonly noWaker: string }
  /** The task waits in a run queue (of that kind, if given). */
  | { readonly queued: string; readonly where?: 'local' | 'inject' | 'lifo' | 'defer' }
  /** The task is in no run queue. */
  | { readonly notQueued: string }
  /** The task is being polled on some thread. */
  | { readonly running: string }
  /** The Tasks panel flags the task with this tokio-console lint. */
  | { readonly lint: readonly [task: string, lint: LintKind] }
  /** At least this many live waker clones of the task exist (the Tasks panel's "wakers" counter). */
  | { readonly wakers: readonly [task: string, atLeast: number] }
  /** This many timers are armed in the timer wheel (Reactor panel). */
  | { readonly armed: number }
  | { readonly state: readonly [task: string, state: TaskState] }
  /** A future with this name (awaited, or held by its task without awaiting) shows this variant. */
  | { readonly variant: readonly [future: string, variant: string] }
  /** The output so far contains this text. */
  | { readonly printed: string }
  /** The output so far does not contain this text. */
  | { readonly notPrinted: string }
  | { readonly thread: readonly [name: string, status: ThreadStatus] };

/** The problems with `claims` at this view (empty when every claim holds). */
export function claimProblems(
  claims: readonly Claim[],
  view: ViewState,
  /** Task ids by the name the screen gives them ("slow" → 1); "main" and "task N" are known anyway. */
  names: ReadonlyMap<string, number>,
  stdout: string,
): string[] {
  const out: string[] = [];
  const id = (name: string): number => {
    if (name === 'main') return 0;
    const n = /^task (\d+)$/.exec(name);
    return n ? Number(n[1]) : (names.get(name) ?? -1);
  };
  const holders = (task: number) =>
    view.resources(Infinity).filter((r) => r.slots.some((w) => w.task === task));
  for (const c of claims) {
    if ('waker' in c) {
      const ok = holders(id(c.waker)).some((r) => `${r.type} ${r.name}`.includes(c.in));
      if (!ok) out.push(`no ${c.in} holds ${c.waker}'s waker`);
    } else if ('noWaker' in c) {
      const hs = holders(id(c.noWaker));
      if (hs.length > 0) out.push(`${hs[0]!.name} holds ${c.noWaker}'s waker`);
    } else if ('queued' in c) {
      const t = id(c.queued);
      const ok = view.queues.some((q) => (!c.where || q.kind === c.where) && q.tasks.includes(t));
      if (!ok) out.push(`${c.queued} is not in a${c.where ? ` ${c.where}` : ''} queue`);
    } else if ('notQueued' in c) {
      const t = id(c.notQueued);
      if (view.queues.some((q) => q.tasks.includes(t))) out.push(`${c.notQueued} is in a queue`);
    } else if ('lint' in c) {
      const t = view.task(id(c.lint[0]));
      if (!t?.lints.includes(c.lint[1])) out.push(`${c.lint[0]} is not flagged ${c.lint[1]}`);
    } else if ('wakers' in c) {
      const t = view.task(id(c.wakers[0]));
      if ((t?.wakers ?? 0) < c.wakers[1]) out.push(`${c.wakers[0]} has ${t?.wakers} live wakers`);
    } else if ('armed' in c) {
      const n = view.resources(Infinity).filter((r) => r.type === 'timer' && r.deadline >= 0).length;
      if (n !== c.armed) out.push(`${n} timers are armed, not ${c.armed}`);
    } else if ('running' in c) {
      if (!view.threads.some((t) => t.task === id(c.running))) out.push(`${c.running} is not running`);
    } else if ('state' in c) {
      const t = view.task(id(c.state[0]));
      if (t?.state !== c.state[1]) out.push(`${c.state[0]} is ${t?.state}, not ${c.state[1]}`);
    } else if ('variant' in c) {
      const [name, variant] = c.variant;
      const ok = view
        .tasks(Infinity)
        .some((t) =>
          [...view.futureChain(t.id), ...view.heldFutures(t.id, 8)].some(
            (f) => f.name === name && f.variant === variant,
          ),
        );
      if (!ok) out.push(`no ${name} shows ${variant}`);
    } else if ('printed' in c) {
      if (!stdout.includes(c.printed)) out.push(`"${c.printed}" is not in the output`);
    } else if ('notPrinted' in c) {
      if (stdout.includes(c.notPrinted)) out.push(`"${c.notPrinted}" is already in the output`);
    } else {
      const [name, status] = c.thread;
      const t = view.threads.find((x) => x.name === name);
      if (t?.status !== status) out.push(`thread ${name} is ${t?.status}, not ${status}`);
    }
  }
  return out;
}
