// Where the run is, drawn on the code: the current line (tinted in the colour of the task it belongs to),
// the lines other threads are running, and an underline on the `.await` where each suspended task waits.
// A revealed line (a click on a task, a variant, a caption or a diagnostic) gets an outline for a moment.
// Replaced as a whole on every step; positions are mapped through edits until the next set arrives.
import { StateEffect, StateField, type Extension, type Range } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';
import { taskColorIndex } from './taskMarks';
import type { StepMarks } from './types';

export const setStepMarks = StateEffect.define<StepMarks>();
export const setRevealedLine = StateEffect.define<number | null>();

function colour(task: number): string {
  return task >= 0 ? `cm-taskColor-${taskColorIndex(task)}` : 'cm-taskColor-none';
}

function build(view: { doc: EditorView['state']['doc'] }, marks: StepMarks): DecorationSet {
  const doc = view.doc;
  const ranges: Range<Decoration>[] = [];
  const lineOk = (line: number) => Number.isInteger(line) && line >= 1 && line <= doc.lines;
  const rangeOk = (from: number, to: number) => from >= 0 && to > from && to <= doc.length;
  for (const r of marks.running) {
    if (!lineOk(r.line) || r.line === marks.current?.line) continue;
    const from = doc.line(r.line).from;
    ranges.push(
      Decoration.line({
        class: `cm-runningLine ${colour(r.task)}`,
        attributes: { 'data-running-line': String(r.task) },
      }).range(from),
    );
  }
  const c = marks.current;
  if (c && lineOk(c.line)) {
    ranges.push(
      Decoration.line({
        class: `cm-currentLine ${colour(c.task)}`,
        attributes: { 'data-current-line': String(c.line), 'data-task': String(c.task) },
      }).range(doc.line(c.line).from),
    );
  }
  for (const a of [...marks.suspended, ...(c ? [c] : [])]) {
    if (!rangeOk(a.from, a.to)) continue;
    ranges.push(
      Decoration.mark({
        class: `cm-awaitMark ${colour(a.task)}`,
        attributes: { 'data-await-task': String(a.task), title: a.title },
      }).range(a.from, a.to),
    );
  }
  return Decoration.set(ranges, true);
}

interface State {
  marks: DecorationSet;
  revealed: DecorationSet;
}

const field = StateField.define<State>({
  create: () => ({ marks: Decoration.none, revealed: Decoration.none }),
  update(value, tr) {
    let next = value;
    if (tr.docChanged) next = { marks: next.marks.map(tr.changes), revealed: next.revealed.map(tr.changes) };
    for (const e of tr.effects) {
      if (e.is(setStepMarks)) next = { ...next, marks: build(tr.state, e.value) };
      if (e.is(setRevealedLine)) {
        const line = e.value;
        next = {
          ...next,
          revealed:
            line !== null && line >= 1 && line <= tr.state.doc.lines
              ? Decoration.set([
                  Decoration.line({ class: 'cm-revealedLine' }).range(tr.state.doc.line(line).from),
                ])
              : Decoration.none,
        };
      }
    }
    return next;
  },
  provide: (f) => [
    EditorView.decorations.from(f, (s) => s.marks),
    EditorView.decorations.from(f, (s) => s.revealed),
  ],
});

export function stepMarks(): Extension {
  return field;
}
