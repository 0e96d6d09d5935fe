// @vitest-environment jsdom
// The editor in jsdom: CodeMirror renders its DOM and runs its state machine here, but jsdom has no layout,
// so real typing, `fill`, clicks by coordinate and colours are covered by tests/e2e/editor.spec.ts.
import { act, type ComponentProps } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { EditorView } from '@codemirror/view';
import { undo } from '@codemirror/commands';
import { forceParsing } from '@codemirror/language';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CodeEditor, minimalChange } from './CodeEditor';
import { LazyCodeEditor } from './LazyCodeEditor';
import { pickTask } from './taskMarks';
import type { CodeEditorProps } from './types';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean;
}

const PROGRAM = `#[tokio::main(flavor = "current_thread")]
async fn main() {
    let h = tokio::spawn(async { 1 });
    println!("{}", h.await.unwrap());
}
`;

beforeAll(() => {
  globalThis.IS_REACT_ACT_ENVIRONMENT = true;
  // jsdom has no layout: give CodeMirror the measuring functions it calls, returning empty boxes.
  const empty = { length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] };
  Range.prototype.getClientRects ??= () => empty as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect ??= () => new DOMRect();
});

let host: HTMLDivElement;
let root: Root;

beforeEach(() => {
  host = document.createElement('div');
  document.body.appendChild(host);
  root = createRoot(host);
});

afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

function props(over: Partial<CodeEditorProps> = {}): CodeEditorProps {
  return {
    value: PROGRAM,
    onChange: vi.fn(),
    diagnostics: [],
    taskMarks: [],
    selectedTask: null,
    onSelectTask: vi.fn(),
    onRun: vi.fn(),
    ...over,
  };
}

function render(p: ComponentProps<typeof CodeEditor>) {
  act(() => root.render(<CodeEditor {...p} />));
}

function view(): EditorView {
  const dom = host.querySelector<HTMLElement>('.cm-editor');
  expect(dom).not.toBeNull();
  const v = EditorView.findFromDOM(dom!);
  expect(v).not.toBeNull();
  return v!;
}

