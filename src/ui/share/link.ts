/**
 * The permalink format (DESIGN.md §6): `#v1.<base64url(deflate-raw(JSON))>`.
 *
 * Pure: no DOM, no storage. `encodeState` and `decodeLink` are inverses for every valid `ShareState`;
 * `decodeLink` never throws, whatever the input, and returns a reason a person can read.
 *
 * Versions: the tag before the dot. A decoder for every version ever published stays here, each turning its
 * payload into the current `ShareState`; `tests/fixtures/links/` keeps real links of each version, and
 * `link.test.ts` opens every one of them. To change the format, add `v2`, keep `v1`'s decoder and fixtures.
 */
import { deflateSync, Inflate } from 'fflate';
import * as v from 'valibot';
import type { Limits as SimLimits } from '../../sim/config';

/** Links (the part after `#`) longer than this are refused before any decoding. */
export const MAX_LINK_CHARS = 256 * 1024;
/** A payload may not inflate to more than this (a small link must not expand into a huge one). */
export const MAX_PAYLOAD_BYTES = 256 * 1024;
/** Source code carried by a link, in UTF-16 code units. */
export const MAX_SOURCE_CHARS = 200_000;
export const MAX_NOTE_CHARS = 2_000;
export const CURRENT_VERSION = 1;

/** Panels a link can hide (the Timeline, with the transport, is always shown). */
export const PANEL_IDS = ['code', 'runtime', 'reactor', 'tasks', 'output', 'narration'] as const;
export type PanelId = (typeof PANEL_IDS)[number];

const int = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));

/** Limits are optional, each a positive integer no larger than the simulator's defaults allow. */
const LimitsSchema = v.object({
  maxEvents: v.optional(int(1, 2_000_000)),
  maxTasks: v.optional(int(1, 100_000)),
  maxMachineTime: v.optional(int(1, 3600e9)),
  maxStepsPerPoll: v.optional(int(1, 5_000_000)),
  maxSteps: v.optional(int(1, 1_000_000_000)),
  maxOutputChars: v.optional(int(1, 1_000_000)),
  maxMemory: v.optional(int(1, 256 * 2 ** 20)),
});

/** Version 1 on the wire: short keys, everything but the program optional. */
const V1Schema = v.object({
  /** lesson id */
  l: v.optional(v.pipe(v.string(), v.maxLength(100), v.regex(/^[a-z0-9-]+$/))),
  /** source; absent when it is the lesson's own text */
  s: v.optional(v.pipe(v.string(), v.maxLength(MAX_SOURCE_CHARS))),
  /** profile */
  p: v.optional(v.picklist(['1.24', 'latest'])),
  /** seed */
  r: v.optional(int(0, 2 ** 32 - 1)),
  /** limits */
  m: v.optional(LimitsSchema),
  /** step (-1 = before the first event) */
  t: v.optional(int(-1, 2 ** 31)),
  /** selected task */
  k: v.optional(int(0, 2 ** 31)),
  /** hidden panels */
  h: v.optional(v.pipe(v.array(v.picklist(PANEL_IDS)), v.maxLength(PANEL_IDS.length))),
  /** timeline axis */
  a: v.optional(v.picklist(['step', 'time'])),
  /** step granularity */
  g: v.optional(v.picklist(['event', 'poll', 'wake'])),
  /** note shown in the Narration region */
  n: v.optional(v.pipe(v.string(), v.maxLength(MAX_NOTE_CHARS))),
});
type V1 = v.InferOutput<typeof V1Schema>;

/** Limits a link may set (each optional; the simulator's defaults fill the rest). */
export type Limits = Partial<SimLimits>;

/** Everything a link reproduces. `source: null` means "the lesson's own text". */
export interface ShareState {
  lessonId: string | null;
  source: string | null;
  profile: '1.24' | 'latest';
  seed: number;
  limits: Limits;
  step: number;
  selectedTask: number | null;
  hiddenPanels: PanelId[];
  timelineAxis: 'step' | 'time';
  granularity: 'event' | 'poll' | 'wake';
  note: string;
}

export const DEFAULT_SHARE: ShareState = {
  lessonId: null,
  source: null,
  profile: '1.24',
  seed: 1,
  limits: {},
  step: -1,
  selectedTask: null,
  hiddenPanels: [],
  timelineAxis: 'step',
  granularity: 'event',
  note: '',
};

export type DecodeError =
  | { kind: 'empty' }
  | { kind: 'oversized'; chars: number }
  | { kind: 'future-version'; version: number }
  | { kind: 'unknown-format' }
  | { kind: 'damaged'; detail: string };

export type Decoded = { ok: true; state: ShareState; version: number } | { ok: false; error: DecodeError };

