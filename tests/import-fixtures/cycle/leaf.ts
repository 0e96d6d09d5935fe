// Fixture for tests/imports.test.ts: imported by nobody in the cycle, importing it; not part of any cycle.
import { A_NAME } from './a';

export const LEAF = A_NAME.length;
