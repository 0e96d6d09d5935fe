import type { FutureLayout } from '../../sim/layouts';
import { parseLocals } from '../../trace/locals';
import type { FutureView } from '../../trace/state';

/**
 * A future's state machine printed as the enum rustc generates, with the current variant highlighted and
 * its live locals' values. Leaf futures (tokio's Sleep, Recv, …) are shown by name.
 */
export function FutureEnum({
  future,
  layout,
  onLine,
}: {
  future: FutureView;
  layout: FutureLayout | undefined;
  /** A click on a line number: show that line in the code. */
  onLine?: (line: number) => void;
}) {
  const lineLink = (line: number, text: string) =>
    onLine ? (
      <button
        type="button"
        className="link-button enum-line"
        onClick={() => onLine(line)}
        title={`Show line ${line} in the code`}
      >
        {text}
      </button>
    ) : (
      text
    );
  if (!layout) {
    return (
      <pre className="future-enum leaf" tabIndex={0} aria-label={`${future.name}: a tokio future`}>
        <code>
          <span className="kw">struct</span> {future.name}
          <span className="muted">
            {' '}
            {'// a tokio future: it returns Pending until its resource is ready'}
          </span>
        </code>
      </pre>
    );
  }
  const fields = parseLocals(future.locals);
  return (
    <pre className="future-enum" tabIndex={0} aria-label={`${future.name} is ${future.variant}`}>
      <code>
        <span className="kw">enum</span> {layout.name} {'{'}
        <span className="muted">
          {' // '}
          {layout.kind} at {lineLink(layout.line, `line ${layout.line}`)}
        </span>
        {'\n'}
        {layout.variants.map((v) => {
          const current = v.name === future.variant;
          const note =
            v.line > 0 ? (
              <span className="muted">
                {' // .await at '}
                {lineLink(v.line, `line ${v.line}`)}
              </span>
            ) : null;
          if (!current) {
            const body = v.fields.length > 0 ? ` { ${v.fields.map((f) => `${f}: _`).join(', ')} }` : '';
            return (
              <span key={v.name} className="variant">
                {'    '}
                {v.name}
                {body},{note}
                {'\n'}
              </span>
            );
          }
          // The live variant: one field per line, with its type and (for plain data) its value.
          return (
            <span key={v.name} className="variant current" aria-current="true">
              {'  ▶ '}
              {v.name}
              {fields.length > 0 ? ' {' : ','}
              {fields.length === 0 && note}
              {'\n'}
              {fields.map((f) => (
                <span key={f.name}>
                  {'        '}
                  {f.name}: {f.type}
                  {f.value && f.value !== f.type ? ` = ${f.value}` : ''},{'\n'}
                </span>
              ))}
              {fields.length > 0 && (
                <>
                  {'    },'}
                  {note}
                  {'\n'}
                </>
              )}
            </span>
          );
        })}
        {'}'}
      </code>
    </pre>
  );
}
