import { useRef, useState } from 'react';
import { catchUpIndex, session, setTrace } from '../session';
import { useApp } from '../store';

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The trace file formats load when a person exports or opens a file, not with the page. */
const loadExport = () => import('../../trace/export');

/** Export the run (JSON lines, or Chrome trace-event JSON for Perfetto) and open an exported run. */
export function TraceFiles() {
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const ready = useApp((s) => s.status === 'ready');

  const exportLines = async () => {
    const s = useApp.getState();
    const trace = session.trace;
    if (!trace) return;
    const { toJsonLines } = await loadExport();
    download(
      'pollscope-trace.jsonl',
      toJsonLines(trace, {
        source: s.source,
        runtime: s.runtime,
        profile: s.profile,
        seed: s.seed,
        outcome: s.outcome,
        layouts: s.layouts,
        // A recorded real run stays one when exported again.
        ...(s.recorded ? { recorded: s.recorded } : {}),
      }),
      'application/x-ndjson',
    );
  };
  const exportChrome = async () => {
    const trace = session.trace;
    if (!trace) return;
    const { toChromeTrace } = await loadExport();
    download('pollscope-trace.json', JSON.stringify(toChromeTrace(trace)), 'application/json');
  };
  const open = async (file: File) => {
    setError(null);
    try {
      const { fromJsonLines } = await loadExport();
      const { header, trace } = fromJsonLines(await file.text());
      setTrace(trace);
      useApp.setState((s) => ({
        source: header.source,
        // The trace's sites are offsets into the program it was made from (code marks, task names, compare).
        runSource: header.source,
        lessonId: null,
        status: 'ready',
        outcome: (header.outcome as typeof s.outcome) ?? null,
        runtime: (header.runtime as typeof s.runtime) ?? null,
        layouts: Array.isArray(header.layouts) ? (header.layouts as typeof s.layouts) : [],
        recorded: header.recorded ?? null,
        diagnostics: [],
        failure: null,
        traceVersion: s.traceVersion + 1,
        maxStep: trace.length - 1,
        step: -1,
      }));
      // Index it now (a slice per frame): the tasks' names and the lanes are this trace's, not the last one's.
      catchUpIndex();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div className="trace-files">
      <button
        type="button"
        onClick={exportLines}
        disabled={!ready}
        title="Every event as JSON lines; re-open it here without re-running"
      >
        Export trace
      </button>
      <button
        type="button"
        onClick={exportChrome}
        disabled={!ready}
        title="Chrome trace-event format: opens in ui.perfetto.dev and chrome://tracing"
      >
        Export for Perfetto
      </button>
      <button type="button" onClick={() => input.current?.click()}>
        Open trace…
      </button>
      <input
        ref={input}
        type="file"
        accept=".jsonl,application/x-ndjson"
        hidden
        aria-label="Open a Pollscope trace file"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void open(f);
          e.target.value = '';
        }}
      />
      {error && (
        <span className="error-text" role="alert">
          Could not open that file: {error}
        </span>
      )}
    </div>
  );
}
