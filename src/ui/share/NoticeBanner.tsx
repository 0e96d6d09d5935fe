import { setNotice, useShare } from './share-store';

/** A bad link, a link that replaced saved code, a reset: said in plain text, with an action to undo. */
export function NoticeBanner() {
  const notice = useShare((s) => s.notice);
  if (!notice) return null;
  return (
    <div className={`banner notice ${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
      <p data-testid="notice">{notice.text}</p>
      {notice.action && (
        <button type="button" onClick={notice.action.run}>
          {notice.action.label}
        </button>
      )}
      <button type="button" onClick={() => setNotice(null)}>
        Dismiss
      </button>
    </div>
  );
}
