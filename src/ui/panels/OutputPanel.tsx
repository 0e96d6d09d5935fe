import { useEffect, useLayoutEffect, useRef } from 'react';
import { Panel } from './Panel';

/**
 * The program's stdout (and stderr) up to the current step. New lines scroll into view, unless the person
 * has scrolled up to read earlier output (then the view stays where they left it).
 */
export function OutputPanel({ stdout, stderr }: { stdout: string; stderr: string }) {
  const end = useRef<HTMLSpanElement>(null);
  const stick = useRef(true);
  useEffect(() => {
    const body = end.current?.closest('.panel-body');
    if (!body) return;
    const onScroll = () => {
      stick.current = body.scrollHeight - body.scrollTop - body.clientHeight < 24;
    };
    body.addEventListener('scroll', onScroll, { passive: true });
    return () => body.removeEventListener('scroll', onScroll);
  }, []);
  useLayoutEffect(() => {
    // Only the panel's own body scrolls (scrollIntoView could move the whole page on a phone).
    const body = end.current?.closest('.panel-body');
    if (body && stick.current) body.scrollTop = body.scrollHeight;
  }, [stdout, stderr]);
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
      <span ref={end} aria-hidden="true" />
    </Panel>
  );
}
