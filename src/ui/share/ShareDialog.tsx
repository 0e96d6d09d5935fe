import { useEffect, useRef, useState } from 'react';
import { lessonTitle } from '../lesson-library';
import { useApp } from '../store';
import { MAX_NOTE_CHARS, PANEL_IDS, type PanelId } from './link';
import { currentFragment, currentState } from './permalink';
import { togglePanel, useShare } from './share-store';

const PANEL_NAMES: Record<PanelId, string> = {
  code: 'Code',
  runtime: 'Runtime',
  reactor: 'Reactor',
  tasks: 'Tasks',
  output: 'Output',
  narration: 'Narration',
};

/** The page's own address without the fragment: works from any host and sub-path. */
function pageBase(): URL {
  const u = new URL(location.href);
  u.hash = '';
  u.search = '';
  return u;
}

/** The permalink of the current view, or null when the program is too large for a link. */
export function permalink(): string | null {
  const f = currentFragment();
  if (f === null) return null;
  const u = pageBase();
  u.pathname = u.pathname.replace(/embed\.html$/, '');
  return u.href + f;
}

/** The iframe snippet: `embed.html` beside the page, a title, and a size that suits a course page. */
export function embedSnippet(includeCode: boolean): string | null {
  const state = currentState();
  if (!includeCode && !state.hiddenPanels.includes('code')) state.hiddenPanels.push('code');
  const f = currentFragment(state);
  if (f === null) return null;
  const src = new URL('embed.html', pageBase()).href + f;
  const lesson = state.lessonId ? lessonTitle(state.lessonId) : undefined;
  const title = `Pollscope: ${lesson !== undefined && state.source === null ? lesson : 'a tokio program'}, step by step`;
  const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<iframe src="${attr(src)}" title="${attr(title)}" width="720" height="560" style="width:100%;max-width:960px;border:0" loading="lazy"></iframe>`;
}

async function copyText(
  text: string,
  field: HTMLInputElement | HTMLTextAreaElement | null,
): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard permission (e.g. an insecure origin): select the text so Ctrl+C copies it.
    field?.focus();
    field?.select();
    return false;
  }
}

function CopyField({
  label,
  value,
  multiline,
}: {
  label: string;
  value: string | null;
  multiline?: boolean;
}) {
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [status, setStatus] = useState('');
  const id = `share-${label.toLowerCase().replace(/\W+/g, '-')}`;
  const text = value ?? '';
  return (
    <div className="share-field">
      <label htmlFor={id}>{label}</label>
      <div className="share-row">
        {multiline ? (
          <textarea id={id} ref={ref} readOnly value={text} rows={4} spellCheck={false} />
        ) : (
          <input id={id} ref={ref} type="url" readOnly value={text} onFocus={(e) => e.target.select()} />
        )}
        <button
          type="button"
          disabled={value === null}
          onClick={() => {
            void copyText(text, ref.current).then((ok) =>
              setStatus(ok ? 'Copied.' : 'Selected: press Ctrl+C to copy.'),
            );
          }}
        >
          Copy {label.toLowerCase()}
        </button>
      </div>
      <span className="share-status" role="status">
        {value === null ? 'This program is too large for a link (over 256 KB).' : status}
      </span>
    </div>
  );
}

/** Share: the permalink and the embed snippet, each with a copy button; what the link shows. */
export function ShareDialog() {
  const open = useShare((s) => s.shareOpen);
  const note = useShare((s) => s.note);
  const hidden = useShare((s) => s.hiddenPanels);
  // Re-render when the view changes so the link is always the current one.
  useApp((s) =>
    [s.step, s.source, s.selectedTask, s.profile, s.seed, s.granularity, s.timelineAxis].join('|'),
  );
  const [includeCode, setIncludeCode] = useState(false);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="share-dialog"
      aria-labelledby="share-title"
      onClose={() => useShare.setState({ shareOpen: false })}
    >
      <h2 id="share-title">Share this view</h2>
      {open && (
        <>
          <p className="muted">
            The link holds the program, the tokio version, the seed, the step, the selected task and the
            panels. Nothing is uploaded: it all lives in the link.
          </p>
          <CopyField label="Link" value={permalink()} />
          <CopyField label="Embed snippet" value={embedSnippet(includeCode)} multiline />
          <label className="check">
            <input type="checkbox" checked={includeCode} onChange={(e) => setIncludeCode(e.target.checked)} />
            Show the code in the embed
          </label>
          <div className="share-field">
            <label htmlFor="share-note">Note shown with the view (optional)</label>
            <input
              id="share-note"
              type="text"
              maxLength={MAX_NOTE_CHARS}
              value={note}
              placeholder="Look at step 40: main yields here"
              onChange={(e) => useShare.setState({ note: e.target.value })}
            />
          </div>
          <fieldset className="share-panels">
            <legend>Panels shown</legend>
            {PANEL_IDS.map((p) => (
              <label key={p} className="check">
                <input
                  type="checkbox"
                  checked={!hidden.includes(p)}
                  onChange={(e) => togglePanel(p, e.target.checked)}
                />
                {PANEL_NAMES[p]}
              </label>
            ))}
          </fieldset>
        </>
      )}
      <form method="dialog">
        <button type="submit">Close</button>
      </form>
    </dialog>
  );
}

/** The topbar's **Share** button (DESIGN.md §5). */
export function ShareButton() {
  return (
    <button type="button" onClick={() => useShare.setState({ shareOpen: true })}>
      Share
    </button>
  );
}
