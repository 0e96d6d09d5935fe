// Task pills in a gutter ("task N is running / suspended at this line") and the selected task's line
// highlight. The marks are kept as positions at their line starts and mapped through edits, so they stay on
// their code while the user types; a new set from the props replaces them.
import {
  RangeSet,
  RangeSetBuilder,
  StateEffect,
  StateField,
  type Extension,
  type Text,
} from '@codemirror/state';
import { Decoration, EditorView, GutterMarker, gutter, type DecorationSet } from '@codemirror/view';
import type { TaskMark } from './types';

export interface TaskMarksInput {
  marks: readonly TaskMark[];
  selected: number | null;
}

interface PillSpec {
  task: number;
  running: boolean;
  /** The task's name in the program ("slow"), if it has one. */
  name?: string | undefined;
}

/** Pills drawn per line; more tasks on one line show as a "+N" pill (they stay clickable on the line). */
const PILLS_PER_LINE = 2;

/** The colour slot of a task: the same id always gets the same colour (as in TaskChip). */
export function taskColorIndex(task: number): number {
  return ((task % 8) + 8) % 8;
}

/** The pill shows the task id ('m' for main): the gutter stays narrow; the tooltip has the name. */
function pillLabel({ task }: PillSpec): string {
  return task === 0 ? 'm' : String(task);
}

function pillName({ task, name }: PillSpec): string {
  return name ?? (task === 0 ? 'main' : `task ${task}`);
}

function pillTitle(p: PillSpec): string {
  return `${pillName(p)} — ${p.running ? 'running' : 'suspended'} here`;
}

class TaskPillsMarker extends GutterMarker {
  constructor(
    readonly pills: readonly PillSpec[],
    readonly selected: number | null,
    /** The invisible spacer that sizes the gutter: no data attributes, so `[data-task]` finds only pills. */
    readonly spacer = false,
  ) {
    super();
  }

  override eq(other: GutterMarker): boolean {
    return (
      other instanceof TaskPillsMarker &&
      other.selected === this.selected &&
      other.spacer === this.spacer &&
      other.pills.length === this.pills.length &&
      other.pills.every(
        (p, i) =>
          p.task === this.pills[i]!.task &&
          p.running === this.pills[i]!.running &&
          p.name === this.pills[i]!.name,
      )
    );
  }

  // One element per marker: CodeMirror removes one DOM node per marker when a line's markers change, so a
  // fragment of several pills would leave the extra pills behind (they piled up while stepping).
  override toDOM(): Node {
    const frag = document.createElement('span');
    frag.className = 'cm-taskPills';
    const shown = this.pills.length > PILLS_PER_LINE + 1 ? this.pills.slice(0, PILLS_PER_LINE) : this.pills;
    const rest = this.pills.slice(shown.length);
    if (rest.length > 0) {
      const more = document.createElement('span');
      more.className = 'cm-taskPill cm-taskPillMore';
      more.textContent = `+${rest.length}`;
      more.title = rest.map(pillTitle).join('\n');
      frag.appendChild(more);
    }
    for (const p of shown) {
      const pill = document.createElement('span');
      pill.className = `cm-taskPill cm-taskColor-${taskColorIndex(p.task)}`;
      pill.textContent = pillLabel(p);
      if (this.spacer) {
        frag.appendChild(pill);
        continue;
      }
      pill.dataset.task = String(p.task);
      pill.dataset.running = String(p.running);
      pill.dataset.selected = String(p.task === this.selected);
      pill.title = pillTitle(p);
      frag.appendChild(pill);
    }
    // The overflow pill goes last, after the named ones.
    if (rest.length > 0) frag.appendChild(frag.firstChild!);
    return frag;
  }
}

/** Reserves room for a named pill and a two-digit one so the gutter does not jump while stepping. */
const SPACER = new TaskPillsMarker(
  [
    { task: 88, running: true },
    { task: 88, running: false },
  ],
  null,
  true,
);

export const setTaskMarks = StateEffect.define<TaskMarksInput>();

