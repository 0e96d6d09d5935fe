/**
 * The embed's side of the postMessage API (messages.ts has the shapes). Only messages from the page that
 * frames us are read, and only the documented shapes; everything else is ignored. Nothing is evaluated.
 */
import { useApp } from '../store';
import { DEFAULT_SHARE, decodeLink, describeError } from '../share/link';
import { applyState, gotoWhenReady } from '../share/permalink';
import { setNotice } from '../share/share-store';
import { parseHostMessage, type FrameMessage, type HostMessage } from './messages';

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

  // ready after every finished run; step whenever the position changes (once per task, so a fast play
  // sends one message per tick, not one per event).
  let lastStep: number | null = null;
  let queued = false;
  useApp.subscribe((s, prev) => {
    if (s.status === 'ready' && (prev.status !== 'ready' || s.traceVersion !== prev.traceVersion)) {
      post({ type: 'pollscope:ready', steps: s.maxStep + 1 });
      lastStep = null;
    }
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
