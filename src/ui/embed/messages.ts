/**
 * The embed's postMessage API (DESIGN.md §6), validated with valibot. Pure: parsing only.
 *
 * host → frame: `pollscope:goto {step}`, `pollscope:play`, `pollscope:pause`,
 *               `pollscope:load {state}` (a permalink, with or without `#`) or `pollscope:load {source}`
 * frame → host: `pollscope:ready {steps}`, `pollscope:step {step}`, `pollscope:error {message}` (a refused
 *               load, a program outside the supported language with `main.rs:LINE:COL`, a simulator failure)
 *
 * Anything that does not match exactly is ignored: messages are data, never code.
 */
import * as v from 'valibot';
import { MAX_LINK_CHARS, MAX_SOURCE_CHARS } from '../share/link';

const HostMessage = v.variant('type', [
  v.object({
    type: v.literal('pollscope:goto'),
    step: v.pipe(v.number(), v.integer(), v.minValue(-1), v.maxValue(2 ** 31)),
  }),
  v.object({ type: v.literal('pollscope:play') }),
  v.object({ type: v.literal('pollscope:pause') }),
  v.object({ type: v.literal('pollscope:load'), state: v.pipe(v.string(), v.maxLength(MAX_LINK_CHARS + 1)) }),
  v.object({
    type: v.literal('pollscope:load'),
    source: v.pipe(v.string(), v.maxLength(MAX_SOURCE_CHARS)),
    profile: v.optional(v.picklist(['1.24', 'latest'])),
    seed: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(2 ** 32 - 1))),
  }),
]);
export type HostMessage = v.InferOutput<typeof HostMessage>;

export type FrameMessage =
  | { type: 'pollscope:ready'; steps: number }
  | { type: 'pollscope:step'; step: number }
  | { type: 'pollscope:error'; message: string };

/** The message if it is one of ours and well-formed; otherwise null. Never throws. */
export function parseHostMessage(data: unknown): HostMessage | null {
  try {
    const r = v.safeParse(HostMessage, data);
    return r.success ? r.output : null;
  } catch {
    return null;
  }
}

/** The longest `pollscope:error` message the frame sends (and a host accepts). */
export const MAX_ERROR_CHARS = 2000;

const FrameMessageSchema = v.variant('type', [
  v.object({ type: v.literal('pollscope:ready'), steps: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  v.object({ type: v.literal('pollscope:step'), step: v.pipe(v.number(), v.integer(), v.minValue(-1)) }),
  v.object({ type: v.literal('pollscope:error'), message: v.pipe(v.string(), v.maxLength(MAX_ERROR_CHARS)) }),
]);

/** For hosts (the custom element): the frame's message if well-formed. */
export function parseFrameMessage(data: unknown): FrameMessage | null {
  try {
    const r = v.safeParse(FrameMessageSchema, data);
    return r.success ? r.output : null;
  } catch {
    return null;
  }
}
