import { useEffect, useRef } from 'react';
import { PROFILES, type Profile } from '../../sim/config';
import { describeLine, type Comparison, type Difference } from '../../trace/compare';
import { useApp } from '../store';
import { taskTitle } from '../task-names';
import { CompareLanes } from './CompareLanes';
import { useCompare, type Side, type Variant } from './compare-store';
import type { Flavor } from './variants';

/** Differences listed at most; the rest are counted (they are all marked on the lanes). */
const LISTED = 200;

const KIND_WORDS: Record<Difference['kind'], string> = {
  spawn: 'spawn',
  poll: 'poll order',
  wake: 'wake',
  completion: 'completion',
  steal: 'steal',
};

/**
 * "Compare runs": the run on screen (A) beside a second run of the same program (B) — another seed, tokio
 * profile or flavor, or a recorded real run — aligned event by event, with their differences listed and
 * marked, and a cursor that moves through both at once.
 */
export function CompareView() {
  const open = useCompare((s) => s.open);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="compare"
      aria-labelledby="compare-title"
      onClose={() => useCompare.getState().setOpen(false)}
    >
      <h2 id="compare-title">Compare two runs</h2>
      {open && <CompareBody />}
      <form method="dialog">
        <button type="submit">Close</button>
      </form>
    </dialog>
  );
}

function CompareBody() {
  const { status, message, a, b, comparison, cursor } = useCompare();
  return (
    <>
      <p className="muted">
        Run A is the run on screen{a ? `: ${a.label}` : ''}. Both runs are reduced to the order of their
        spawns, polls, Pending/Ready, wakes and completions
        {a && b && !a.recorded && !b.recorded ? ' and steals' : ''}, and aligned so that what they share lines
        up.
      </p>
      <VariantPicker />
      {status === 'running' && <p role="status">Simulating run B…</p>}
      {status === 'failed' && message && (
        <p className="banner error" role="alert">
          {message}
        </p>
      )}
      {status === 'ready' && a && b && comparison && (
        <Result comparison={comparison} a={a} b={b} cursor={cursor} />
      )}
    </>
  );
}

function VariantPicker() {
  const variant = useCompare((s) => s.variant);
  const set = (v: Variant) => useCompare.getState().setVariant(v);
  const file = useRef<HTMLInputElement>(null);
  const sim = variant.kind === 'sim' ? variant : null;
  const simDefaults = {
    kind: 'sim',
    seed: useApp.getState().seed + 1,
    profile: '1.24',
    flavor: 'as-written',
  } as const;
  return (
    <fieldset className="compare-variant">
      <legend>Run B</legend>
      <label className="field">
        <span>compare with</span>
        <select
          aria-label="Run B"
          value={variant.kind}
          onChange={(e) => (e.target.value === 'sim' ? set(simDefaults) : file.current?.click())}
        >
          <option value="sim">another simulation</option>
          <option value="recorded">a recorded real run…</option>
        </select>
      </label>
      {sim && (
        <>
          <label className="field">
            <span>seed</span>
            <input
              type="number"
              min={0}
              aria-label="Run B seed"
              value={sim.seed}
              onChange={(e) => {
                const seed = Number(e.target.value);
                if (Number.isInteger(seed) && seed >= 0) set({ ...sim, seed });
              }}
            />
          </label>
          <label className="field">
            <span>tokio</span>
            <select
              aria-label="Run B tokio version"
              value={sim.profile}
              onChange={(e) => set({ ...sim, profile: e.target.value as Profile })}
            >
              {PROFILES.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>flavor</span>
            <select
              aria-label="Run B flavor"
              value={sim.flavor}
              onChange={(e) => set({ ...sim, flavor: e.target.value as Flavor })}
            >
              <option value="as-written">as written</option>
              <option value="current_thread">current_thread</option>
              <option value="multi_thread">multi_thread, 4 workers</option>
            </select>
          </label>
        </>
      )}
      {variant.kind === 'recorded' && <span className="muted">{variant.file}</span>}
      <input
        ref={file}
        type="file"
        hidden
        accept=".jsonl,application/x-ndjson"
        aria-label="Open a recorded trace as run B"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void useCompare.getState().openRecording(f);
          e.target.value = '';
        }}
      />
    </fieldset>
  );
}

function Result({ comparison, a, b, cursor }: { comparison: Comparison; a: Side; b: Side; cursor: number }) {
  const { rows, truncated } = comparison.alignment;
  const diffs = comparison.differences;
  const row = rows[cursor];
  const setCursor = useCompare.getState().setCursor;
  const sameProgram = a.source === b.source;
  return (
    <div className="compare-result">
      <p role="status" data-testid="compare-summary">
        {diffs.length === 0
          ? `The same order: ${comparison.a.lines.length} task events on each side, event for event.`
          : `${diffs.length} difference${diffs.length === 1 ? '' : 's'} in ${rows.length} aligned events (A has ${comparison.a.lines.length}, B ${comparison.b.lines.length}).`}
        {!sameProgram && ' The two runs are of different programs.'}
      </p>
      {truncated && (
        <p className="muted">
          The runs differ too much to align event by event everywhere: past their shared start and end, rows
          are paired by position.
        </p>
      )}
      <CompareLanes comparison={comparison} a={a} b={b} cursor={cursor} onPick={setCursor} />
      <label className="field compare-cursor">
        <span>
          aligned event {cursor + 1} of {rows.length}
        </span>
        <input
          type="range"
          min={0}
          max={Math.max(0, rows.length - 1)}
          value={cursor}
          aria-label="Aligned event"
          onChange={(e) => setCursor(Number(e.target.value))}
        />
      </label>
      {row && (
        <dl className="compare-here" aria-live="polite">
          <dt>A</dt>
          <dd data-testid="compare-a">{lineAt(comparison, 'a', row.a)}</dd>
          <dt>B</dt>
          <dd data-testid="compare-b">{lineAt(comparison, 'b', row.b)}</dd>
        </dl>
      )}
      {row && row.a >= 0 && (
        <button
          type="button"
          onClick={() => {
            useApp.getState().setStep(comparison.a.steps[row.a]!);
            useCompare.getState().setOpen(false);
          }}
        >
          Show A at this event
        </button>
      )}
      <h3>Differences</h3>
      {diffs.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ol className="compare-diffs" aria-label="Differences">
          {diffs.slice(0, LISTED).map((d, i) => (
            <li key={d.from}>
              <button
                type="button"
                aria-current={cursor >= d.from && cursor < d.to}
                onClick={() => setCursor(d.from)}
              >
                <strong>{KIND_WORDS[d.kind]}</strong> — A: {words(d.a)}; B: {words(d.b)}
                <span className="visually-hidden"> (difference {i + 1})</span>
              </button>
            </li>
          ))}
        </ol>
      )}
      {diffs.length > LISTED && (
        <p className="muted">…and {diffs.length - LISTED} more, marked on the lanes.</p>
      )}
    </div>
  );
}

function words(lines: string[]): string {
  if (lines.length === 0) return 'nothing here';
  const shown = lines.slice(0, 3).map((l) => describeLine(l, taskTitle));
  return shown.join(' · ') + (lines.length > 3 ? ` · and ${lines.length - 3} more` : '');
}

function lineAt(c: Comparison, side: 'a' | 'b', i: number): string {
  if (i < 0) return 'nothing at this point (the other run has an event here)';
  return `step ${c[side].steps[i]}: ${describeLine(c[side].lines[i]!, taskTitle)}`;
}
