import { useEffect, useId, useLayoutEffect, useRef } from 'react';
import {
  defaultKeymap,
  history,
  historyKeymap,
  indentLess,
  indentMore,
  isolateHistory,
} from '@codemirror/commands';
import { rustLanguage } from '@codemirror/lang-rust';
import {
  LanguageSupport,
  bracketMatching,
  indentOnInput,
  indentUnit,
  syntaxHighlighting,
} from '@codemirror/language';
import { lintGutter, lintKeymap, linter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import {
  Annotation,
  Compartment,
  EditorSelection,
  EditorState,
  Prec,
  countColumn,
  type ChangeSpec,
  type Extension,
  type StateEffect,
} from '@codemirror/state';
import {
  EditorView,
  drawSelection,
  dropCursor,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
  type Command,
} from '@codemirror/view';
import { styleTags } from '@lezer/highlight';
import { takeHandoff } from './handoff';
import { hangingIndent } from './hangingIndent';
import { setRevealedLine, setStepMarks, stepMarks as stepMarksExtension } from './stepMarks';
import { setTaskMarks, taskMarks } from './taskMarks';
import { awaitTag, editorThemes, highlightStyles, type Scheme } from './theme';
import {
  EDITOR_LABEL,
  type CodeEditorProps,
  type EditorDiagnostic,
  type StepMarks,
  type TaskMark,
} from './types';
import { splitAtSupportedMention, SUPPORTED_LINK_TEXT, SUPPORTED_PAGE_URL } from '../supported-link';

export type { CodeEditorProps } from './types';

/** Marks the transactions that apply a new `value` from the props: they must not call `onChange`. */
const fromProps = Annotation.define<boolean>();

/** Rust, with `await` tagged on its own so it can be drawn bold. */
const rust = new LanguageSupport(rustLanguage.configure({ props: [styleTags({ await: awaitTag })] }));

const INDENT = 4;

/** Tab: with a selection, indent the lines; otherwise insert spaces up to the next 4-column stop. */
const indentOrSpaces: Command = (view) => {
  const { state } = view;
  if (state.readOnly) return false;
  if (state.selection.ranges.some((r) => !r.empty)) return indentMore(view);
  view.dispatch(
    state.changeByRange((range) => {
      const line = state.doc.lineAt(range.head);
      const col = countColumn(line.text.slice(0, range.head - line.from), INDENT);
      const spaces = ' '.repeat(INDENT - (col % INDENT));
      return {
        changes: { from: range.head, insert: spaces },
        range: EditorSelection.cursor(range.head + spaces.length),
      };
    }),
    { scrollIntoView: true, userEvent: 'input.indent' },
  );
  return true;
};

/** The smallest single change turning `from` into `to` (keeps the cursor and scroll position in place). */
export function minimalChange(from: string, to: string): ChangeSpec {
  const max = Math.min(from.length, to.length);
  let start = 0;
  while (start < max && from.charCodeAt(start) === to.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && from.charCodeAt(from.length - 1 - end) === to.charCodeAt(to.length - 1 - end))
    end++;
  // Never split a surrogate pair.
  if (start > 0 && isHighSurrogate(from.charCodeAt(start - 1))) start--;
  if (end > 0 && isLowSurrogate(from.charCodeAt(from.length - end))) end--;
  return { from: start, to: from.length - end, insert: to.slice(start, to.length - end) };
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function toLint(diagnostics: readonly EditorDiagnostic[], length: number): Diagnostic[] {
  const clamp = (n: number) => Math.max(0, Math.min(length, Number.isFinite(n) ? Math.trunc(n) : 0));
  return diagnostics.map((d) => {
    const from = clamp(d.from);
    const to = Math.max(from, clamp(d.to));
    const lint: Diagnostic = { from, to, severity: 'error', message: d.message };
    const hint = d.hint;
    if (hint) {
      lint.renderMessage = () => {
        const box = document.createElement('span');
        box.append(d.message);
        const help = document.createElement('span');
        help.className = 'cm-diagnosticHint';
        const parts = splitAtSupportedMention(hint);
        if (parts) {
          const a = document.createElement('a');
          a.href = SUPPORTED_PAGE_URL;
          a.target = '_blank';
          a.rel = 'noreferrer';
          a.textContent = SUPPORTED_LINK_TEXT;
          help.append(`help: ${parts.before}`, a, parts.after);
        } else help.textContent = `help: ${hint}`;
        box.append(help);
        return box;
      };
    }
    return lint;
  });
}

/** The document range of the DOM selection (or of the input event's target), if it lies in the editor. */
function domSelectionRange(view: EditorView, event: InputEvent): { from: number; to: number } | null {
  let range: StaticRange | Range | undefined = event.getTargetRanges()[0];
  if (!range) {
    // Chrome has getSelection on shadow roots too; elsewhere the document's selection is the one.
    const root = view.root as Partial<Pick<Document, 'getSelection'>>;
    const sel = root.getSelection ? root.getSelection() : document.getSelection();
    if (sel && sel.rangeCount > 0) range = sel.getRangeAt(0);
  }
  if (!range) return null;
  const inside = (n: Node) => view.contentDOM.contains(n);
  if (!inside(range.startContainer) || !inside(range.endContainer)) return null;
  try {
    const a = view.posAtDOM(range.startContainer, range.startOffset);
    const b = view.posAtDOM(range.endContainer, range.endOffset);
    return a <= b ? { from: a, to: b } : { from: b, to: a };
  } catch {
    return null;
  }
}

/**
 * Multi-line text inserted in one go (Playwright's `fill`, dictation, some input methods): apply it as one
 * change, over the range the browser would replace. Left to the browser, Chrome edits the DOM paragraph by
 * paragraph — quadratic: filling a 3,000-line program took over 40 s. The range is read from the DOM
 * selection because CodeMirror may not have seen a selection made just before (Playwright selects all and
 * inserts at once). Typing never inserts a newline this way (Enter has its own key binding).
 */
const insertMultilineText = EditorView.domEventHandlers({
  beforeinput(event, view) {
    const data = event.data;
    if (event.inputType !== 'insertText' || !data || !data.includes('\n') || view.state.readOnly)
      return false;
    const { from, to } = domSelectionRange(view, event) ?? view.state.selection.main;
    const text = view.state.toText(data);
    event.preventDefault();
    view.dispatch({
      changes: { from, to, insert: text },
      selection: { anchor: from + text.length },
      userEvent: 'input.paste',
      scrollIntoView: true,
    });
    return true;
  },
});

function diagnosticsKey(diagnostics: readonly EditorDiagnostic[]): string {
  return JSON.stringify(diagnostics.map((d) => [d.from, d.to, d.message, d.hint ?? null]));
}

function marksKey(marks: readonly TaskMark[], selected: number | null): string {
  return JSON.stringify([selected, marks.map((m) => [m.line, m.task, m.running, m.name ?? null])]);
}

function stepMarksKey(m: StepMarks | undefined): string {
  if (!m) return '';
  const s = (x: StepMarks['running'][number]) => [x.task, x.line, x.from, x.to, x.title];
  return JSON.stringify([m.current && s(m.current), m.running.map(s), m.suspended.map(s)]);
}

const NO_STEP_MARKS: StepMarks = { current: null, running: [], suspended: [] };

/** How long a revealed line keeps its outline (ms). */
const REVEAL_MS = 1600;

function readOnlyExtension(readOnly: boolean): Extension {
  return EditorState.readOnly.of(readOnly);
}

function colourScheme(): MediaQueryList | null {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia('(prefers-color-scheme: dark)')
    : null;
}

/**
 * The Rust source editor: CodeMirror 6 with Rust highlighting (light and dark, following
 * `prefers-color-scheme`), line numbers, bracket matching, undo history, 4-space Tab indentation, inline
 * diagnostics and task pills in the gutter. Load it through `LazyCodeEditor` (index.ts), not directly.
 */
export function CodeEditor(props: CodeEditorProps) {
  const { value, diagnostics, taskMarks: marks, selectedTask, readOnly = false, stepMarks, reveal } = props;
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const latest = useRef(props);
  const applied = useRef({ diagnostics: '', marks: '', step: '', currentLine: -1 });
  const compartments = useRef({ theme: new Compartment(), readOnly: new Compartment() });
  const hintId = useId();

  useLayoutEffect(() => {
    latest.current = props;
  });

  // Create the view once; the effects below keep it in step with the props.
  useLayoutEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const { theme, readOnly: readOnlyCompartment } = compartments.current;
    const media = colourScheme();
    const scheme = (): Scheme => (media?.matches ? 'dark' : 'light');
    const view = new EditorView({
      parent: host,
      state: EditorState.create({
        doc: latest.current.value,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          highlightSpecialChars(),
          history(),
          drawSelection(),
          dropCursor(),
          indentOnInput(),
          bracketMatching(),
          rust,
          syntaxHighlighting(highlightStyles.light),
          syntaxHighlighting(highlightStyles.dark),
          theme.of(editorThemes[scheme()]),
          readOnlyCompartment.of(readOnlyExtension(latest.current.readOnly ?? false)),
          indentUnit.of(' '.repeat(INDENT)),
          EditorState.tabSize.of(INDENT),
          linter(null),
          lintGutter(),
          taskMarks((task) => latest.current.onSelectTask(task)),
          stepMarksExtension(),
          // Long lines wrap (the code column is narrower than some code), keeping their indentation.
          EditorView.lineWrapping,
          hangingIndent(),
          insertMultilineText,
          Prec.highest(
            keymap.of([
              {
                key: 'Mod-Enter',
                run: () => {
                  latest.current.onRun();
                  return true;
                },
              },
            ]),
          ),
          keymap.of([
            { key: 'Tab', run: indentOrSpaces, shift: indentLess },
            ...defaultKeymap,
            ...historyKeymap,
            ...lintKeymap,
          ]),
          // tabindex: the content is focusable anyway (contenteditable); saying so lets checkers (axe's
          // scrollable-region-focusable) see that the scrolling editor can be reached by keyboard.
          EditorView.contentAttributes.of({
            'aria-label': EDITOR_LABEL,
            'aria-describedby': hintId,
            tabindex: '0',
          }),
          EditorView.updateListener.of((update) => {
            if (!update.docChanged) return;
            if (update.transactions.every((tr) => !tr.docChanged || tr.annotation(fromProps))) return;
            latest.current.onChange(update.state.doc.toString());
          }),
        ],
      }),
    });
    viewRef.current = view;
    applied.current = { diagnostics: '', marks: '', step: '', currentLine: -1 };

    // If the user was typing in the fallback textarea, carry on here.
    const handoff = takeHandoff();
    if (handoff) {
      const len = view.state.doc.length;
      view.dispatch({
        selection: { anchor: Math.min(handoff.anchor, len), head: Math.min(handoff.head, len) },
        scrollIntoView: true,
      });
      view.focus();
    }

    const onScheme = () => view.dispatch({ effects: theme.reconfigure(editorThemes[scheme()]) });
    media?.addEventListener('change', onScheme);
    return () => {
      media?.removeEventListener('change', onScheme);
      view.destroy();
      viewRef.current = null;
    };
  }, [hintId]);

  // A new value from outside (a lesson was loaded): replace what differs, as one undoable step, without
  // calling onChange. Typing calls onChange and comes back here equal to the document, so nothing loops.
  useLayoutEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    const doc = view.state.doc.toString();
    if (doc === value) return;
    view.dispatch({
      changes: minimalChange(doc, value),
      annotations: [fromProps.of(true), isolateHistory.of('full')],
    });
  }, [value]);

  useLayoutEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    view.dispatch({ effects: compartments.current.readOnly.reconfigure(readOnlyExtension(readOnly)) });
  }, [readOnly]);

  // After the value effect, so the offsets refer to the document they were computed for.
  useLayoutEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    const key = diagnosticsKey(diagnostics);
    if (key === applied.current.diagnostics) return;
    applied.current.diagnostics = key;
    view.dispatch(setDiagnostics(view.state, toLint(diagnostics, view.state.doc.length)));
  }, [diagnostics]);

  useLayoutEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    const key = marksKey(marks, selectedTask);
    if (key === applied.current.marks) return;
    applied.current.marks = key;
    view.dispatch({ effects: setTaskMarks.of({ marks, selected: selectedTask }) });
  }, [marks, selectedTask]);

  // Where the run is: redraw when it changed, and keep the current line in view as it moves.
  useLayoutEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    const key = stepMarksKey(stepMarks);
    if (key === applied.current.step) return;
    applied.current.step = key;
    const m = stepMarks ?? NO_STEP_MARKS;
    const line = m.current?.line ?? -1;
    const effects: StateEffect<unknown>[] = [setStepMarks.of(m)];
    if (line !== applied.current.currentLine && line >= 1 && line <= view.state.doc.lines)
      effects.push(EditorView.scrollIntoView(view.state.doc.line(line).from, { y: 'nearest', yMargin: 24 }));
    applied.current.currentLine = line;
    view.dispatch({ effects });
  }, [stepMarks]);

  // A request to show a line: scroll it to the middle, outline it for a moment, select the range if any.
  useEffect(() => {
    const view = viewRef.current;
    if (!view || !reveal) return;
    const { doc } = view.state;
    if (reveal.line < 1 || reveal.line > doc.lines) return;
    const from = doc.line(reveal.line).from;
    const hasRange =
      reveal.from !== undefined && reveal.to !== undefined && reveal.from >= 0 && reveal.to <= doc.length;
    view.dispatch({
      effects: [
        EditorView.scrollIntoView(hasRange ? reveal.from! : from, { y: 'center' }),
        setRevealedLine.of(reveal.line),
      ],
      ...(hasRange ? { selection: { anchor: reveal.from!, head: Math.max(reveal.from!, reveal.to!) } } : {}),
    });
    const timer = setTimeout(() => {
      if (viewRef.current === view) view.dispatch({ effects: setRevealedLine.of(null) });
    }, REVEAL_MS);
    return () => clearTimeout(timer);
  }, [reveal]);

  // Keep the selected task's line in view when the selection changes.
  useEffect(() => {
    const view = viewRef.current;
    if (!view || selectedTask === null) return;
    const line = marks.find((m) => m.task === selectedTask)?.line;
    if (line === undefined || line < 1 || line > view.state.doc.lines) return;
    view.dispatch({ effects: EditorView.scrollIntoView(view.state.doc.line(line).from, { y: 'nearest' }) });
  }, [marks, selectedTask]);

  return (
    <div
      className="code-editor"
      data-editor="codemirror"
      ref={hostRef}
      style={{
        display: 'flex',
        flexDirection: 'column',
        flex: '1 1 auto',
        minHeight: 240,
        borderRadius: '0 0 8px 8px',
        overflow: 'hidden',
      }}
    >
      <span id={hintId} hidden>
        Ctrl+Enter (⌘+Enter on a Mac) runs the program. To leave the editor with the keyboard, press Escape,
        then Tab.
      </span>
    </div>
  );
}

export default CodeEditor;
