/**
 * Delta debugging (Zeller's ddmin): the smallest program, by lines and then by tokens, that still shows the
 * same finding. `stillFails` is a full `check` of a candidate; `budget` bounds how many it may run.
 */
import { join, pieces } from './corpus';

export function minimize(source: string, stillFails: (candidate: string) => boolean, budget: number): string {
  let tries = 0;
  const test = (candidate: string) => {
    if (tries >= budget) return false;
    tries++;
    return stillFails(candidate);
  };
  const byLines = ddmin(source.split('\n'), (ls) => test(ls.join('\n')));
  let best = byLines.join('\n');
  const ps = pieces(best);
  if (ps && ps.length > 1) {
    const eof = ps[ps.length - 1]!;
    const byTokens = ddmin(ps.slice(0, -1), (xs) => test(join(xs) + eof.trivia));
    best = join(byTokens) + eof.trivia;
  }
  return best;
}

/** The classic algorithm: remove chunks (and keep single chunks) at finer and finer granularity. */
function ddmin<T>(items: T[], fails: (xs: T[]) => boolean): T[] {
  let xs = items;
  let n = 2;
  while (xs.length >= 2) {
    const chunk = Math.ceil(xs.length / n);
    let reduced = false;
    for (let i = 0; i < n && !reduced; i++) {
      const complement = [...xs.slice(0, i * chunk), ...xs.slice((i + 1) * chunk)];
      if (complement.length > 0 && fails(complement)) {
        xs = complement;
        n = Math.max(n - 1, 2);
        reduced = true;
      }
    }
    if (!reduced) {
      if (n >= xs.length) break;
      n = Math.min(n * 2, xs.length);
    }
  }
  return xs;
}
