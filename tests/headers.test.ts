/**
 * The security headers Pollscope ships (public/_headers, for Netlify and Cloudflare Pages) and the
 * Content-Security-Policy its pages carry in a <meta> (for hosts that cannot set headers, e.g. GitHub
 * Pages) say the same thing, and say what a static app with no server needs: no plugins, no <base>, no
 * form posts, no inline or eval'd script, and who may frame which page.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { headersFor, shippedHeaders } from './headers-file';

const metaCsp = (file: string) =>
  /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(readFileSync(file, 'utf8'))?.[1] ?? '';
const directives = (csp: string) =>
  new Map(
    csp
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name!, values.join(' ')] as const;
      }),
  );

describe('Content-Security-Policy and response headers', () => {
  it('each page allows only its own files, and no plugins, <base>, form posts or inline/eval script', () => {
    for (const file of ['index.html', 'embed.html']) {
      const d = directives(metaCsp(file));
      expect(d.get('default-src')).toBe("'self'");
      expect(d.get('script-src')).toBe("'self'");
      expect(d.get('object-src')).toBe("'none'");
      expect(d.get('base-uri')).toBe("'none'");
      expect(d.get('form-action')).toBe("'none'");
      // Kept for CodeMirror's <style> elements (see the comment in the page); never for scripts.
      expect(d.get('style-src')).toBe("'self' 'unsafe-inline'");
      expect(metaCsp(file)).not.toContain('unsafe-eval');
    }
  });

  it('_headers sends the pages’ policy as a header, with who may frame them', () => {
    const rules = shippedHeaders();
    const policy = (path: string) => {
      const csp = headersFor(rules, path).get('content-security-policy') ?? [];
      expect(csp, `${path}: exactly one policy`).toHaveLength(1);
      const d = directives(csp[0]!);
      const frameAncestors = d.get('frame-ancestors');
      d.delete('frame-ancestors');
      return { rest: [...d].map(([k, v]) => `${k} ${v}`).join('; '), frameAncestors };
    };
    for (const [path, page, frameAncestors] of [
      ['/', 'index.html', "'self'"],
      ['/index.html', 'index.html', "'self'"],
      ['/embed.html', 'embed.html', '*'],
      ['/embed', 'embed.html', '*'],
    ] as const) {
      const p = policy(path);
      expect(p.rest, path).toBe(metaCsp(page));
      expect(p.frameAncestors, path).toBe(frameAncestors);
    }
  });

  it('_headers turns off content sniffing everywhere and lets other origins load the custom element', () => {
    const rules = shippedHeaders();
    for (const path of ['/', '/embed.html', '/pollscope-view.js', '/assets/index-abc.js'])
      expect(headersFor(rules, path).get('x-content-type-options'), path).toEqual(['nosniff']);
    for (const path of ['/pollscope-view.js', '/assets/link-abc.js'])
      expect(headersFor(rules, path).get('access-control-allow-origin'), path).toEqual(['*']);
    expect(headersFor(rules, '/index.html').get('access-control-allow-origin')).toBeUndefined();
  });
});
