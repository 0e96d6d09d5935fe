import { formatNanos } from '../../base';
import type { ViewState } from '../../trace/state';
import { Panel } from './Panel';
import { TaskChip } from './TaskChip';

/** How many resources the panel lists (a run can have thousands alive). */
const RESOURCE_LIMIT = 200;

/** Timers and other resources, and the wakers each one holds. */
export function ReactorPanel({ view }: { view: ViewState }) {
  const live = view
    .resources(RESOURCE_LIMIT)
    .filter((r) => r.type !== 'timer' || r.deadline >= 0 || r.wakers.length > 0);
  return (
    <Panel title="Reactor" id="reactor">
      {live.length === 0 ? (
        <p className="muted">No timers or resources hold a waker.</p>
      ) : (
        <ul className="resources">
          {live.map((r) => (
            <li key={r.id} className={`resource type-${r.type}`}>
              <span className="resource-name">{r.name}</span>
              {r.type === 'timer' && r.deadline >= 0 && (
                <span className="muted"> fires at {formatNanos(r.deadline)}</span>
              )}
              {r.fired && <span className="badge">fired</span>}
              {r.wakers.length > 0 && (
                <span className="wakers">
                  {' '}
                  waker:{' '}
                  {r.wakers.map((w) => (
                    <TaskChip key={w} id={w} />
                  ))}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
