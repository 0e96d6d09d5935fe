/**
 * Diagnostics say "see docs/supported.md" (the CLI prints the repository path); in the app that mention
 * becomes a link to `supported.html`, the same page built beside index.html (`npm run docs:supported`
 * writes both; vite.config.ts ships it in dist/), so it works from any host and sub-path.
 */
export const SUPPORTED_PAGE_URL = './supported.html';
export const SUPPORTED_DOC_PATH = 'docs/supported.md';
export const SUPPORTED_LINK_TEXT = SUPPORTED_DOC_PATH;

/** The hint around its mention of the page, or null when it does not mention it. */
export function splitAtSupportedMention(hint: string): { before: string; after: string } | null {
  const i = hint.indexOf(SUPPORTED_DOC_PATH);
  if (i < 0) return null;
  return { before: hint.slice(0, i), after: hint.slice(i + SUPPORTED_DOC_PATH.length) };
}
