// A deliberate layer violation, checked by tests/layers.test.ts: the core's tsconfig has no DOM or Node
// typings, so each of these lines must fail to type-check there.
export const title = document.title;
export const later = setTimeout(() => {}, 1);
export const env = process.env.HOME;
export const t0 = performance.now();
