import { useEffect, useRef } from 'react';
import { useApp } from '../store';

const SHORTCUTS: [string, string][] = [
  ['→ / ←', 'step forward / back (over events, polls or wakes — see "Step over")'],
  ['Space', 'play / pause'],
  ['Home / End', 'jump to the start / the end'],
  ['[ / ] or Page Up / Down', 'previous / next narrated moment of the lesson'],
  ['W / S', 'zoom the timeline in / out (when the timeline has focus)'],
  ['A / D', 'pan the timeline left / right'],
  ['U', 'undo the last zoom'],
  ['Ctrl+Enter', 'run the program (in the editor)'],
  ['?', 'show this list'],
];

/** The keyboard shortcuts, in a modal dialog (`?`). */
export function ShortcutsDialog() {
  const open = useApp((s) => s.shortcutsOpen);
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
      className="shortcuts"
      aria-labelledby="shortcuts-title"
      onClose={() => useApp.getState().setShortcutsOpen(false)}
    >
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <p className="muted">
        They work while the visualizer has focus, so an embedded view never takes over the page.
      </p>
      <table>
        <tbody>
          {SHORTCUTS.map(([k, what]) => (
            <tr key={k}>
              <th scope="row">
                <kbd>{k}</kbd>
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="dialog">
        <button type="submit">Close</button>
      </form>
    </dialog>
  );
}
