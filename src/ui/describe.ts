/**
 * Plain-words descriptions of trace events, for the status line under the timeline ("what just happened").
 */
import { formatNanos } from '../base';
import type { TraceEvent } from '../trace/events';
import { localsText } from '../trace/locals';
import type { ResourceView, ViewState } from '../trace/state';
import { taskName } from './task-names';

export { taskName };

/** "a Sleep", "an Acquire": the article English puts before a name. */
export function withArticle(name: string): string {
  return `${/^[aeiou]/i.test(name) ? 'an' : 'a'} ${name}`;
}

/** A resource's name, with a JoinHandle's task named as the program names it: "JoinHandle(slow)". */
export function resourceLabel(r: ResourceView): string {
  return r.owner >= 0 ? r.name.replace(/\(task \d+\)$/, `(${taskName(r.owner)})`) : r.name;
}

const THREAD_ROLE: Record<string, string> = {
  main: 'the process’s main thread, where #[tokio::main] runs block_on',
  worker: 'a runtime worker thread',
  blocking: 'a blocking-pool thread',
  std: 'an OS thread of std::thread::spawn',
};

function futureName(view: ViewState, id: number): string {
  return view.future(id)?.name ?? `future ${id}`;
}

/** Reference counts are simulated; a recorded real run has none (-1). */
function refs(n: number): string {
  return n < 0 ? '' : ` (${n} references)`;
}

