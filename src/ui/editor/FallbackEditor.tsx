import { useLayoutEffect, useRef } from 'react';
import { leaveHandoff } from './handoff';
import { EDITOR_LABEL, type CodeEditorProps } from './types';

/**
 * The editor before CodeMirror has loaded (or if it fails to load): a plain textarea with the same value,
 * accessible name and Ctrl/Cmd+Enter. Diagnostics and task marks are not drawn here.
 */
export function FallbackEditor({ value, onChange, onRun, readOnly }: CodeEditorProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    return () => {
      // Runs while the textarea is still in the document: hand focus and selection to the editor.
      if (el && el.ownerDocument.activeElement === el) {
        const backward = el.selectionDirection === 'backward';
        leaveHandoff(
          backward ? el.selectionEnd : el.selectionStart,
          backward ? el.selectionStart : el.selectionEnd,
        );
      }
    };
  }, []);
  return (
    <textarea
      ref={ref}
      className="source"
      data-editor="fallback"
      aria-label={EDITOR_LABEL}
      spellCheck={false}
      readOnly={readOnly}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          onRun();
        }
      }}
    />
  );
}
