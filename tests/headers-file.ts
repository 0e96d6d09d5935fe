/**
 * Reads `public/_headers` (the Netlify / Cloudflare Pages format: a path line, then indented `Name: value`
 * lines; `#` comments; `*` matches any run of characters) and says which headers a path gets, merging
 * every rule that matches, as those hosts do. Used by tests/headers.test.ts and by the embed browser test,
 * whose static host sends these headers.
 */
import { readFileSync } from 'node:fs';

export interface HeaderRule {
  path: string;
  headers: [string, string][];
}

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: [] });
      continue;
    }
    const rule = rules[rules.length - 1];
    const m = /^\s+([A-Za-z0-9-]+):\s*(.*)$/.exec(line);
    if (!rule || !m) throw new Error(`_headers: cannot read the line ${JSON.stringify(line)}`);
    rule.headers.push([m[1]!, m[2]!.trim()]);
  }
  return rules;
}

const matches = (pattern: string, path: string) =>
  new RegExp(
    '^' +
      pattern
        .split('*')
        .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*') +
      '$',
  ).test(path);

/** Every header a request for `path` (from the site's root) is answered with: name (lower case) → values. */
export function headersFor(rules: HeaderRule[], path: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of rules)
    if (matches(r.path, path))
      for (const [name, value] of r.headers)
        out.set(name.toLowerCase(), [...(out.get(name.toLowerCase()) ?? []), value]);
  return out;
}

export const shippedHeaders = () => parseHeadersFile(readFileSync('public/_headers', 'utf8'));
