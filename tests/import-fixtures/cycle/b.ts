// Fixture for tests/imports.test.ts: the type-only half of the a ↔ b cycle.
import type { A } from './a';

export const B_NAME = 'b';

export function nameOf(a: A): string {
  return a.name;
}
