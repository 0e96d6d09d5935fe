import { Panel } from './Panel';

/** Lesson text for the current step; until lessons have narration, the lesson's summary. */
export function NarrationPanel({ text }: { text: string }) {
  return (
    <Panel title="Narration" id="narration">
      <p>{text}</p>
    </Panel>
  );
}
