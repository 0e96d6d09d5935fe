/** Transport icons as inline SVG (font glyphs like ⏮ are missing from many system fonts). */
const paths = {
  start: 'M4 3h2v10H4zM13 3v10L7 8z',
  back: 'M11 3v10L5 8z',
  play: 'M5 3v10l8-5z',
  pause: 'M4 3h3v10H4zM9 3h3v10H9z',
  forward: 'M5 3v10l6-5z',
  end: 'M10 3h2v10h-2zM3 3v10l6-5z',
  /** Previous / next narrated moment: a chapter flag with an arrow. */
  prevMoment: 'M13 2h2v12h-2zM11 3v10L6 8zM6 3v10L1 8z',
  nextMoment: 'M1 2h2v12H1zM5 3v10l5-5zM10 3v10l5-5z',
} as const;

export function Icon({ name }: { name: keyof typeof paths }) {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={paths[name]} fill="currentColor" />
    </svg>
  );
}
