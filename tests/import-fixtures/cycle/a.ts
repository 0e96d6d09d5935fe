// Fixture for tests/imports.test.ts: a.ts and b.ts import each other, one of them only for a type.
import { B_NAME } from './b';

export interface A {
  readonly name: string;
}

export const A_NAME = `a (next to ${B_NAME})`;
