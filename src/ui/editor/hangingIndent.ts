// Wrapped lines keep their indentation: a long line that wraps continues under its own first character,
// not at the left edge, so nested code still reads as nested in a narrow code column. Each visible line
// with leading spaces gets a hanging indent (padding-left plus a negative text-indent of the same width).
import { RangeSetBuilder, type Extension } from '@codemirror/state';
import {
  Decoration,
  ViewPlugin,
  type DecorationSet,
  type EditorView,
  type ViewUpdate,
} from '@codemirror/view';

/** The line's left padding in the theme (`.cm-line`), which the hanging indent keeps. */
const BASE_PAD_PX = 6;

const cache = new Map<number, Decoration>();

/**
 * The indentation itself never wraps: otherwise a long first token moves to the next row and leaves the
 * indentation alone on an empty one.
 */
const INDENT = Decoration.mark({ class: 'cm-indentRun', attributes: { style: 'white-space: pre' } });

function hang(columns: number): Decoration {
  let d = cache.get(columns);
  if (!d) {
    d = Decoration.line({
      attributes: {
        style: `padding-left: calc(${columns}ch + ${BASE_PAD_PX}px); text-indent: -${columns}ch`,
      },
    });
    cache.set(columns, d);
  }
  return d;
}

function leadingColumns(text: string, tabSize: number): number {
  let n = 0;
  for (const ch of text) {
    if (ch === ' ') n++;
    else if (ch === '\t') n += tabSize - (n % tabSize);
    else break;
  }
  return n;
}

function build(view: EditorView): DecorationSet {
  const b = new RangeSetBuilder<Decoration>();
  const { doc, tabSize } = view.state;
  for (const { from, to } of view.visibleRanges) {
    for (let pos = from; pos <= to;) {
      const line = doc.lineAt(pos);
      const n = leadingColumns(line.text, tabSize);
      if (n > 0 && n < line.length) {
        b.add(line.from, line.from, hang(n));
        const ws = line.text.length - line.text.trimStart().length;
        b.add(line.from, line.from + ws, INDENT);
      }
      pos = line.to + 1;
    }
  }
  return b.finish();
}

export function hangingIndent(): Extension {
  return ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;
      constructor(view: EditorView) {
        this.decorations = build(view);
      }
      update(u: ViewUpdate) {
        if (u.docChanged || u.viewportChanged) this.decorations = build(u.view);
      }
    },
    { decorations: (v) => v.decorations },
  );
}
