/**
 * The embed's side of the postMessage API (messages.ts has the shapes). Only messages from the page that
 * frames us are read, and only the documented shapes; everything else is ignored. Nothing is evaluated.
 */
import { LineIndex, formatDiagnostic, type Diagnostic } from '../../lang/diagnostics';
import { useApp, type AppState } from '../store';
import { DEFAULT_SHARE, decodeLink, describeError } from '../share/link';
import { applyState, gotoWhenReady } from '../share/permalink';
import { setNotice } from '../share/share-store';
import { MAX_ERROR_CHARS, parseHostMessage, type FrameMessage, type HostMessage } from './messages';

/** Frame messages are capped (messages.ts); a long diagnostic is cut, never dropped. */
const clip = (text: string) =>
  text.length <= MAX_ERROR_CHARS ? text : text.slice(0, MAX_ERROR_CHARS - 1) + '…';

/** A program outside the supported language: the diagnostic as the CLI prints it, `main.rs:LINE:COL: …`. */
function unsupportedMessage(s: AppState): string {
  const index = new LineIndex(s.source);
  const d: Diagnostic | undefined =
    s.diagnostics[0] ??
    (s.outcome?.span ? { severity: 'error', message: s.outcome.message, span: s.outcome.span } : undefined);
  return clip(d ? formatDiagnostic('main.rs', index, d) : `main.rs: error: ${s.outcome?.message ?? ''}`);
}

function post(m: FrameMessage): void {
  // The view is not secret (it is in our own URL), so any host may listen.
  if (window.parent !== window) window.parent.postMessage(m, '*');
}

function handle(m: HostMessage): void {
  const s = useApp.getState();
  switch (m.type) {
    case 'pollscope:goto':
      gotoWhenReady(m.step);
      return;
    case 'pollscope:play':
      if (s.status === 'ready') s.setPlaying(true);
      return;
    case 'pollscope:pause':
      s.setPlaying(false);
      return;
    case 'pollscope:load': {
      if ('state' in m) {
        const d = decodeLink(m.state);
        if (!d.ok) {
          const message = describeError(d.error);
          setNotice({ tone: 'error', text: message });
          post({ type: 'pollscope:error', message });
          return;
        }
        setNotice(null);
        applyState(d.state);
      } else {
        setNotice(null);
        applyState({
          ...DEFAULT_SHARE,
          source: m.source,
          profile: m.profile ?? DEFAULT_SHARE.profile,
          seed: m.seed ?? DEFAULT_SHARE.seed,
          hiddenPanels: ['code'],
        });
      }
      return;
    }
    default: {
      const never: never = m;
      return never;
    }
  }
}

export function startBridge(): void {
  window.addEventListener('message', (e) => {
    if (window.parent === window || e.source !== window.parent) return;
    const m = parseHostMessage(e.data);
    if (m) handle(m);
  });

  // After every run: ready with its steps, or error when there is nothing to show (the program is outside
  // what Pollscope runs, or the simulator failed); step whenever the position changes (once per task, so a
  // fast play sends one message per tick, not one per event).
  let lastStep: number | null = null;
  let queued = false;
  useApp.subscribe((s, prev) => {
    if (s.status === 'ready' && (prev.status !== 'ready' || s.traceVersion !== prev.traceVersion)) {
      const refused = s.outcome?.kind === 'unsupported' ? unsupportedMessage(s) : null;
      post(
        refused === null
          ? { type: 'pollscope:ready', steps: s.maxStep + 1 }
          : { type: 'pollscope:error', message: refused },
      );
      lastStep = null;
    }
    if (s.status === 'failed' && prev.status !== 'failed' && s.failure)
      post({ type: 'pollscope:error', message: clip(s.failure) });
    if (s.status === 'ready' && s.step !== lastStep && !queued) {
      queued = true;
      setTimeout(() => {
        queued = false;
        const now = useApp.getState();
        if (now.status !== 'ready' || now.step === lastStep) return;
        lastStep = now.step;
        post({ type: 'pollscope:step', step: now.step });
      }, 0);
    }
  });
}
