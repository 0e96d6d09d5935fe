/**
 * `<pollscope-view>`: for pages that would rather include a script than write an iframe.
 *
 *   <script type="module" src="https://example.org/pollscope/pollscope-view.js"></script>
 *   <pollscope-view lesson="two-tasks-and-a-sleep" step="12"></pollscope-view>
 *   <pollscope-view profile="latest"><template>…a program, < as &lt; and & as &amp;…</template></pollscope-view>
 *
 * Attributes: `state` (a permalink fragment), or `lesson` / a `<template>` child holding a program (the
 * older `<script type="text/rust">` child still works, for programs without `</script>`: program-child.ts),
 * with `profile`, `seed`, `step`, `show-code`; `height` (CSS length, default 560px); `label` (the frame's
 * title). When the markup did not carry the program intact, a sentence above the view says why.
 * Methods `goto(step)`, `play()`, `pause()`, `load(state)`; events `pollscope-ready` ({steps}) and
 * `pollscope-step` ({step}). It renders `embed.html` (beside this script) in an iframe, so the view keeps
 * its own styles and Content-Security-Policy whatever the page does.
 */
import { DEFAULT_SHARE, encodeState, type ShareState } from '../share/link';
import { parseFrameMessage } from './messages';
import { readProgramChild } from './program-child';

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
  /** What went wrong with the program in the markup, shown above the frame (never only in the console). */
  private hint: HTMLParagraphElement | null = null;
  /** A program child added or edited after the element was connected (frameworks do that) is picked up. */
  private readonly children$ = new MutationObserver(() => this.render());
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
      this.hint = document.createElement('p');
      this.hint.setAttribute('role', 'note');
      this.hint.setAttribute('part', 'hint');
      this.hint.hidden = true;
      this.hint.style.cssText =
        'margin:0 0 8px;padding:8px 12px;border:1px solid #b45309;border-radius:6px;background:#fffbeb;color:#78350f;font:14px/1.4 system-ui,sans-serif;';
      this.frame = document.createElement('iframe');
      this.frame.style.cssText = 'display:block;width:100%;border:0;';
      root.append(this.hint, this.frame);
    }
    this.style.display ||= 'block';
    window.addEventListener('message', this.onMessage);
    this.children$.observe(this, { childList: true, subtree: true, characterData: true });
    this.render();
  }

  disconnectedCallback(): void {
    window.removeEventListener('message', this.onMessage);
    this.children$.disconnect();
  }

  attributeChangedCallback(): void {
    if (this.frame) this.render();
  }

  /** The state the attributes and the program child describe, and what went wrong reading the child. */
  private fragment(): { fragment: string; problem: string | null } {
    const given = this.getAttribute('state');
    if (given) return { fragment: given.startsWith('#') ? given : '#' + given, problem: null };
    const { source: code, problem } = readProgramChild(this);
    const profile = this.getAttribute('profile') === 'latest' ? 'latest' : '1.24';
    const state: ShareState = {
      ...DEFAULT_SHARE,
      lessonId: this.getAttribute('lesson') ?? (code === null ? 'two-tasks-and-a-sleep' : null),
      source: code,
      profile,
      seed: intAttr(this, 'seed') ?? DEFAULT_SHARE.seed,
      step: intAttr(this, 'step') ?? -1,
      hiddenPanels: this.hasAttribute('show-code') ? [] : ['code'],
    };
    return { fragment: '#' + encodeState(state), problem };
  }

  private render(): void {
    const frame = this.frame;
    if (!frame) return;
    frame.title = this.getAttribute('label') ?? 'Pollscope: a tokio program, step by step';
    frame.style.height = this.getAttribute('height') ?? '560px';
    frame.setAttribute('loading', 'lazy');
    const { fragment, problem } = this.fragment();
    this.hint!.textContent = problem ?? '';
    this.hint!.hidden = problem === null;
    const src = EMBED_URL.href + fragment;
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
