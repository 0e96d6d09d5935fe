/**
 * The Rust program a `<pollscope-view>` carries in its markup, read back from what the HTML parser made of
 * it, and what went wrong if the parser changed it.
 *
 * `<template>` (the recommended form): its content is parsed as HTML, so an author escapes the program as
 * HTML text, `&` as `&amp;` and `<` as `&lt;` (and nothing else). The parser decodes the references and
 * `textContent` gives the exact program, whatever it contains: `</script>`, `</template>`, `<!--`, `&&`.
 * Unescaped, a `<` before a letter (`Vec<u8>`) becomes a tag and is lost, and `&not`, `&para`, `&times`
 * and a hundred other names become symbols (`&notify` → `¬ify`); tags and comments are seen and reported,
 * decoded names cannot be.
 *
 * `<script type="text/rust">` (the first form, still read): its text is taken as written, but the first
 * `</script` in it ends the element, and the rest of the program spills into the page as HTML. That leaves
 * something after the script inside the element, which is reported.
 */

export interface ProgramChild {
  /** The program, or null when the element carries none. */
  source: string | null;
  /** A sentence for the page's author when the markup did not carry the program intact. */
  problem: string | null;
}

export function readProgramChild(host: Element): ProgramChild {
  const template = [...host.children].find((c): c is HTMLTemplateElement => c instanceof HTMLTemplateElement);
  if (template) return fromTemplate(template);
  const script = host.querySelector('script[type="text/rust"]');
  if (script) return fromScript(script);
  return { source: null, problem: null };
}

function fromTemplate(template: HTMLTemplateElement): ProgramChild {
  const content = template.content;
  const source = stripFirstNewline(content.textContent ?? '');
  const markup = [...walk(content)].find((n) => n.nodeType !== Node.TEXT_NODE);
  if (!markup) return { source, problem: null };
  const what =
    markup.nodeType === Node.COMMENT_NODE
      ? 'a "<!--" was read as the start of an HTML comment'
      : `a "<" was read as the start of an HTML tag (<${(markup as Element).localName}>, as in Vec<u8>)`;
  return {
    source,
    problem:
      `Part of the program inside <template> is missing: ${what}. ` +
      'Inside <template>, write every < as &lt; and every & as &amp;.',
  };
}

function fromScript(script: Element): ProgramChild {
  const source = stripFirstNewline(script.textContent ?? '');
  // In the documented form the script is the element's only content (besides white space).
  let spilled = false;
  for (let n = script.nextSibling; n; n = n.nextSibling)
    if (n.nodeType !== Node.TEXT_NODE || (n.textContent ?? '').trim() !== '') spilled = true;
  if (!spilled) return { source, problem: null };
  return {
    source,
    problem:
      'The program inside <script type="text/rust"> looks cut short: a </script> in it ends the script ' +
      'element, and the rest is read as HTML. Put the program in a <template> instead, with < written ' +
      'as &lt; and & as &amp;.',
  };
}

function* walk(root: Node): Generator<Node> {
  for (let n = root.firstChild; n; n = n.nextSibling) {
    yield n;
    yield* walk(n);
  }
}

const stripFirstNewline = (text: string) => text.replace(/^\r?\n/, '');
