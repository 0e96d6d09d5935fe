import { Component, Suspense, lazy, type ReactNode } from 'react';
import { FallbackEditor } from './FallbackEditor';
import type * as CodeEditorModule from './CodeEditor';
import type { CodeEditorProps } from './types';

let chunk: Promise<typeof CodeEditorModule> | null = null;

/**
 * Starts loading the CodeMirror chunk (once). `LazyCodeEditor` calls it on first render; call it earlier
 * (e.g. when the app is idle) to have the editor ready sooner.
 */
export function preloadCodeEditor(): Promise<typeof CodeEditorModule> {
  chunk ??= import('./CodeEditor');
  return chunk;
}

const CodeEditorChunk = lazy(() => preloadCodeEditor().then((m) => ({ default: m.CodeEditor })));

/** If the chunk cannot load (offline, a failed deploy) or the editor throws, keep the textarea. */
class KeepFallback extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/**
 * The code editor, with CodeMirror loaded on demand: until its chunk arrives the page shows a plain textarea
 * with the same accessible name ("Rust source"), value and callbacks, so it is usable at once.
 */
export function LazyCodeEditor(props: CodeEditorProps) {
  const fallback = <FallbackEditor {...props} />;
  return (
    <KeepFallback fallback={fallback}>
      <Suspense fallback={fallback}>
        <CodeEditorChunk {...props} />
      </Suspense>
    </KeepFallback>
  );
}