interface TaskState {
  pills: RangeSet<TaskPillsMarker>;
  selectedLines: DecorationSet;
  selected: number | null;
}

function build(doc: Text, { marks, selected }: TaskMarksInput): TaskState {
  const byLine = new Map<number, PillSpec[]>();
  for (const m of marks) {
    if (!Number.isInteger(m.line) || m.line < 1 || m.line > doc.lines) continue;
    let list = byLine.get(m.line);
    if (!list) byLine.set(m.line, (list = []));
    if (!list.some((p) => p.task === m.task)) list.push({ task: m.task, running: m.running, name: m.name });
  }
  const pills = new RangeSetBuilder<TaskPillsMarker>();
  const lines = new RangeSetBuilder<Decoration>();
  for (const lineNo of [...byLine.keys()].sort((a, b) => a - b)) {
    const list = byLine.get(lineNo)!.sort((a, b) => a.task - b.task);
    const from = doc.line(lineNo).from;
    pills.add(from, from, new TaskPillsMarker(list, selected));
    if (selected !== null && list.some((p) => p.task === selected)) {
      lines.add(
        from,
        from,
        Decoration.line({
          class: `cm-selectedTaskLine cm-taskColor-${taskColorIndex(selected)}`,
          attributes: { 'data-selected-task': String(selected) },
        }),
      );
    }
  }
  return { pills: pills.finish(), selectedLines: lines.finish(), selected };
}

const taskField = StateField.define<TaskState>({
  create: () => ({ pills: RangeSet.empty, selectedLines: Decoration.none, selected: null }),
  update(value, tr) {
    let next = value;
    if (tr.docChanged) {
      next = {
        pills: next.pills.map(tr.changes),
        selectedLines: next.selectedLines.map(tr.changes),
        selected: next.selected,
      };
    }
    for (const e of tr.effects) if (e.is(setTaskMarks)) next = build(tr.state.doc, e.value);
    return next;
  },
  provide: (f) => EditorView.decorations.from(f, (s) => s.selectedLines),
});

/** The tasks marked on the line containing `pos`, in display order. */
export function tasksAtLine(view: EditorView, pos: number): PillSpec[] {
  const line = view.state.doc.lineAt(pos);
  const found: PillSpec[] = [];
  view.state.field(taskField).pills.between(line.from, line.to, (from, _to, marker) => {
    if (from >= line.from && from <= line.to) found.push(...marker.pills);
  });
  return found;
}

/** Which task a click on a marked line selects: keep the current one if it is there, else prefer running. */
export function pickTask(pills: readonly PillSpec[], selected: number | null): number | null {
  if (pills.length === 0) return null;
  if (selected !== null && pills.some((p) => p.task === selected)) return selected;
  return (pills.find((p) => p.running) ?? pills[0]!).task;
}

/**
 * The task gutter and line highlight. `select` is called with the task when a pill, a marked gutter row or a
 * marked line of code is clicked (not when the click made a text selection).
 */
export function taskMarks(select: (task: number) => void): Extension {
  const currentSelected = (view: EditorView): number | null => view.state.field(taskField).selected;
  return [
    taskField,
    gutter({
      class: 'cm-taskGutter',
      markers: (view) => view.state.field(taskField).pills,
      initialSpacer: () => SPACER,
      domEventHandlers: {
        click(view, line, event) {
          const pill = (event.target as Element | null)?.closest?.('[data-task]');
          if (pill instanceof HTMLElement && pill.dataset.task !== undefined) {
            select(Number(pill.dataset.task));
            return true;
          }
          const task = pickTask(tasksAtLine(view, line.from), currentSelected(view));
          if (task === null) return false;
          select(task);
          return true;
        },
      },
    }),
    EditorView.domEventHandlers({
      click(event, view) {
        if (event.button !== 0 || !view.state.selection.main.empty) return false;
        const pos = view.posAtCoords({ x: event.clientX, y: event.clientY });
        if (pos === null) return false;
        const task = pickTask(tasksAtLine(view, pos), currentSelected(view));
        if (task !== null) select(task);
        return false;
      },
    }),
  ];
}