/** A sentence for the person who opened the link. Never includes the link's own text. */
export function describeError(e: DecodeError): string {
  switch (e.kind) {
    case 'empty':
      return 'This link carries no Pollscope view.';
    case 'oversized':
      return `This link is too long to open (${Math.round(e.chars / 1024)} KB; links up to ${MAX_LINK_CHARS / 1024} KB open).`;
    case 'future-version':
      return `This link was made by a newer Pollscope (link format v${e.version}); this page opens links up to v${CURRENT_VERSION}.`;
    case 'unknown-format':
      return 'This is not a Pollscope link.';
    case 'damaged':
      return 'This link is damaged or incomplete (was it cut off when it was copied?).';
  }
}

function toV1(s: ShareState): V1 {
  const w: V1 = {};
  if (s.lessonId !== null) w.l = s.lessonId;
  if (s.source !== null) w.s = s.source;
  if (s.profile !== DEFAULT_SHARE.profile) w.p = s.profile;
  if (s.seed !== DEFAULT_SHARE.seed) w.r = s.seed;
  if (Object.keys(s.limits).length > 0) w.m = s.limits;
  if (s.step !== -1) w.t = s.step;
  if (s.selectedTask !== null) w.k = s.selectedTask;
  if (s.hiddenPanels.length > 0) w.h = PANEL_IDS.filter((p) => s.hiddenPanels.includes(p));
  if (s.timelineAxis !== DEFAULT_SHARE.timelineAxis) w.a = s.timelineAxis;
  if (s.granularity !== DEFAULT_SHARE.granularity) w.g = s.granularity;
  if (s.note !== '') w.n = s.note;
  return w;
}

function fromV1(w: V1): ShareState {
  const limits: Limits = {};
  for (const [k, val] of Object.entries(w.m ?? {})) if (val !== undefined) limits[k as keyof Limits] = val;
  return {
    lessonId: w.l ?? null,
    source: w.s ?? null,
    profile: w.p ?? DEFAULT_SHARE.profile,
    seed: w.r ?? DEFAULT_SHARE.seed,
    limits,
    step: w.t ?? -1,
    selectedTask: w.k ?? null,
    hiddenPanels: PANEL_IDS.filter((p) => w.h?.includes(p)),
    timelineAxis: w.a ?? DEFAULT_SHARE.timelineAxis,
    granularity: w.g ?? DEFAULT_SHARE.granularity,
    note: w.n ?? '',
  };
}

/** Puts a state in canonical form (panel order, no undefined limits): what a decode of its encoding gives. */
export function normalize(s: ShareState): ShareState {
  return fromV1(toV1(s));
}

// base64url without padding, over bytes.
function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Inflates, refusing to produce more than `max` bytes (so a tiny link cannot expand into gigabytes). */
function inflateBounded(data: Uint8Array, max: number): Uint8Array | null {
  const parts: Uint8Array[] = [];
  let total = 0;
  let done = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > max) throw new RangeError('payload too large');
    parts.push(chunk);
    if (final) done = true;
  });
  try {
    inflater.push(data, true);
  } catch {
    return null;
  }
  if (!done) return null;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The link text (what goes after `#`) for a state. */
export function encodeState(state: ShareState): string {
  const json = JSON.stringify(toV1(state));
  return `v${CURRENT_VERSION}.${toBase64Url(deflateSync(new TextEncoder().encode(json), { level: 9 }))}`;
}

/** Reads a link fragment (with or without the leading `#`). Never throws. */
export function decodeLink(fragment: unknown): Decoded {
  try {
    return decodeUnsafe(fragment);
  } catch {
    return { ok: false, error: { kind: 'damaged', detail: 'unexpected' } };
  }
}

function decodeUnsafe(fragment: unknown): Decoded {
  if (typeof fragment !== 'string') return { ok: false, error: { kind: 'unknown-format' } };
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (text.length === 0) return { ok: false, error: { kind: 'empty' } };
  if (text.length > MAX_LINK_CHARS) return { ok: false, error: { kind: 'oversized', chars: text.length } };
  const m = /^v(\d{1,6})\.(.*)$/s.exec(text);
  if (!m) return { ok: false, error: { kind: 'unknown-format' } };
  const version = Number(m[1]);
  if (version > CURRENT_VERSION) return { ok: false, error: { kind: 'future-version', version } };
  if (version !== 1) return { ok: false, error: { kind: 'unknown-format' } };
  const bytes = fromBase64Url(m[2]!);
  if (!bytes) return { ok: false, error: { kind: 'damaged', detail: 'not base64url' } };
  const raw = inflateBounded(bytes, MAX_PAYLOAD_BYTES);
  if (!raw) return { ok: false, error: { kind: 'damaged', detail: 'not deflate (or too large)' } };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
  } catch {
    return { ok: false, error: { kind: 'damaged', detail: 'not JSON' } };
  }
  const parsed = v.safeParse(V1Schema, json);
  if (!parsed.success) return { ok: false, error: { kind: 'damaged', detail: 'unexpected fields' } };
  if (parsed.output.l === undefined && parsed.output.s === undefined)
    return { ok: false, error: { kind: 'damaged', detail: 'no program' } };
  return { ok: true, state: fromV1(parsed.output), version };
}
