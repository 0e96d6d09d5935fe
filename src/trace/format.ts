/**
 * Readable text for traces: one event per line, `#seq time thread kind field=value …`. Golden traces and
 * `--trace FILE.txt` use this; JSON lines come from `toJsonLine`.
 */
import { formatNanos } from '../base';
import { EVENT_SCHEMA, type TraceEvent } from './events';
import type { TraceReader } from './store';
import { localsText } from './locals';

export function formatEvent(ev: TraceEvent): string {
  const fields = Object.keys(EVENT_SCHEMA[ev.kind])
    .map((k) => {
      const raw = (ev as unknown as Record<string, unknown>)[k];
      const v = ev.kind === 'future-state' && k === 'locals' ? localsText(raw as string) : raw;
      return `${k}=${typeof v === 'string' ? JSON.stringify(v) : String(v)}`;
    })
    .join(' ');
  return `#${ev.seq} ${formatNanos(ev.time)} t${ev.thread} ${ev.kind}${fields ? ' ' + fields : ''}`;
}

export function formatTrace(trace: TraceReader, from = 0, to = trace.length): string {
  const lines: string[] = [];
  for (let i = from; i < to; i++) lines.push(formatEvent(trace.get(i)));
  return lines.join('\n') + (lines.length ? '\n' : '');
}

export function toJsonLine(ev: TraceEvent): string {
  return JSON.stringify(ev);
}
