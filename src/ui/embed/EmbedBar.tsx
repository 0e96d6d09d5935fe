import { lessonById } from '../../lessons';
import { useApp } from '../store';
import { currentFragment } from '../share/permalink';

/** The embed's compact chrome: the name, what is shown, and a way out to the full page. */
export function EmbedBar() {
  const lessonId = useApp((s) => s.lessonId);
  const profile = useApp((s) => s.profile);
  const lesson = lessonId ? lessonById(lessonId) : undefined;
  return (
    <header className="embed-bar">
      <strong>Pollscope</strong>
      <span className="muted embed-what">
        {lesson ? lesson.title : 'A tokio program'} · tokio {profile}
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
