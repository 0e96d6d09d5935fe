import { useMotion, useReducedMotion } from '../motion';
import { formatNanos } from '../../base';
import type { ResourceView, ViewState } from '../../trace/state';
import { resourceLabel } from '../describe';
import { useApp } from '../store';
import { Panel } from './Panel';
import { TaskChip } from './TaskChip';

/** How many resources the panel lists (a run can have thousands alive). */
const RESOURCE_LIMIT = 60;

const KIND_LABEL: Record<string, string> = {
  timer: 'timer',
  mpsc: 'mpsc channel',
  oneshot: 'oneshot channel',
  watch: 'watch channel',
  broadcast: 'broadcast channel',
  notify: 'Notify',
  semaphore: 'Semaphore',
  mutex: 'tokio Mutex',
  'std-mutex': 'std Mutex',
  join: 'JoinHandle',
  joinset: 'JoinSet',
  'tcp-listener': 'TCP listener',
  'tcp-stream': 'TCP stream',
  user: 'resource',
  rwlock: 'RwLock',
  barrier: 'Barrier',
  oncecell: 'OnceCell',
};

const IO_TYPES = new Set(['tcp-listener', 'tcp-stream']);

/**
 * The reactor side of the runtime: the timer wheel's armed timers and every other resource that can hold a
 * waker (channels, Notify, semaphores, mutexes, join handles), with the wakers each holds. When the current
 * event is a wake through a resource, that resource's row lights up.
 */
export function ReactorPanel({ view }: { view: ViewState }) {
  const animate = useApp((s) => s.animateStep);
  const ev = view.lastEvent;
  const waking =
    ev && (ev.kind === 'wake' || ev.kind === 'timer-fire' || ev.kind === 'io-ready' || ev.kind === 'io-clear')
      ? ev.resource
      : -1;
  // The resource the current event is about, kept in view (Panel scrolls to it).
  const current = ev && 'resource' in ev && typeof ev.resource === 'number' ? ev.resource : -1;
  const all = view.resources(RESOURCE_LIMIT);
  // Show what can wake someone: armed timers, resources holding wakers, channels with data or waiters.
  const live = all.filter((r) => r.id === waking || interesting(r));
  const timers = live.filter((r) => r.type === 'timer');
  const sources = live.filter((r) => IO_TYPES.has(r.type));
  const others = live.filter((r) => r.type !== 'timer' && !IO_TYPES.has(r.type));
  return (
    <Panel title="Reactor" id="reactor" extra={<span className="muted">{view.resourceCount} alive</span>}>
      {live.length === 0 && <p className="muted">No timer is armed and no resource holds a waker.</p>}
      {timers.length > 0 && (
        <>
          <h3 className="sub">Timer wheel</h3>
          <ul className="resources">
            {timers.map((r, i) => (
              <Row key={rowKey(r, i, animate)} r={r} waking={r.id === waking} current={r.id === current} />
            ))}
          </ul>
        </>
      )}
      {sources.length > 0 && (
        <>
          <h3 className="sub">I/O driver (epoll)</h3>
          <ul className="resources" aria-label="I/O sources">
            {sources.map((r, i) => (
              <Row key={rowKey(r, i, animate)} r={r} waking={r.id === waking} current={r.id === current} />
            ))}
          </ul>
        </>
      )}
      {others.length > 0 && (
        <>
          <h3 className="sub">Resources</h3>
          <ul className="resources">
            {others.map((r, i) => (
              <Row key={rowKey(r, i, animate)} r={r} waking={r.id === waking} current={r.id === current} />
            ))}
          </ul>
        </>
      )}
    </Panel>
  );
}

/** A single step keeps each resource's row; a jump or a scrub frame reuses the rows by position. */
function rowKey(r: ResourceView, i: number, animate: boolean): string | number {
  return animate ? r.id : `at-${i}`;
}

function interesting(r: ResourceView): boolean {
  if (r.type === 'timer') return r.deadline >= 0 || r.wakers.length > 0;
  if (r.type === 'join') return r.wakers.length > 0;
  return true;
}

/**
 * A resource row. Only a single step pulses the row being woken (a framer-motion animation); every other
 * row, and every row on jumps and scrubbing, is a plain list item: sixty motion components cost more per
 * step than the whole rest of the page.
 */
