import { lessonTitle } from '../lesson-library';
import { useApp } from '../store';
import { currentFragment } from '../share/permalink';

/** The embed's compact chrome: the name, what is shown, and a way out to the full page. */
export function EmbedBar() {
  const lessonId = useApp((s) => s.lessonId);
  const profile = useApp((s) => s.profile);
  // The title is in the catalog: the bar needs no lesson text (that loads on demand).
  const title = lessonId ? lessonTitle(lessonId) : undefined;
  return (
    <header className="embed-bar">
      <strong>Pollscope</strong>
      <span className="muted embed-what">
        {title ?? 'A tokio program'} · tokio {profile}
      </span>
      <a
        href="./"
        target="_blank"
        rel="noopener noreferrer"
        // The link is computed when followed: it is the view as it is now, scrubbed or not.
        onClick={(e) => {
          e.currentTarget.href = new URL('./', location.href).href.split('#')[0] + (currentFragment() ?? '');
        }}
      >
        Open in Pollscope
      </a>
    </header>
  );
}
