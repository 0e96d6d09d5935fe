import type { Page } from '@playwright/test';

/**
 * The program in the editor: CodeMirror's lines (all in view: these programs are short), or the plain
 * textarea's value before the editor's chunk has loaded.
 */
export async function editorText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const fallback = document.querySelector<HTMLTextAreaElement>('textarea[data-editor="fallback"]');
    if (fallback) return fallback.value;
    return [...document.querySelectorAll('[data-editor="codemirror"] .cm-line')]
      .map((line) => line.textContent ?? '')
      .join('\n');
  });
}
