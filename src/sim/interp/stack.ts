/**
 * The program's stack, as the JS stack under the interpreter holds it.
 *
 * The interpreter evaluates Rust by recursion (one or two JS frames per level of an expression, generators
 * included), so a program's recursion becomes JS recursion, and the engine's "Maximum call stack size
 * exceeded" comes at a depth that depends on the engine (Node or a browser's worker), on whether the code
 * was optimised yet, and on the machine. So the interpreter counts instead: every body it enters (a fn, a
 * closure, an async block's poll) adds a *weight*, an upper estimate of the JS frames that body can hold at
 * once (a few per call, two per level of nesting in its source), and going past `STACK_FRAMES` ends the run
 * with a `limit` outcome at the same call on every engine and every run.
 *
 * A chain of generators that suspends keeps its frames' weight (their `finally` blocks have not run); the
 * places that resume a chain from the top of the JS stack — a poll of an async body, a step of a thread's
 * body, the drop of a suspended future — save that weight and restore it (`resumeOnOwnStack`), so the count
 * is always that of the current JS stack.
 */
import type { Block, Expr } from '../../lang/ast';

/**
 * The estimated frames a run may hold. Node's default stack (984 KB) holds about 5,000 of the interpreter's
 * frames and a browser's worker about as many (measured in tests/stack-depth.test.ts and the browser test);
 * the budget leaves the rest for builtins, formatting and drops running on top of the deepest call.
 */
export const STACK_FRAMES = 1_600;

/** Frames a call of a fn or a closure costs before its body: the call, the fn entry, its block. */
export const CALL_FRAMES = 12;
/** Frames a poll of an async body costs before its body: the future's poll, the harness or the awaiter. */
export const POLL_FRAMES = 12;
/** Frames per level of nesting inside a body: a generator's frame and its `next`. */
const FRAMES_PER_LEVEL = 2;

const weights = new WeakMap<object, number>();

/**
 * The frames a running `body` (a fn's block, a closure's body, an async block) can hold at once, besides
 * `CALL_FRAMES` or `POLL_FRAMES`. Measured against the engine's own stack in tests/stack-depth (the estimate
 * is above the frames counted at the deepest point of every shape there).
 */
export function bodyWeight(body: Block | Expr): number {
  let w = weights.get(body);
  if (w === undefined) {
    w = FRAMES_PER_LEVEL * nestingDepth(body, new Set());
    weights.set(body, w);
  }
  return w;
}

/**
 * How deep the syntax of a body nests, not counting what runs as a body of its own (closures, async blocks,
 * nested items: they add their weight when they run). Walks every object under the node but the resolver's
 * links, and counts a level for each node with a `k` (expressions, statements, patterns, types) or `stmts`
 * (blocks), whatever the kind, so new syntax is counted without changes here. The parser bounds nesting
 * (`MAX_NESTING`), so this recursion is bounded too.
 */
function nestingDepth(node: object, seen: Set<object>): number {
  if (seen.has(node)) return 0;
  seen.add(node);
  const k = (node as { k?: unknown }).k;
  const level = typeof k === 'string' || Array.isArray((node as { stmts?: unknown }).stmts) ? 1 : 0;
  if (level && seen.size > 1 && (k === 'closure' || k === 'async' || k === 'item')) return 1;
  let deepest = 0;
  for (const key in node) {
    if (SKIP.has(key)) continue;
    const v = (node as Record<string, unknown>)[key];
    if (typeof v === 'object' && v !== null) deepest = Math.max(deepest, nestingDepth(v, seen));
  }
  return level + deepest;
}

/** Links the resolver adds (to items, scopes, slot tables) and positions: not part of the body's syntax. */
const SKIP = new Set(['res', 'span', 'nameSpan', 'scope', 'info', 'fn', 'def', 'item']);
