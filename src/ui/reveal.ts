/** Showing a task's place in the code: a click on a task chip or its row scrolls the editor there. */
import { LineIndex } from '../lang/diagnostics';
import type { ViewState } from '../trace/state';
import { taskSpot } from './code-marks';
import { session } from './session';
import { useApp } from './store';

/** Scrolls the code to where `task` is at this step (its current line, or the `.await` it waits at). */
export function revealTask(view: ViewState, task: number): void {
  const s = useApp.getState();
  const index = session.index;
  if (!index || s.source !== s.runSource) return;
  const spot = taskSpot(view, index, s.layouts, s.runSource, new LineIndex(s.runSource), task);
  if (!spot) return;
  if (spot.from < spot.to) s.revealCode(spot.line, spot.from, spot.to);
  else s.revealCode(spot.line);
}
