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
  /** Ctrl/Cmd+Enter runs the program. */
  onRun(): void;
  readOnly?: boolean;
}

/** The accessible name of the editor (DESIGN.md §5): the same for CodeMirror and the textarea fallback. */
export const EDITOR_LABEL = 'Rust source';