export function describeEvent(ev: TraceEvent, view: ViewState): string {
  const fut = (id: number) => futureName(view, id);
  const res = (id: number) => {
    const r = view.resource(id);
    return r ? resourceLabel(r) : id < 0 ? 'a waker' : 'a dropped resource';
  };
  const thread = view.threads[ev.thread]?.name ?? `thread ${ev.thread}`;
  switch (ev.kind) {
    case 'thread-start':
      return `${ev.role === 'main' ? 'the main thread' : ev.name} starts: ${THREAD_ROLE[ev.role] ?? 'a thread'}`;
    case 'thread-exit':
      return `${thread} exits`;
    case 'runtime-new':
      return `${thread} builds runtime ${ev.runtime} (${ev.flavor === 'multi_thread' ? `multi_thread, ${ev.workers} worker${ev.workers === 1 ? '' : 's'}` : 'current_thread'}): its own scheduler and queues, timer and blocking pool`;
    case 'spawn':
      return ev.task === 0
        ? `#[tokio::main] hands main's future to block_on`
        : `${taskName(ev.parent)} spawns ${taskName(ev.task)}${ev.future < 0 ? '' : ` (${fut(ev.future)})`}`;
    case 'schedule':
      if (ev.where === 'unrecorded')
        return `${taskName(ev.task)} is scheduled (which run queue it went into is not recorded)`;
      return ev.where === 'lifo'
        ? `${taskName(ev.task)} goes into worker ${ev.core}'s LIFO slot (it runs next there)`
        : ev.where === 'localset'
          ? `${taskName(ev.task)} is queued on its LocalSet's run queue (it runs when the task driving the set polls it)`
          : ev.where === 'local' && ev.core >= 0 && view.threads.some((t) => t.role === 'worker')
            ? `${taskName(ev.task)} is queued on worker ${ev.core}'s local queue`
            : `${taskName(ev.task)} is queued on the ${ev.where} queue`;
    case 'search':
      return ev.searching
        ? `${thread} starts searching: it looks for tasks to steal from the other workers`
        : `${thread} stops searching`;
    case 'steal':
      return `worker ${ev.core} steals ${ev.count} task${ev.count === 1 ? '' : 's'} from worker ${ev.victim}'s local queue`;
    case 'poll':
      return `${thread} polls ${taskName(ev.task)}${
        ev.from === 'main'
          ? ''
          : ev.from === 'unrecorded'
            ? ' (which queue it came from is not recorded)'
            : ev.from === 'localset'
              ? " (taken from its LocalSet's run queue, inside the poll of the task that drives the set)"
              : ` (taken from the ${ev.from} queue)`
      }`;
    case 'poll-child':
      return `${fut(ev.parent)} polls ${fut(ev.future)}`;
    case 'pending':
      // A recorded real run knows the task, not its futures (future -1).
      return `${ev.future < 0 ? `${taskName(ev.task)}'s poll` : fut(ev.future)} returns Poll::Pending`;
    case 'ready':
      return `${ev.future < 0 ? `${taskName(ev.task)}'s poll` : fut(ev.future)} returns Poll::Ready`;
    case 'future-new':
      return `${withArticle(ev.name)} future is created (futures are lazy: nothing runs yet)`;
    case 'future-state':
      return `${fut(ev.future)} is now ${ev.variant}${ev.locals ? ` { ${localsText(ev.locals)} }` : ''}`;
    case 'future-size':
      return `${fut(ev.future)} holds about ${ev.bytes} bytes across an .await (tokio-console warns at 1 KiB)`;
    case 'future-drop':
      return `${fut(ev.future)} is dropped`;
    case 'waker-clone':
      return `a waker for ${taskName(ev.task)} is cloned${refs(ev.refs)}`;
    case 'waker-drop':
      return `a waker for ${taskName(ev.task)} is dropped${refs(ev.refs)}`;
    case 'register':
      return `${res(ev.resource)} keeps ${taskName(ev.task)}'s waker${ev.dir === '-' ? '' : ` in its ${ev.dir === 'read' ? 'reader' : 'writer'} slot`}`;
    case 'deregister':
      return `${res(ev.resource)} forgets ${taskName(ev.task)}'s waker`;
    case 'io-turn':
      return ev.events === 0
        ? `${thread} polls the I/O driver (epoll): no socket is ready`
        : `${thread} polls the I/O driver (epoll): ${ev.events} readiness event${ev.events === 1 ? '' : 's'}`;
    case 'io-ready':
      return `${res(ev.resource)} is now ${ev.ready || 'not ready'} (tick ${ev.tick}): the driver wakes the task in each matching waker slot`;
    case 'io-clear':
      return `the read or write would block: ${res(ev.resource)} is no longer ${ev.ready} (tick ${ev.tick})`;
    case 'wake': {
      const effect =
        ev.effect === 'scheduled'
          ? 'it is scheduled'
          : ev.effect === 'already-notified'
            ? 'it was already scheduled, nothing more happens'
            : ev.effect === 'while-running'
              ? 'it is running, so it will be polled again after this poll'
              : ev.effect === 'after-complete'
                ? 'it has already finished, nothing happens'
                : 'block_on will poll main again';
      return `${ev.by >= 0 ? taskName(ev.by) : res(ev.resource)} wakes ${taskName(ev.task)} (${ev.op}): ${effect}`;
    }
    case 'defer':
      return `${taskName(ev.task)} yields: its waker waits on the defer list until the next driver turn`;
    case 'budget-exhausted':
      return `${taskName(ev.task)} used up its coop budget (128): the resource returns Pending`;
    case 'resource-new':
      return `${ev.name} is created`;
    case 'resource-state': {
      // An I/O source's slots are shown from its `register` events (the Reactor panel does the same); the
      // caption keeps to what this event adds: the readiness and what else the source says.
      const r = view.resource(ev.resource);
      const text =
        r && (r.type === 'tcp-listener' || r.type === 'tcp-stream')
          ? ev.text
              .split(' · ')
              .filter((p) => !/^(reader|writer) slot: /.test(p))
              .join(' · ')
          : ev.text;
      return `${res(ev.resource)}: ${text}`;
    }
    case 'resource-drop':
      return `${res(ev.resource)} is dropped`;
    case 'chan-push':
      return `${ev.value} is sent into ${res(ev.resource)}`;
    case 'chan-state':
      return `${res(ev.resource)}: ${ev.queued} queued, ${ev.senders} sender${ev.senders === 1 ? '' : 's'}`;
    case 'chan-pop':
      return `a value is received from ${res(ev.resource)}`;
    case 'timer-arm':
      return `${res(ev.resource)} is armed in the timer wheel for ${formatNanos(ev.deadline)}`;
    case 'timer-cancel':
      return `${res(ev.resource)} is removed from the timer wheel`;
    case 'timer-fire':
      return `${res(ev.resource)} fires`;
    case 'time-advance':
      return `the paused clock jumps to ${formatNanos(ev.now)} (nothing else could run)`;
    case 'park':
      return ev.timeout === 0
        ? `${thread} checks the driver without blocking`
        : `${thread} parks${ev.timeout > 0 ? ` for up to ${formatNanos(ev.timeout)}` : ' until woken'}`;
    case 'unpark':
      return `${thread} is back from the driver`;
    case 'block':
      return `${thread} is blocked: ${ev.what}`;
    case 'unblock':
      return `${thread} continues`;
    case 'abort':
      return `${taskName(ev.task)} is aborted`;
    case 'cancel':
      return `${taskName(ev.task)} is cancelled: its future is dropped instead of polled`;
    case 'detach':
      return `the JoinHandle of ${taskName(ev.task)} is dropped: the task keeps running, detached`;
    case 'complete':
      return `${taskName(ev.task)} ${ev.outcome === 'ok' ? 'completes' : ev.outcome === 'cancelled' ? 'ends cancelled' : 'ends with a panic'}`;
    case 'panic':
      return `${taskName(ev.task)} panics: ${ev.message}`;
    case 'print':
      return `the program prints ${JSON.stringify(ev.text.replace(/\n$/, ''))}${ev.stream === 'stderr' ? ' to stderr' : ''}`;
    case 'lint':
      return `${taskName(ev.task)}: ${ev.lint} — ${ev.detail}`;
    case 'outcome':
      return ev.message.split('\n')[0]!;
  }
}
