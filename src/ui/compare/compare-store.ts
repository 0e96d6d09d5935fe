/**
 * The compare view's state: which run is compared with the one on screen (run A), that second run (B),
 * and their alignment. A is always the app's current trace (simulated, or a recorded real run opened with
 * "Open trace…"); B is another simulation of the same program (seed, tokio profile, flavor) or a recorded
 * real run. B simulates in a worker of its own, so the main view's run is never disturbed.
 */
import { create } from 'zustand';
import type { Profile } from '../../sim/config';
import { compareTraces, type Comparison } from '../../trace/compare';
import { fromJsonLines } from '../../trace/export';
import type { TraceReader } from '../../trace/store';
import { SimClient } from '../../worker/client';
import { failureText } from '../failure';
import { session } from '../session';
import { useApp } from '../store';
import { withFlavor, type Flavor } from './variants';

export type Variant =
  | { kind: 'sim'; seed: number; profile: Profile; flavor: Flavor }
  | { kind: 'recorded'; file: string; trace: TraceReader; source: string };

export interface Side {
  trace: TraceReader;
  label: string;
  source: string;
  recorded: boolean;
}

export interface CompareState {
  open: boolean;
  variant: Variant;
  status: 'idle' | 'running' | 'ready' | 'failed';
  message: string | null;
  a: Side | null;
  b: Side | null;
  comparison: Comparison | null;
  /** The aligned row both sides show. */
  cursor: number;
  setOpen(open: boolean): void;
  setVariant(v: Variant): void;
  openRecording(file: File): Promise<void>;
  compare(): Promise<void>;
  setCursor(row: number): void;
}

let client: SimClient | null = null;
const worker = () =>
  (client ??= new SimClient(
    () => new Worker(new URL('../../worker/sim.worker.ts', import.meta.url), { type: 'module' }),
  ));

/** The run on screen, as side A. */
function currentSide(): Side | null {
  const s = useApp.getState();
  if (!session.trace || s.status !== 'ready') return null;
  return {
    trace: session.trace,
    source: s.runSource,
    recorded: s.recorded !== null,
    label: s.recorded ? 'real run (recorded)' : `simulated · seed ${s.seed} · tokio ${s.profile}`,
  };
}

/** The second run a person most likely wants: the simulation of a recording, or the next seed. */
function defaultVariant(): Variant {
  const s = useApp.getState();
  return { kind: 'sim', seed: s.recorded ? 1 : s.seed + 1, profile: s.profile, flavor: 'as-written' };
}

export const useCompare = create<CompareState>()((set, get) => ({
  open: false,
  variant: { kind: 'sim', seed: 2, profile: '1.24', flavor: 'as-written' },
  status: 'idle',
  message: null,
  a: null,
  b: null,
  comparison: null,
  cursor: 0,

  setOpen: (open) => {
    if (!open) {
      set({ open });
      return;
    }
    set({ open, variant: defaultVariant(), comparison: null, b: null, status: 'idle', message: null });
    void get().compare();
  },

  setVariant: (variant) => {
    set({ variant });
    void get().compare();
  },

  openRecording: async (file) => {
    try {
      const { header, trace } = fromJsonLines(await file.text());
      get().setVariant({ kind: 'recorded', file: file.name, trace, source: header.source });
    } catch (e) {
      set({ status: 'failed', message: `${file.name}: ${e instanceof Error ? e.message : String(e)}` });
    }
  },

  compare: async () => {
    const a = currentSide();
    if (!a) {
      set({ status: 'failed', message: 'Run the program first: there is no run on screen to compare.' });
      return;
    }
    const v = get().variant;
    set({ status: 'running', message: null, a });
    let b: Side;
    if (v.kind === 'recorded') {
      b = { trace: v.trace, source: v.source, recorded: true, label: `real run (${v.file})` };
    } else {
      const source = withFlavor(a.source, v.flavor);
      if (source === null) {
        set({
          status: 'failed',
          message: 'The program has no #[tokio::main] attribute to change the flavor of.',
        });
        return;
      }
      try {
        const r = await worker().run({ source, profile: v.profile, seed: v.seed });
        if (get().variant !== v) return; // another choice was made meanwhile
        if (r.diagnostics.length > 0) {
          set({ status: 'failed', message: `That variant does not compile: ${r.diagnostics[0]!.message}` });
          return;
        }
        const flavor = v.flavor === 'as-written' ? '' : ` · ${v.flavor}`;
        b = {
          trace: r.trace,
          source,
          recorded: false,
          label: `simulated · seed ${v.seed} · tokio ${v.profile}${flavor}`,
        };
      } catch (e) {
        if (get().variant === v) set({ status: 'failed', message: failureText(e) });
        return;
      }
    }
    // Steals only between two simulations: a real runtime does not report them.
    const comparison = compareTraces(a.trace, b.trace, { steals: !a.recorded && !b.recorded });
    const first = comparison.differences[0];
    set({ status: 'ready', a, b, comparison, cursor: first ? first.from : 0 });
  },

  setCursor: (row) => {
    const n = get().comparison?.alignment.rows.length ?? 0;
    set({ cursor: Math.max(0, Math.min(n - 1, row)) });
  },
}));
