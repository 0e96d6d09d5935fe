/**
 * `std::thread::park` / `park_timeout` / `Thread::unpark`: each thread has one token (std's `Parker`).
 * `unpark` sets it and wakes the thread if it is parked; `park` consumes it at once if it is set, otherwise
 * blocks the thread until an `unpark` (or the timeout). An `unpark` before the `park` is remembered, which
 * is what makes a `block_on` loop with a thread waker free of lost wakeups.
 */
import { formatNanos } from '../../../base';
import { defineFn, defineMethods } from '../../interp/registry';
import { WaitQueue, type Machine, type SimThread } from '../../machine';
import type { Gen } from '../../poll';
import { deref, RDuration, UNIT, type Value } from '../../values';
import { RThread } from '../std/thread';

class Parker {
  token = false;
  readonly queue = new WaitQueue();
  /** The thread that unparked it last (for the trace's `unpark` event). */
  by = -1;
}

const parkers = new WeakMap<SimThread, Parker>();
function parkerOf(t: SimThread): Parker {
  let p = parkers.get(t);
  if (!p) {
    p = new Parker();
    parkers.set(t, p);
  }
  return p;
}

/** `Thread::unpark`: sets the token and wakes the thread if it waits in `park`. */
export function unparkThread(m: Machine, t: SimThread): void {
  const p = parkerOf(t);
  p.token = true;
  p.by = m.current ? m.current.id : -1;
  p.queue.notifyAll(m);
}

/** `std::thread::park` (timeoutNs null) / `park_timeout`: consumes the token, or waits for one. */
export function* parkThread(m: Machine, timeoutNs: number | null, site: number, what: string): Gen<Value> {
  const p = parkerOf(m.current);
  if (!p.token) {
    const deadline = timeoutNs === null ? -1 : m.current.clock + timeoutNs;
    m.emit('block', { until: deadline, what, site });
    yield {
      kind: 'wait',
      queue: p.queue,
      what,
      ...(timeoutNs === null ? {} : { timeoutNs }),
    };
    m.emit('unblock', {});
  }
  p.token = false;
  return UNIT;
}

defineFn(['std::thread::park'], {
  pure: false,
  blocks: true,
  call: (ctx) =>
    parkThread(
      ctx.world.machine,
      null,
      ctx.span.start,
      'std::thread::park (until another thread unparks it)',
    ),
});
defineFn(['std::thread::park_timeout'], {
  pure: false,
  blocks: true,
  arity: 1,
  call: (ctx, [d]) => {
    const x = deref(d!);
    if (!(x instanceof RDuration)) return ctx.interp.unsupported('`park_timeout` takes a Duration');
    return parkThread(
      ctx.world.machine,
      x.ns,
      ctx.span.start,
      `std::thread::park_timeout(${formatNanos(x.ns)})`,
    );
  },
});

defineMethods(RThread, 'std::thread::Thread', {
  unpark: (ctx, self) => {
    unparkThread(ctx.world.machine, (deref(self) as RThread).thread);
    return UNIT;
  },
  clone: (_ctx, self) => new RThread((deref(self) as RThread).thread),
});
