import { useApp } from '../store';

/**
 * Says the trace on screen is a real run recorded by `record/` (not a simulation), on which tokio, where,
 * and what a real runtime does not expose — the panels mark those parts "not recorded".
 */
export function RecordedRunNote() {
  const rec = useApp((s) => s.recorded);
  if (!rec) return null;
  return (
    <section className="banner recorded" aria-label="Recorded real run">
      <p>
        <strong>Recorded from a real run</strong> of tokio {rec.tokio}
        {rec.host ? ` (${rec.host})` : ''}: threads, polls, Pending/Ready, wakes, spawns, timers, resources
        and output as tokio reported them, at their real times.
      </p>
      <details>
        <summary>Not recorded ({rec.notRecorded.length})</summary>
        <ul>
          {rec.notRecorded.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
        {rec.notes.length > 0 && (
          <>
            <p>How the recording was read:</p>
            <ul>
              {rec.notes.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          </>
        )}
      </details>
    </section>
  );
}
