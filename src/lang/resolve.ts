/**
 * Name resolution and frame layout.
 *
 * - Every binding gets a slot in its function's frame; closures and async blocks get their own frame and a
 *   capture list (by move or by reference).
 * - Every path expression is resolved: a local (frame depth + slot), a user item, or a builtin of the
 *   runtime API (the `BuiltinOracle` comes from sim/, which owns that API).
 * - Every `.await` / `select!` / `join!` in an async body becomes a numbered suspend point with the slots
 *   alive across it: the variants of the generated future enum (`Suspend0 { .. }`, …).
 * - Every path expression learns whether its value is moved out or only borrowed, so the interpreter can run
 *   Rust's drops at the right time.
 * - Each expression is marked `sync` when it can neither suspend nor block its thread; the interpreter
 *   evaluates such subtrees without generators.
 *
 * The resolver is one class split over files (resolver/scopes.ts explains the layering).
 */
import type { Program } from './ast';
import { ItemResolver } from './resolver/items';
import { inferNumericKinds } from './types/infer';
import type { BuiltinOracle, ResolvedProgram } from './resolver/scopes';

export function resolveProgram(program: Program, oracle: BuiltinOracle): ResolvedProgram {
  const resolved = new Resolver(program, oracle).run();
  // Integer and float kinds on the expressions (`Expr.nk`), for exact arithmetic and overflow checks.
  inferNumericKinds(resolved);
  return resolved;
}

/** The layers stacked: scopes → paths → expressions → items. */
class Resolver extends ItemResolver {}

export type { BuiltinOracle, ImplRecord, ResolvedProgram } from './resolver/scopes';
