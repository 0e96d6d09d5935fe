import { Panel } from './Panel';

/** The program's stdout (and stderr) up to the current step. */
export function OutputPanel({ stdout, stderr }: { stdout: string; stderr: string }) {
  return (
    <Panel title="Output" id="output">
      <pre className="stdout" data-testid="stdout">
        {stdout}
      </pre>
      {stderr && (
        <pre className="stderr" data-testid="stderr">
          {stderr}
        </pre>
      )}
    </Panel>
  );
}
