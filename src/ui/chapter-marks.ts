/** Where the lesson's chapter marks go on the position slider (pure: positions in, positions out). */

/**
 * Positions (px, ascending) moved apart to at least `gap` from each other, kept inside [0, width] when
 * there is room: forward from the left, then back from the right edge.
 */
export function spreadMarks(xs: readonly number[], width: number, gap: number): number[] {
  const out = [...xs];
  for (let i = 1; i < out.length; i++) out[i] = Math.max(out[i]!, out[i - 1]! + gap);
  for (let i = out.length - 1; i >= 0; i--) {
    const limit = i === out.length - 1 ? width : out[i + 1]! - gap;
    out[i] = Math.max(0, Math.min(out[i]!, limit));
  }
  return out;
}
