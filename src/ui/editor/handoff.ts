// When the CodeMirror chunk arrives, React swaps the fallback textarea for the editor in one commit. If the
// user was typing in the textarea, the editor takes over its focus and selection, so nothing is lost.

export interface Handoff {
  anchor: number;
  head: number;
  at: number;
}

let pending: Handoff | null = null;

/** Records that the focused fallback textarea is going away, with its selection. */
export function leaveHandoff(anchor: number, head: number): void {
  pending = { anchor, head, at: Date.now() };
}

/** The handoff left by a textarea that was focused when it unmounted just now, if any. */
export function takeHandoff(maxAgeMs = 500): Handoff | null {
  const h = pending;
  return h && Date.now() - h.at <= maxAgeMs ? h : null;
}
