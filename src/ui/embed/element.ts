/**
 * `<pollscope-view>`: for pages that would rather include a script than write an iframe.
 *
 *   <script type="module" src="https://example.org/pollscope/pollscope-view.js"></script>
 *   <pollscope-view lesson="two-tasks-and-a-sleep" step="12"></pollscope-view>
 *   <pollscope-view profile="latest"><script type="text/rust">…a program…</script></pollscope-view>
 *
 * Attributes: `state` (a permalink fragment), or `lesson` / a `<script type="text/rust">` child, with
 * `profile`, `seed`, `step`, `show-code`; `height` (CSS length, default 560px); `label` (the frame's title).
 * Methods `goto(step)`, `play()`, `pause()`, `load(state)`; events `pollscope-ready` ({steps}) and
 * `pollscope-step` ({step}). It renders `embed.html` (beside this script) in an iframe, so the view keeps
 * its own styles and Content-Security-Policy whatever the page does.
 */
import { DEFAULT_SHARE, encodeState, type ShareState } from '../share/link';
import { parseFrameMessage } from './messages';

const EMBED_URL = new URL(/* @vite-ignore */ 'embed.html', import.meta.url);

function intAttr(el: Element, name: string): number | undefined {
  const raw = el.getAttribute(name);
  if (raw === null || !/^-?\d+$/.test(raw.trim())) return undefined;
  return Number(raw);
}

export class PollscopeView extends HTMLElement {
  static readonly observedAttributes = [
    'state',
    'lesson',
    'profile',
    'seed',
    'step',
    'show-code',
    'height',
    'label',
  ];
  private frame: HTMLIFrameElement | null = null;
  private readonly onMessage = (e: MessageEvent) => {
    if (!this.frame || e.source !== this.frame.contentWindow) return;
    const m = parseFrameMessage(e.data);
    if (!m) return;
    if (m.type === 'pollscope:ready') this.steps = m.steps;
    if (m.type === 'pollscope:step') this.step = m.step;
    const name = m.type.replace('pollscope:', 'pollscope-');
    this.dispatchEvent(new CustomEvent(name, { detail: { ...m }, bubbles: true, composed: true }));
  };
  /** Steps in the current run (from the frame's last ready message). */
  steps = 0;
  /** The frame's current step (from its last step message). */
  step = -1;

  connectedCallback(): void {
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    if (!this.frame) {
      this.frame = document.createElement('iframe');
      this.frame.style.cssText = 'display:block;width:100%;border:0;';
      root.append(this.frame);
    }
    this.style.display ||= 'block';
    window.addEventListener('message', this.onMessage);
    this.render();
  }

  disconnectedCallback(): void {
    window.removeEventListener('message', this.onMessage);
  }

  attributeChangedCallback(): void {
    if (this.frame) this.render();
  }

  /** The state the attributes describe. */
  private fragment(): string {
    const given = this.getAttribute('state');
    if (given) return given.startsWith('#') ? given : '#' + given;
    const code = this.querySelector('script[type="text/rust"]')?.textContent ?? null;
    const profile = this.getAttribute('profile') === 'latest' ? 'latest' : '1.24';
    const state: ShareState = {
      ...DEFAULT_SHARE,
      lessonId: this.getAttribute('lesson') ?? (code === null ? 'two-tasks-and-a-sleep' : null),
      source: code === null ? null : code.replace(/^\n/, ''),
      profile,
      seed: intAttr(this, 'seed') ?? DEFAULT_SHARE.seed,
      step: intAttr(this, 'step') ?? -1,
      hiddenPanels: this.hasAttribute('show-code') ? [] : ['code'],
    };
    return '#' + encodeState(state);
  }

  private render(): void {
    const frame = this.frame!;
    frame.title = this.getAttribute('label') ?? 'Pollscope: a tokio program, step by step';
    frame.style.height = this.getAttribute('height') ?? '560px';
    frame.setAttribute('loading', 'lazy');
    const src = EMBED_URL.href + this.fragment();
    if (frame.src !== src) frame.src = src;
  }

  private send(message: object): void {
    this.frame?.contentWindow?.postMessage(message, EMBED_URL.origin);
  }

  goto(step: number): void {
    this.send({ type: 'pollscope:goto', step });
  }
  play(): void {
    this.send({ type: 'pollscope:play' });
  }
  pause(): void {
    this.send({ type: 'pollscope:pause' });
  }
  load(state: string): void {
    this.send({ type: 'pollscope:load', state });
  }
}

if (!customElements.get('pollscope-view')) customElements.define('pollscope-view', PollscopeView);
