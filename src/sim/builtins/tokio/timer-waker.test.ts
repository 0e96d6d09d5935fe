/**
 * tokio 1.24's `TimerEntry` keeps the waker of its last poll across `reset` (`StateCell::poll` registers
 * first, then reads the state): an interval's next deadline, armed by the tick that returned Ready, wakes
 * the task when it fires even while the task awaits something else, and a reset to a deadline that has
 * already elapsed fires at once and wakes it (tests/conformance/time_interval.events, recorded from tokio).
 */
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../../trace/events';
import { simulate } from '../../simulate';

const SRC = `
use std::time::Duration;
use tokio::time::{interval, sleep};
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let mut ticker = interval(Duration::from_millis(10));
    ticker.tick().await;
    ticker.tick().await;
    sleep(Duration::from_millis(25)).await;
    ticker.tick().await;
    ticker.tick().await;
}`;

describe('a timer entry keeps its waker across reset', () => {
  it("the interval's next deadline wakes main during the sleep, and a reset into the past wakes it at once", () => {
    const r = simulate(SRC, { profile: '1.24', seed: 1 });
    expect(r.outcome.kind).toBe('completed');
    const events: TraceEvent[] = [];
    for (let i = 0; i < r.trace.length; i++) events.push(r.trace.get(i));
    const interval = events.find((e) => e.kind === 'resource-new' && e.name.startsWith('interval'))!;
    const iv = interval.kind === 'resource-new' ? interval.resource : -1;
    const wakesByInterval = events.filter((e) => e.kind === 'wake' && e.resource === iv && e.task === 0);
    // tick 2 (10 ms), the deadline 20 ms firing during the 25 ms sleep, and the reset to 30 ms at 35 ms
    // (already elapsed) waking main while it runs.
    expect(wakesByInterval.map((e) => (e.kind === 'wake' ? e.effect : ''))).toEqual(['main', 'main', 'main']);
    // Polls at 0, 10 and 20 ms (the spurious wake: the sleep is still pending), and at 35 ms (both ticks
    // Ready: the second's deadline fired at the reset).
    const polls = events.filter((e) => e.kind === 'poll' && e.task === 0).length;
    expect(polls).toBe(4);
  });
});
