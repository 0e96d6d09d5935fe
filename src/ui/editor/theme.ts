// The editor's look: one theme per colour scheme (CodeMirror's `dark` flag picks the matching base styles —
// selection, cursor, panels) and a highlight style for each. Backgrounds, ink and task colours come from the
// variables in src/ui/styles.css (`:root`), with the same values as fallbacks so the editor also renders
// outside the app. Every syntax colour below is checked for WCAG AA (4.5:1) against the editor background
// and against the selected-task line by theme.test.ts, which reads the variables from styles.css.
import { HighlightStyle } from '@codemirror/language';
import type { Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { Tag, tags as t } from '@lezer/highlight';

/** `await`: a control keyword, drawn bold — the points where a task can suspend. */
export const awaitTag = Tag.define(t.controlKeyword);

export type Scheme = 'light' | 'dark';

/** Syntax colours per scheme. Keys are roles; `SYNTAX_RULES` maps Lezer tags onto them. */
export const PALETTE: Record<Scheme, Record<SyntaxRole, string>> = {
  light: {
    keyword: '#8a2b9e',
    control: '#a3284f',
    string: '#2a6b1f',
    number: '#a3451a',
    comment: '#5b6475',
    function: '#1e5fa8',
    type: '#7a5500',
    macro: '#0f6b6b',
    lifetime: '#2f6f85',
    meta: '#5b6475',
    invalid: '#b3261e',
  },
  dark: {
    keyword: '#d39be6',
    control: '#f28fb0',
    string: '#8fd694',
    number: '#f0a070',
    comment: '#a4adbd',
    function: '#7fb3f0',
    type: '#e3c15c',
    macro: '#6fd0c0',
    lifetime: '#7fc7de',
    meta: '#a4adbd',
    invalid: '#ff8a80',
  },
};

export type SyntaxRole =
  | 'keyword'
  | 'control'
  | 'string'
  | 'number'
  | 'comment'
  | 'function'
  | 'type'
  | 'macro'
  | 'lifetime'
  | 'meta'
  | 'invalid';

/** The values of styles.css `:root` (light) and its dark media query, used when a variable is missing. */
export const FALLBACK: Record<Scheme, Record<string, string>> = {
  light: {
    '--panel': '#ffffff',
    '--ink': '#1d2330',
    '--muted': '#5b6475',
    '--line': '#dde1e8',
    '--accent': '#b4410f',
    '--code-bg': '#f1f3f6',
    '--bad': '#b3261e',
    '--t0': '#1e5fa8',
    '--t1': '#8e3ea8',
    '--t2': '#1f7a5a',
    '--t3': '#a3451a',
    '--t4': '#5a5ab0',
    '--t5': '#8a6200',
    '--t6': '#a3284f',
    '--t7': '#2f6f85',
  },
  dark: {
    '--panel': '#1c2028',
    '--ink': '#e6e9ef',
    '--muted': '#a4adbd',
    '--line': '#323846',
    '--accent': '#f0915e',
    '--code-bg': '#242a35',
    '--bad': '#ff8a80',
    '--t0': '#7fb3f0',
    '--t1': '#d39be6',
    '--t2': '#6fd0a6',
    '--t3': '#f0a070',
    '--t4': '#a9a9f5',
    '--t5': '#e3c15c',
    '--t6': '#f28fb0',
    '--t7': '#7fc7de',
  },
};

/** How much of the task colour tints the selected task's line (mixed into `--panel`). */
export const SELECTED_LINE_TINT: Record<Scheme, number> = { light: 0.1, dark: 0.12 };

/** Text on plain code (variables, operators, punctuation) uses `--ink`; these roles get a colour. */
const SYNTAX_RULES: { tag: Tag | readonly Tag[]; role: SyntaxRole; style?: 'italic' | 'bold' }[] = [
  { tag: [t.comment, t.lineComment, t.blockComment, t.docComment], role: 'comment', style: 'italic' },
  {
    tag: [t.keyword, t.definitionKeyword, t.moduleKeyword, t.modifier, t.operatorKeyword, t.self],
    role: 'keyword',
  },
  { tag: t.controlKeyword, role: 'control' },
  { tag: awaitTag, role: 'control', style: 'bold' },
  { tag: [t.string, t.special(t.string), t.character, t.escape], role: 'string' },
  { tag: [t.number, t.integer, t.float, t.bool, t.atom], role: 'number' },
  {
    tag: [t.function(t.variableName), t.function(t.definition(t.variableName)), t.function(t.propertyName)],
    role: 'function',
  },
  { tag: [t.typeName, t.className, t.namespace], role: 'type' },
  { tag: t.macroName, role: 'macro' },
  { tag: [t.special(t.variableName), t.labelName], role: 'lifetime' },
  { tag: [t.meta, t.annotation], role: 'meta' },
  { tag: t.invalid, role: 'invalid' },
];

function highlightStyle(scheme: Scheme): HighlightStyle {
  return HighlightStyle.define(
    SYNTAX_RULES.map(({ tag, role, style }) => ({
      tag,
      color: PALETTE[scheme][role],
      ...(style === 'italic' ? { fontStyle: 'italic' } : style === 'bold' ? { fontWeight: '700' } : {}),
    })),
    { themeType: scheme },
  );
}

export const highlightStyles: Record<Scheme, HighlightStyle> = {
  light: highlightStyle('light'),
  dark: highlightStyle('dark'),
};

/** `var(--name, fallback)` for the scheme. */
function v(scheme: Scheme, name: string): string {
  return `var(${name}, ${FALLBACK[scheme][name]})`;
}

function editorTheme(scheme: Scheme): Extension {
  const c = (name: string) => v(scheme, name);
  const taskColours: Record<string, { '--task-color': string }> = {};
  for (let i = 0; i < 8; i++) taskColours[`.cm-taskColor-${i}`] = { '--task-color': c(`--t${i}`) };
  const tint = Math.round(SELECTED_LINE_TINT[scheme] * 100);
  return EditorView.theme(
    {
      '&': {
        flex: '1 1 auto',
        minHeight: '0',
        backgroundColor: c('--code-bg'),
        color: c('--ink'),
        fontSize: '13px',
      },
      '&.cm-focused': { outline: `2px solid ${c('--accent')}`, outlineOffset: '-2px' },
      '.cm-scroller': {
        fontFamily: 'var(--mono, ui-monospace, Menlo, Consolas, monospace)',
        lineHeight: '1.5',
      },
      '.cm-content': { padding: '10px 0', caretColor: c('--ink') },
      '.cm-line': { padding: '0 12px 0 6px' },
      '.cm-cursor, .cm-dropCursor': { borderLeftColor: c('--ink') },
      '.cm-gutters': {
        backgroundColor: c('--code-bg'),
        color: c('--muted'),
        border: 'none',
        borderRight: `1px solid ${c('--line')}`,
      },
      '.cm-lineNumbers .cm-gutterElement': { padding: '0 4px 0 6px' },
      '.cm-activeLineGutter': { backgroundColor: 'transparent', color: c('--ink') },
      // Bracket matching without a background, so syntax colours keep their contrast.
      '.cm-matchingBracket, &.cm-focused .cm-matchingBracket': {
        backgroundColor: 'transparent',
        outline: `1px solid ${c('--muted')}`,
        borderRadius: '2px',
      },
      '.cm-nonmatchingBracket, &.cm-focused .cm-nonmatchingBracket': {
        backgroundColor: 'transparent',
        outline: `1px solid ${c('--bad')}`,
      },
      // Diagnostics: a wavy underline at the span, the message in a tooltip and in the lint gutter.
      '.cm-lintRange-error': {
        backgroundImage: 'none',
        textDecoration: `underline wavy ${c('--bad')}`,
        textDecorationSkipInk: 'none',
        textUnderlineOffset: '3px',
      },
      '.cm-lintRange-active': { backgroundColor: 'transparent' },
      '.cm-lintPoint-error:after': { borderBottomColor: c('--bad') },
      '.cm-tooltip': {
        backgroundColor: c('--panel'),
        color: c('--ink'),
        border: `1px solid ${c('--line')}`,
        borderRadius: '6px',
        fontFamily: 'var(--sans, system-ui, sans-serif)',
        fontSize: '13px',
        maxWidth: '480px',
      },
      '.cm-diagnostic-error': { borderLeft: `4px solid ${c('--bad')}` },
      '.cm-diagnosticHint': { display: 'block', color: c('--muted'), marginTop: '2px' },
      '.cm-panels': { backgroundColor: c('--panel'), color: c('--ink') },
      // Task pills in their own gutter: outlined while suspended, filled while running.
      ...taskColours,
      '.cm-taskGutter .cm-gutterElement': {
        display: 'flex',
        alignItems: 'flex-start',
        padding: '3px 2px 0 4px',
      },
      '.cm-taskPills': { display: 'inline-flex', alignItems: 'center', gap: '2px' },
      '.cm-taskPill.cm-taskPillMore': {
        border: `1.5px dotted ${c('--muted')}`,
        color: c('--muted'),
        cursor: 'default',
      },
      '.cm-taskPill': {
        display: 'inline-block',
        fontFamily: 'var(--mono, ui-monospace, monospace)',
        fontSize: '9.5px',
        fontWeight: '700',
        lineHeight: '12px',
        padding: '0 3px',
        minWidth: '14px',
        textAlign: 'center',
        borderRadius: '7px',
        border: '1.5px solid var(--task-color)',
        color: 'var(--task-color)',
        cursor: 'pointer',
        userSelect: 'none',
      },
      '.cm-taskPill[data-running="true"]': { backgroundColor: 'var(--task-color)', color: c('--panel') },
      '.cm-taskPill[data-selected="true"]': {
        boxShadow: `0 0 0 1.5px ${c('--code-bg')}, 0 0 0 3px ${c('--ink')}`,
      },
      '.cm-selectedTaskLine': {
        backgroundColor: `color-mix(in srgb, var(--task-color) ${tint}%, ${c('--panel')})`,
        boxShadow: 'inset 3px 0 0 var(--task-color)',
      },
      // Where the run is: the current line in its task's colour (the same tint as a selected task's line, so
      // the contrast checks of theme.test.ts cover it), other threads' lines lighter, and the `.await` each
      // suspended task waits at underlined in its colour.
      '.cm-taskColor-none': { '--task-color': c('--accent') },
      '.cm-currentLine': {
        backgroundColor: `color-mix(in srgb, var(--task-color) ${tint}%, ${c('--panel')})`,
        boxShadow: 'inset 5px 0 0 var(--task-color)',
      },
      '.cm-runningLine': {
        backgroundColor: `color-mix(in srgb, var(--task-color) ${Math.round(tint / 2)}%, ${c('--panel')})`,
        boxShadow: 'inset 3px 0 0 var(--task-color)',
      },
      '.cm-awaitMark': {
        boxShadow: 'inset 0 -2.5px 0 var(--task-color)',
        borderRadius: '2px',
      },
      '.cm-revealedLine': { outline: `2px solid ${c('--accent')}`, outlineOffset: '-2px' },
    },
    { dark: scheme === 'dark' },
  );
}

export const editorThemes: Record<Scheme, Extension> = {
  light: editorTheme('light'),
  dark: editorTheme('dark'),
};
