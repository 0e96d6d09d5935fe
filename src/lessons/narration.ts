/**
 * Narration tied to a run: a lesson lists *moments*, each a matcher for one event of the run and the text
 * that explains what is on screen from that event on. `placeMoments` finds them in a trace, in order — each
 * moment is the first matching event after the previous moment — so the text always sits on the event it
 * talks about, whatever the exact step numbers (they change when the simulator's detail changes).
 */
import type { EventKind, TraceEvent } from '../trace/events';
import type { Claim } from './claims';
import type { TraceReader } from '../trace/store';

/** Field values an event must have; `text` on a `print` event matches a substring of what was printed. */
export type EventMatch = { kind: EventKind } & Partial<Record<string, string | number>>;

export interface Moment {
  readonly when: EventMatch;
  /** What a learner should see and why, in plain words. Plain text: never interpreted as HTML. */
  readonly text: string;
  /** What the text says is on screen at this moment, checked by src/lessons/agreement.test.ts. */
  readonly shows?: readonly Claim[];
}

export interface PlacedMoment {
  readonly step: number;
  readonly text: string;
}

export interface Placement {
  readonly placed: PlacedMoment[];
  /** The first moment that matched no event (its index), or -1 when all were placed. */
  readonly missing: number;
}

function matches(ev: TraceEvent, m: EventMatch): boolean {
  if (ev.kind !== m.kind) return false;
  const fields = ev as unknown as Record<string, unknown>;
  for (const key of Object.keys(m)) {
    if (key === 'kind') continue;
    const want = m[key];
    const got = fields[key];
    if (ev.kind === 'print' && key === 'text') {
      if (typeof got !== 'string' || !got.includes(String(want))) return false;
    } else if (got !== want) return false;
  }
  return true;
}

/** Places each moment on the first event after the previous moment that matches it. */
export function placeMoments(trace: TraceReader, moments: readonly Moment[]): Placement {
  const placed: PlacedMoment[] = [];
  let i = 0;
  for (let k = 0; k < moments.length; k++) {
    const m = moments[k]!;
    let found = -1;
    for (; i < trace.length; i++) {
      if (trace.kindAt(i) !== m.when.kind) continue;
      if (matches(trace.get(i), m.when)) {
        found = i;
        i++;
        break;
      }
    }
    if (found < 0) return { placed, missing: k };
    placed.push({ step: found, text: m.text });
  }
  return { placed, missing: -1 };
}

/** The narration at `step`: the last moment at or before it (null before the first). */
export function momentAt(placed: readonly PlacedMoment[], step: number): PlacedMoment | null {
  let lo = 0;
  let hi = placed.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (placed[mid]!.step <= step) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? null : placed[lo - 1]!;
}

/** The last moment strictly before `step` (Previous moment), or null. */
export function previousMomentBefore(placed: readonly PlacedMoment[], step: number): PlacedMoment | null {
  let found: PlacedMoment | null = null;
  for (const p of placed) {
    if (p.step >= step) break;
    found = p;
  }
  return found;
}

/** The first moment strictly after `step` (where Play pauses next), or null. */
export function nextMomentAfter(placed: readonly PlacedMoment[], step: number): PlacedMoment | null {
  for (const p of placed) if (p.step > step) return p;
  return null;
}