function Row({ r, waking, current }: { r: ResourceView; waking: boolean; current: boolean }) {
  const animate = useApp((s) => s.animateStep);
  const fm = useMotion();
  const reduced = useReducedMotion();
  const className = `resource type-${r.type}${waking ? ' waking' : ''}`;
  const body = <RowBody r={r} />;
  const mark = current ? { 'data-current': 'true', 'data-current-key': `r${r.id}` } : {};
  if (!animate || !waking || !fm || reduced)
    return (
      <li className={className} data-resource={r.id} {...mark}>
        {body}
      </li>
    );
  return (
    <fm.motion.li
      className={className}
      data-resource={r.id}
      {...mark}
      animate={{ scale: [1, 1.02, 1] }}
      transition={{ duration: 0.35 }}
    >
      {body}
    </fm.motion.li>
  );
}

function RowBody({ r }: { r: ResourceView }) {
  if (IO_TYPES.has(r.type)) return <IoSourceBody r={r} />;
  return (
    <>
      <div className="resource-line">
        <span className="resource-name">{resourceLabel(r)}</span>
        {/* "JoinHandle(slow)" already says what it is. */}
        {r.type !== 'join' && <span className="muted kind"> {KIND_LABEL[r.type] ?? r.type}</span>}
        {r.type === 'timer' && r.deadline >= 0 && (
          <span className="muted"> · fires at {formatNanos(r.deadline)}</span>
        )}
        {r.fired && <span className="badge">fired</span>}
      </div>
      {r.text && <div className="resource-text muted">{r.text}</div>}
      {r.bufferLength > 0 && (
        <ol className="buffer" aria-label={`${r.bufferLength} queued values`}>
          {r.buffer.map((v, i) => (
            <li key={i}>
              <code>{v}</code>
            </li>
          ))}
          {r.bufferLength > r.buffer.length && <li className="muted">+{r.bufferLength - r.buffer.length}</li>}
        </ol>
      )}
      {r.wakers.length > 0 && (
        <div className="wakers">
          holds the waker of{' '}
          {r.wakers.map((w) => (
            <TaskChip key={w} id={w} />
          ))}
        </div>
      )}
    </>
  );
}

const READINESS = ['readable', 'writable', 'read-closed', 'write-closed'] as const;

/**
 * An I/O source as tokio's ScheduledIo holds it: the readiness bits (lit when set) with the tick of the
 * event that set them, and the reader and writer waker slots. The readiness comes from the simulator's
 * `resource-state` text ("readable | writable (tick 3) · reader slot: … · 1 connection waiting"); the slots
 * from the `register` events themselves, so a slot fills at the very step the caption says it does.
 */
function IoSourceBody({ r }: { r: ResourceView }) {
  const [head = '', ...rest] = r.text.split(' · ');
  const tick = /\(tick (\d+)\)/.exec(head)?.[1];
  const set = new Set(head.replace(/\s*\(tick \d+\)/, '').split(' | '));
  const slot = (dir: 'read' | 'write') => {
    const held = r.slots.filter((w) => w.dir === dir);
    return held.length === 0 ? (
      <span className="muted">empty</span>
    ) : (
      held.map((w) => <TaskChip key={w.task} id={w.task} />)
    );
  };
  const extra = rest.filter((p) => !/^(reader|writer) slot: /.test(p)).join(' · ');
  return (
    <>
      <div className="resource-line">
        <span className="resource-name">{resourceLabel(r)}</span>
        <span className="muted kind"> {KIND_LABEL[r.type]}</span>
      </div>
      <div className="readiness" aria-label="readiness">
        {READINESS.map((b) => (
          <span key={b} className={`ready-bit${set.has(b) ? ' on' : ''}`}>
            {b}
          </span>
        ))}
        {tick !== undefined && <span className="muted"> tick {tick}</span>}
      </div>
      <div className="slots">
        <span data-slot="read">reader slot: {slot('read')}</span>
        <span data-slot="write">writer slot: {slot('write')}</span>
      </div>
      {extra && <div className="resource-text muted">{extra}</div>}
    </>
  );
}
