// @vitest-environment jsdom
// The program a <pollscope-view> carries, read back after an HTML parser (jsdom's parse5 follows the HTML
// standard's tokenizer, as browsers do; tests/e2e/embed.spec.ts checks the same in Chromium).
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../sim/simulate';
import { readProgramChild } from './program-child';

/** Parses `html` as a page body and returns its first <pollscope-view>. */
function parse(html: string): Element {
  const doc = new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html');
  return doc.querySelector('pollscope-view')!;
}

/** What the README tells authors to do with a program inside <template>. */
const escapeForTemplate = (rust: string) => rust.replaceAll('&', '&amp;').replaceAll('<', '&lt;');

describe('the program child of <pollscope-view>', () => {
  it('<template>: any text escaped as the README says comes back exactly', () => {
    // Line ends are normalised by every HTML parser (CR LF → LF) and NUL is dropped: not Rust text anyway.
    const text = fc
      .string({
        unit: fc.oneof(
          fc.constantFrom(...'<>&;/!-#x "\'\n\tatemplscrip'),
          fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
        ),
        maxLength: 200,
      })
      .map((s) => s.replace(/[\r\0]/g, ''))
      .filter((s) => !s.startsWith('\n'));
    fc.assert(
      fc.property(text, (s) => {
        const child = readProgramChild(
          parse(`<pollscope-view><template>${escapeForTemplate(s)}</template></pollscope-view>`),
        );
        expect(child).toEqual({ source: s, problem: null });
      }),
      { numRuns: 500, seed: 14 },
    );
  });

  it('<template>: hostile text survives — end tags, comments, markup, entity names', () => {
    const hostile =
      'let s = "</script></template><!-- --><img src=x onerror=alert(1)>"; &notify; &amp; &lt; a<b && c>d';
    const child = readProgramChild(
      parse(`<pollscope-view><template>\n${escapeForTemplate(hostile)}</template></pollscope-view>`),
    );
    expect(child).toEqual({ source: hostile, problem: null });
  });

  it('<template> unescaped: a tag or a comment in the program is reported', () => {
    const tag = readProgramChild(
      parse('<pollscope-view><template>let v: Vec<u8> = x;</template></pollscope-view>'),
    );
    expect(tag.problem).toMatch(/read as the start of an HTML tag \(<u8>, as in Vec<u8>\).*&lt;.*&amp;/);
    const comment = readProgramChild(
      parse('<pollscope-view><template>a <!-- b --> c</template></pollscope-view>'),
    );
    expect(comment.problem).toMatch(/read as the start of an HTML comment/);
  });

  it('<script type="text/rust">: read as written; a </script> inside is reported as cut short', () => {
    const ok = readProgramChild(
      parse('<pollscope-view><script type="text/rust">\nlet a = 1 < 2 && b;\n</script>\n</pollscope-view>'),
    );
    expect(ok).toEqual({ source: 'let a = 1 < 2 && b;\n', problem: null });
    const cut = readProgramChild(
      parse(
        '<pollscope-view><script type="text/rust">println!("</script><b>x</b>");</script></pollscope-view>',
      ),
    );
    expect(cut.source).toBe('println!("');
    expect(cut.problem).toMatch(/looks cut short/);
  });

  it('no program child: nothing to read', () => {
    expect(readProgramChild(parse('<pollscope-view lesson="x"></pollscope-view>'))).toEqual({
      source: null,
      problem: null,
    });
  });

  it("the README's example runs as written", () => {
    const readme = readFileSync('README.md', 'utf8');
    const snippet = /<pollscope-view profile="latest"[\s\S]*?<\/pollscope-view>/.exec(readme)?.[0];
    expect(snippet).toBeDefined();
    const child = readProgramChild(parse(snippet!));
    expect(child.problem).toBeNull();
    expect(child.source).toContain('Vec<u8>');
    const r = simulate(child.source!, { profile: 'latest' });
    expect(r.outcome.kind).toBe('completed');
    expect(r.stdout).toContain('&& </script> is fine here');
  });
});
