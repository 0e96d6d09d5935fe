/**
 * The state-machine layout of every async fn and async block: the enum rustc generates for it, with one
 * variant per `.await` and the names of the locals each variant holds. The UI prints these as Rust, and
 * fills in the current variant's values from `future-state` events.
 */
import type { FnInfo } from '../lang/ast';
import { LineIndex } from '../lang/diagnostics';
import type { ResolvedProgram } from '../lang/resolve';
import { walkProgram } from '../lang/walk';

export interface VariantLayout {
  name: string;
  /** Field names (the locals alive in this variant). */
  fields: string[];
  /** The `.await` line for suspend variants, else -1. */
  line: number;
  /** The `.await` expression's source span for suspend variants (its end is just past `await`), else null. */
  span: { start: number; end: number } | null;
}

export interface FutureLayout {
  /** The enum's name, as the trace's `future-new` names it (`MainFuture`, `AsyncBlock12Future`). */
  name: string;
  kind: 'async fn' | 'async block';
  line: number;
  variants: VariantLayout[];
}

export function futureLayouts(p: ResolvedProgram): FutureLayout[] {
  const lines = new LineIndex(p.program.source);
  const out: FutureLayout[] = [];
  const add = (info: FnInfo, kind: FutureLayout['kind'], offset: number) => {
    const unresumed = info.slotNames.filter((_n, slot) =>
      kind === 'async block' ? info.captures.some((c) => c.slot === slot) : slot < paramCount(info),
    );
    out.push({
      name: info.futureName,
      kind,
      line: lines.position(offset).line,
      variants: [
        { name: 'Unresumed', fields: unresumed, line: -1, span: null },
        ...info.suspends.map((s, k) => ({
          name: `Suspend${k}`,
          fields: [...s.live.map((slot) => info.slotNames[slot]!), '__awaitee'],
          line: lines.position(s.span.start).line,
          span: { start: s.span.start, end: s.span.end },
        })),
        { name: 'Returned', fields: [], line: -1, span: null },
        { name: 'Panicked', fields: [], line: -1, span: null },
      ],
    });
  };
  const paramCounts = new Map<FnInfo, number>();
  const paramCount = (info: FnInfo) => paramCounts.get(info) ?? 0;
  for (const f of [...p.fns.values(), ...p.methods.values()]) {
    if (!f.async || !f.info) continue;
    paramCounts.set(f.info, f.params.length + (f.selfMode !== null ? 1 : 0));
    add(f.info, 'async fn', f.span.start);
  }
  walkProgram(p.program, (e) => {
    if (e.k === 'async' && e.fn) add(e.fn, 'async block', e.span.start);
  });
  return out;
}