describe('CodeEditor', () => {
  it('shows the value, with the accessible name and role of a textbox', () => {
    render(props());
    expect(view().state.doc.toString()).toBe(PROGRAM);
    const content = host.querySelector('.cm-content')!;
    expect(content.getAttribute('role')).toBe('textbox');
    expect(content.getAttribute('aria-label')).toBe('Rust source');
    expect(content.getAttribute('aria-multiline')).toBe('true');
    expect(host.querySelector('.cm-lineNumbers')).not.toBeNull();
    // Rust is highlighted: `async` and `fn` get highlight classes. CodeMirror parses in time slices (about
    // 20 ms at first, the rest when idle), so on a loaded machine the first render may be partly
    // highlighted: parse the whole document first (the bound is a safety net, not a measurement).
    act(() => void forceParsing(view(), view().state.doc.length, 60_000));
    expect(content.querySelectorAll('span[class^="ͼ"]').length).toBeGreaterThan(3);
  });

  it('replaces the document when the value changes, without calling onChange, as one undoable step', () => {
    const p = props();
    render(p);
    const next = 'fn main() {}\n';
    render({ ...p, value: next });
    expect(view().state.doc.toString()).toBe(next);
    expect(p.onChange).not.toHaveBeenCalled();
    // Undo brings the previous program back, and that is an edit the parent hears about.
    act(() => {
      undo(view());
    });
    expect(view().state.doc.toString()).toBe(PROGRAM);
    expect(p.onChange).toHaveBeenLastCalledWith(PROGRAM);
  });

  it('calls onChange when the user types, and an echoed value does not loop', () => {
    const onChange = vi.fn();
    let value = PROGRAM;
    const rerender = () => render(props({ value, onChange }));
    onChange.mockImplementation((v: string) => {
      value = v;
    });
    rerender();
    act(() => {
      view().dispatch({ changes: { from: 0, insert: '// hi\n' }, userEvent: 'input.type' });
    });
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenLastCalledWith('// hi\n' + PROGRAM);
    rerender(); // the parent re-renders with the value it was given
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(view().state.doc.toString()).toBe('// hi\n' + PROGRAM);
  });

  it('draws diagnostics as underlined marks at their span', () => {
    const from = PROGRAM.indexOf('tokio::spawn');
    render(
      props({
        diagnostics: [
          { from, to: from + 'tokio::spawn'.length, message: 'not simulated', hint: 'try join!' },
        ],
      }),
    );
    const marks = host.querySelectorAll('.cm-lintRange-error');
    expect(marks.length).toBe(1);
    expect(marks[0]!.textContent).toBe('tokio::spawn');
    // Out-of-range offsets (a stale run) are clamped rather than thrown.
    render(props({ diagnostics: [{ from: 5000, to: 6000, message: 'late' }] }));
    expect(host.querySelectorAll('.cm-lintRange-error').length).toBe(0);
    render(props({ diagnostics: [] }));
    expect(host.querySelectorAll('.cm-lintRange-error').length).toBe(0);
  });

  it('draws task pills with data-task, highlights the selected task line, and clicks select', () => {
    const onSelectTask = vi.fn();
    const marks = [
      { line: 3, task: 1, running: false },
      { line: 4, task: 0, running: true },
      { line: 4, task: 2, running: false },
    ];
    render(props({ taskMarks: marks, selectedTask: 2, onSelectTask }));
    const pills = [...host.querySelectorAll<HTMLElement>('.cm-taskGutter [data-task]')];
    expect(pills.map((p) => [p.dataset.task, p.dataset.running, p.dataset.selected])).toEqual([
      ['1', 'false', 'false'],
      ['0', 'true', 'false'],
      ['2', 'false', 'true'],
    ]);
    expect(pills[0]!.title).toBe('task 1 — suspended here');
    const selected = host.querySelectorAll('.cm-selectedTaskLine');
    expect(selected.length).toBe(1);
    expect(selected[0]!.textContent).toContain('println!');
    expect(selected[0]!.getAttribute('data-selected-task')).toBe('2');

    act(() => pills[0]!.dispatchEvent(new MouseEvent('click', { bubbles: true })));
    expect(onSelectTask).toHaveBeenCalledWith(1);

    // New marks replace the old ones; null selection removes the line highlight.
    render(props({ taskMarks: [{ line: 2, task: 5, running: true }], selectedTask: null, onSelectTask }));
    const after = [...host.querySelectorAll<HTMLElement>('.cm-taskGutter [data-task]')];
    expect(after.map((p) => p.dataset.task)).toEqual(['5']);
    expect(host.querySelectorAll('.cm-selectedTaskLine').length).toBe(0);
  });

  it('runs on Ctrl+Enter (and does not insert a line)', () => {
    const p = props();
    render(p);
    const content = host.querySelector('.cm-content')!;
    act(() => {
      content.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Enter', keyCode: 13, ctrlKey: true, bubbles: true }),
      );
    });
    expect(p.onRun).toHaveBeenCalledTimes(1);
    expect(view().state.doc.toString()).toBe(PROGRAM);
  });

  it('is read-only when asked', () => {
    render(props({ readOnly: true }));
    expect(view().state.readOnly).toBe(true);
    expect(host.querySelector('.cm-content')!.getAttribute('aria-readonly')).toBe('true');
  });
});

describe('LazyCodeEditor', () => {
  it('shows a textarea with the same name and value until CodeMirror has loaded', async () => {
    const p = props();
    act(() => root.render(<LazyCodeEditor {...p} />));
    const textarea = host.querySelector('textarea');
    expect(textarea).not.toBeNull();
    expect(textarea!.getAttribute('aria-label')).toBe('Rust source');
    expect(textarea!.value).toBe(PROGRAM);
    await vi.waitFor(
      async () => {
        await act(async () => {});
        expect(host.querySelector('.cm-content')).not.toBeNull();
      },
      // Loading the chunk is transform + import work: give a busy machine room (this is a wait, not a measure).
      { timeout: 60_000 },
    );
    expect(host.querySelector('textarea')).toBeNull();
  });
});

describe('helpers', () => {
  it('minimalChange replaces only what differs, never splitting a surrogate pair', () => {
    expect(minimalChange('let a = 1;', 'let b = 1;')).toEqual({ from: 4, to: 5, insert: 'b' });
    expect(minimalChange('abc', 'abc!')).toEqual({ from: 3, to: 3, insert: '!' });
    expect(minimalChange('', 'x')).toEqual({ from: 0, to: 0, insert: 'x' });
    // '😀' and '😃' share their high surrogate.
    expect(minimalChange('a😀b', 'a😃b')).toEqual({ from: 1, to: 3, insert: '😃' });
  });

  it('pickTask keeps the selected task on the line, else prefers a running one', () => {
    const pills = [
      { task: 1, running: false },
      { task: 2, running: true },
    ];
    expect(pickTask(pills, 1)).toBe(1);
    expect(pickTask(pills, 7)).toBe(2);
    expect(pickTask([{ task: 3, running: false }], null)).toBe(3);
    expect(pickTask([], null)).toBeNull();
  });
});
