// The Rust code editor. Import from here: CodeMirror itself stays out of the first-load bundle and is
// fetched when `LazyCodeEditor` first renders (or on `preloadCodeEditor()`).
export { LazyCodeEditor, preloadCodeEditor } from './LazyCodeEditor';
export { EDITOR_LABEL } from './types';
export type {
  CodeEditorProps,
  CodeRevealRequest,
  EditorDiagnostic,
  StepMarks,
  StepSpot,
  TaskMark,
} from './types';
