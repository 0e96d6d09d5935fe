import { useShare } from '../share/share-store';
import { Panel } from './Panel';

/** Lesson text for the current step; until lessons have narration, the lesson's summary. */
export function NarrationPanel({ text }: { text: string }) {
  // A shared link can carry a note ("look at this"): plain text, shown above the lesson's own words.
  const note = useShare((s) => s.note);
  return (
    <Panel title="Narration" id="narration">
      {note && (
        <p className="note" data-testid="note">
          {note}
        </p>
      )}
      <p>{text}</p>
    </Panel>
  );
}
