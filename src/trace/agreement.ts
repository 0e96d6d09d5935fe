/**
 * Does the screen show what the caption says? The caption under the timeline describes the event at the
 * current step ("the timer keeps slow's waker"); the panels show the view state at that same step. This
 * is the executable statement of what each event's caption claims the panels show *at that step* — not one
 * step later — checked on every step of every lesson (src/lessons/agreement.test.ts) and, in the browser,
 * at every narrated moment (tests/e2e/layout.spec.ts).
 *
 * Returns the disagreements in words (empty when the view shows what the event says).
 */
import type { TraceEvent } from './events';
import type { ViewState } from './state';

const FINISHED = new Set(['complete', 'cancelled', 'panicked']);

export function disagreements(ev: TraceEvent, view: ViewState): string[] {
  const out: string[] = [];
  const expect = (ok: boolean, what: string) => {
    if (!ok) out.push(what);
  };
  const task = (id: number) => view.task(id);
  const thread = view.threads.find((t) => t.id === ev.thread);
  switch (ev.kind) {
    case 'thread-start':
      expect(thread !== undefined && thread.name === ev.name, `thread ${ev.name} is not shown`);
      break;
    case 'spawn':
      expect(task(ev.task) !== null, `task ${ev.task} is not listed`);
      break;
    case 'schedule': {
      const t = task(ev.task);
      expect(t?.state === 'scheduled', `task ${ev.task} is not scheduled (${t?.state})`);
      if (ev.where !== 'main') {
        const q = view.queues.find(
          (x) => x.kind === ev.where && (ev.where === 'inject' || x.core === ev.core),
        );
        const shown = q !== undefined && (q.tasks.includes(ev.task) || q.total > q.tasks.length);
        expect(shown, `task ${ev.task} is not in the ${ev.where} queue of core ${ev.core}`);
      }
      break;
    }
    case 'poll':
      expect(thread?.task === ev.task, `thread ${ev.thread} does not show task ${ev.task} running`);
      expect(task(ev.task)?.state === 'running', `task ${ev.task} is not running`);
      break;
    case 'pending': {
      const t = task(ev.task);
      if (t && t.future === ev.future) {
        // Woken during its own poll, it is already queued again (tokio re-schedules after the poll).
        expect(t.state === 'idle' || t.state === 'scheduled', `task ${ev.task} still shows ${t.state}`);
        expect(thread?.task !== ev.task, `thread ${ev.thread} still polls task ${ev.task}`);
      }
      break;
    }
    case 'future-state': {
      const f = view.future(ev.future);
      expect(f?.variant === ev.variant, `future ${ev.future} shows ${f?.variant}, not ${ev.variant}`);
      break;
    }
    case 'register': {
      const r = view.resource(ev.resource);
      const held = r?.slots.some((w) => w.task === ev.task && w.dir === ev.dir) ?? false;
      expect(held, `resource ${ev.resource} does not show task ${ev.task}'s waker (${ev.dir})`);
      break;
    }
    case 'deregister': {
      const r = view.resource(ev.resource);
      const held = r?.slots.some((w) => w.task === ev.task && w.dir === ev.dir) ?? false;
      expect(!held, `resource ${ev.resource} still shows task ${ev.task}'s waker`);
      break;
    }
    case 'wake': {
      const r = ev.resource >= 0 ? view.resource(ev.resource) : null;
      // A resource that wakes a task has handed its waker over (unless it holds a second one).
      if (r && ev.op === 'wake') {
        const left = r.slots.filter((w) => w.task === ev.task).length;
        expect(left <= 1, `resource ${ev.resource} still shows task ${ev.task}'s waker twice`);
      }
      const t = task(ev.task);
      if (ev.effect === 'main' && t && t.state !== 'running')
        expect(t.state === 'scheduled', `main is not shown scheduled after its wake`);
      break;
    }
    case 'timer-arm': {
      const r = view.resource(ev.resource);
      expect(r?.deadline === ev.deadline, `timer ${ev.resource} does not show its deadline`);
      break;
    }
    case 'timer-fire': {
      const r = view.resource(ev.resource);
      expect(r === null || r.fired, `timer ${ev.resource} is not shown fired`);
      break;
    }
    case 'timer-cancel': {
      const r = view.resource(ev.resource);
      expect(r === null || r.deadline < 0, `timer ${ev.resource} still shows a deadline`);
      break;
    }
    case 'resource-new':
      expect(view.resource(ev.resource) !== null, `resource ${ev.resource} is not shown`);
      break;
    case 'resource-drop':
      expect(view.resource(ev.resource) === null, `resource ${ev.resource} is still shown`);
      break;
    case 'resource-state': {
      const r = view.resource(ev.resource);
      expect(r === null || r.text === ev.text, `resource ${ev.resource} does not show "${ev.text}"`);
      break;
    }
    case 'chan-push': {
      const r = view.resource(ev.resource);
      expect(
        r === null || r.buffer.includes(ev.value) || r.bufferLength > r.buffer.length,
        `channel ${ev.resource} does not show ${ev.value}`,
      );
      break;
    }
    case 'defer': {
      const q = view.queues.find((x) => x.kind === 'defer' && x.core === ev.core);
      expect(q?.tasks.includes(ev.task) ?? false, `task ${ev.task} is not on the defer list`);
      break;
    }
    case 'park':
      expect(thread?.status === 'parked', `thread ${ev.thread} is not shown parked`);
      break;
    case 'block':
      expect(thread?.status === 'blocked', `thread ${ev.thread} is not shown blocked`);
      break;
    case 'complete': {
      const t = task(ev.task);
      const want = ev.outcome === 'ok' ? 'complete' : ev.outcome;
      expect(t?.state === want, `task ${ev.task} shows ${t?.state}, not ${want}`);
      break;
    }
    case 'detach':
      expect(task(ev.task)?.detached ?? false, `task ${ev.task} is not shown detached`);
      break;
    case 'abort':
      expect(task(ev.task)?.aborted ?? false, `task ${ev.task} is not shown aborted`);
      break;
    case 'print':
      expect(
        (ev.stream === 'stdout' ? view.stdoutLength : view.stderrLength) >= ev.text.length,
        `the output does not show "${ev.text}"`,
      );
      break;
    case 'outcome':
      expect(view.outcome?.result === ev.result, `the outcome is not shown`);
      break;
    case 'io-ready': {
      const r = view.resource(ev.resource);
      const head = r?.text.split(' · ')[0] ?? '';
      const bits = ev.ready ? ev.ready.split(' | ') : [];
      expect(
        r === null || bits.every((b) => head.split(/ \| | \(/).includes(b)),
        `source ${ev.resource} does not show ${ev.ready}`,
      );
      break;
    }
    default:
      // The other events (poll-child, future-new, waker counts, steals, searches, driver turns, …) claim
      // nothing a panel shows at that step beyond what the events above cover.
      break;
  }
  // Whatever the event, a finished task is never shown running on a thread.
  for (const t of view.threads)
    if (t.task !== null) {
      const s = task(t.task)?.state;
      expect(s === undefined || !FINISHED.has(s), `thread ${t.id} runs task ${t.task}, which is ${s}`);
    }
  return out;
}
