/** A problem to show inline. Offsets are UTF-16 indices into the editor's `value` (CodeMirror positions). */
export interface EditorDiagnostic {
  from: number;
  to: number;
  message: string;
  hint?: string;
}

/** "Task `task` is running (or suspended) at this line" — drawn as a pill in the gutter. `line` is 1-based. */
export interface TaskMark {
  line: number;
  task: number;
  running: boolean;
  /** The task's name in the program ("slow"): a short one is the pill's text, any one its tooltip. */
  name?: string;
}

/** A place in the code at the current step, drawn in the colour of `task` (-1: no task's colour). */
export interface StepSpot {
  task: number;
  /** 1-based line. */
  line: number;
  /** A range to underline (the `.await` a task waits at); `from >= to` underlines nothing. */
  from: number;
  to: number;
  /** Tooltip for the underlined range ("slow is suspended here"). */
  title: string;
}

/** Where the run is at the current step (see src/ui/code-marks.ts). */
export interface StepMarks {
  /** The line the current event names: tinted in its task's colour. */
  current: StepSpot | null;
  /** Lines other threads are running (multi_thread): a lighter tint. */
  running: StepSpot[];
  /** Suspended tasks: their `.await` is underlined in their colour. */
  suspended: StepSpot[];
}

/** Scroll to `line`, outline it for a moment, and select [from, to) when given. */
export interface CodeRevealRequest {
  line: number;
  from?: number;
  to?: number;
  nonce: number;
}

export interface CodeEditorProps {
  value: string;
  onChange(value: string): void;
  /** Diagnostics to show inline: an underline at the span and a message (tooltip/lint gutter) — offsets are UTF-16 indices into `value`. */
  diagnostics: EditorDiagnostic[];
  /** Lines to mark in the gutter with small task pills: "where task N is running or suspended". 1-based lines. */
  taskMarks: TaskMark[];
  /** The task the user selected (its line gets a highlighted background), or null. */
  selectedTask: number | null;
  /** Clicking a task pill (or a marked line) selects that task. */
  onSelectTask(task: number): void;
  /** Where the run is at the current step; the current line is kept in view as it changes. */
  stepMarks?: StepMarks;
  /** A request to show a line (each new object is a new request). */
  reveal?: CodeRevealRequest | null;
  /** Ctrl/Cmd+Enter runs the program. */
  onRun(): void;
  readOnly?: boolean;
}

/** The accessible name of the editor (DESIGN.md §5): the same for CodeMirror and the textarea fallback. */
export const EDITOR_LABEL = 'Rust source';
