import { describeWaitFor, waitCycle, type Names, type WaitFor, type WaitNode } from '../../trace/wait-for';
import { resourceBindingAt } from '../../trace/task-names';
import { session } from '../session';
import { useApp } from '../store';
import { taskName } from '../task-names';

/**
 * A deadlock explained: the wait-for graph drawn (tasks, and the locks / permits between them: "holds" and
 * "waits for" arrows, the cycle emphasised) and said in words, with the program's names (`a`, `b`, `left`).
 * The simulator's own report stays available underneath.
 */
export function DeadlockReport({
  waitFor,
  message,
  source,
}: {
  waitFor: WaitFor;
  message: string;
  /** The run's source: resources are named by the binding they were stored in. */
  source: string;
}) {
  // Task names and resource sites come from the index: render again when it has caught up with the run.
  useApp((s) => s.indexVersion);
  const names = resourceNames(source);
  const lines = describeWaitFor(waitFor, names);
  const cycle = waitCycle(waitFor);
  return (
    <div className="deadlock-report" data-testid="deadlock-report">
      <p className="deadlock-title">
        <strong>Deadlock:</strong> no task can go on and nothing can wake one (real tokio would hang here).
      </p>
      <div className="deadlock-body">
        {cycle && <WaitForGraph waitFor={waitFor} cycle={cycle} names={names} />}
        <ul className="deadlock-words" data-testid="deadlock-words">
          {lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      </div>
      <details>
        <summary>The simulator’s report</summary>
        <pre>{message}</pre>
      </details>
    </div>
  );
}

function resourceNames(source: string): Names {
  const view = session.index && session.trace ? session.index.at(session.trace.length - 1) : null;
  return {
    task: taskName,
    resource: (id) => {
      const r = view?.resource(id);
      return (r && resourceBindingAt(source, r.site)) ?? r?.name ?? `resource ${id}`;
    },
  };
}

const W = 360;
const NODE_H = 26;

/** Nodes on a circle (the cycle's first, in its order), arrows: task → what it waits for → who holds it. */
function WaitForGraph({ waitFor, cycle, names }: { waitFor: WaitFor; cycle: WaitNode[]; names: Names }) {
  const key = (n: WaitNode) => ('task' in n ? `t${n.task}` : `r${n.resource}`);
  const nodes: WaitNode[] = [...cycle];
  const add = (n: WaitNode) => {
    if (!nodes.some((m) => key(m) === key(n))) nodes.push(n);
  };
  for (const w of waitFor.waits) {
    add({ task: w.task });
    if (w.resource >= 0) add({ resource: w.resource });
  }
  for (const h of waitFor.holds) add({ task: h.task });
  const inCycle = new Set(cycle.map(key));
  const n = cycle.length;
  const rx = 120;
  const ry = n > 2 ? 52 : 0;
  const extraRows = Math.ceil((nodes.length - n) / 2);
  const H = 2 * ry + NODE_H + 24 + (extraRows > 0 ? (extraRows - 1) * (NODE_H + 8) + 8 : 0);
  const pos = new Map<string, { x: number; y: number }>();
  cycle.forEach((node, i) => {
    const a = -Math.PI / 2 + (2 * Math.PI * i) / n;
    pos.set(key(node), { x: W / 2 + rx * Math.cos(a), y: 12 + NODE_H / 2 + ry + ry * Math.sin(a) });
  });
  const rest = nodes.filter((m) => !inCycle.has(key(m)));
  // Tasks outside the cycle (main awaiting one of them) go to the bottom corners, right then left, so their
  // arrows into the cycle do not cross its nodes.
  rest.forEach((node, i) => {
    const row = Math.floor(i / 2);
    const x = i % 2 === 0 ? W - 40 : 40;
    pos.set(key(node), { x, y: H - NODE_H / 2 - 4 - row * (NODE_H + 8) });
  });
  const label = (m: WaitNode) => ('task' in m ? names.task(m.task) : names.resource(m.resource));
  const edges: { from: WaitNode; to: WaitNode; kind: 'waits' | 'holds' }[] = [];
  for (const w of waitFor.waits) {
    if (w.resource >= 0) edges.push({ from: { task: w.task }, to: { resource: w.resource }, kind: 'waits' });
    else if (w.onTask >= 0 && pos.has(`t${w.onTask}`))
      edges.push({ from: { task: w.task }, to: { task: w.onTask }, kind: 'waits' });
  }
  for (const h of waitFor.holds)
    edges.push({ from: { resource: h.resource }, to: { task: h.task }, kind: 'holds' });
  const words = edges.map(
    (e) => `${label(e.from)} ${e.kind === 'waits' ? 'waits for' : 'is held by'} ${label(e.to)}`,
  );
  return (
    <svg
      className="wait-for-graph"
      viewBox={`0 0 ${W} ${H}`}
      width={W}
      height={H}
      role="img"
      aria-label={`Wait-for graph: ${words.join('; ')}`}
      data-testid="wait-for-graph"
    >
      <defs>
        <marker
          id="wf-arrow"
          viewBox="0 0 8 8"
          refX="7"
          refY="4"
          markerWidth="7"
          markerHeight="7"
          orient="auto"
        >
          <path d="M0,0L8,4L0,8Z" fill="currentColor" />
        </marker>
      </defs>
      {edges.map((e) => {
        const a = pos.get(key(e.from));
        const b = pos.get(key(e.to));
        if (!a || !b) return null;
        const [x1, y1, x2, y2] = clip(a, b);
        const hot = inCycle.has(key(e.from)) && inCycle.has(key(e.to));
        return (
          <g key={`${key(e.from)}-${key(e.to)}`} className={`wf-edge ${e.kind}${hot ? ' cycle' : ''}`}>
            <line x1={x1} y1={y1} x2={x2} y2={y2} markerEnd="url(#wf-arrow)" />
            <text x={(x1 + x2) / 2} y={(y1 + y2) / 2 - 4} textAnchor="middle">
              {e.kind === 'waits' ? 'waits for' : 'held by'}
            </text>
          </g>
        );
      })}
      {nodes.map((m) => {
        const p = pos.get(key(m))!;
        const text = label(m);
        const w = Math.max(44, text.length * 8 + 20);
        const task = 'task' in m;
        return (
          <g
            key={key(m)}
            className={`wf-node ${task ? `task task-color-${((m.task % 8) + 8) % 8}` : 'resource'}${inCycle.has(key(m)) ? ' cycle' : ''}`}
            data-node={text}
          >
            <rect x={p.x - w / 2} y={p.y - NODE_H / 2} width={w} height={NODE_H} rx={task ? 13 : 4} />
            <text x={p.x} y={p.y + 4} textAnchor="middle">
              {text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** The segment between two node centres, shortened so it starts and ends outside the node boxes. */
function clip(a: { x: number; y: number }, b: { x: number; y: number }): [number, number, number, number] {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy) || 1;
  // A box about 60×26: leave it along the direction of the edge.
  const pad = (ux: number, uy: number) =>
    Math.min(34 / Math.max(Math.abs(ux), 1e-6), 17 / Math.max(Math.abs(uy), 1e-6));
  const ux = dx / len;
  const uy = dy / len;
  const s = pad(ux, uy);
  const e = pad(ux, uy) + 3;
  return [a.x + ux * s, a.y + uy * s, b.x - ux * e, b.y - uy * e];
}
