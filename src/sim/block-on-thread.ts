/**
 * A thread blocked in `block_on` without a scheduler core (tokio's `CachedParkThread::block_on`,
 * `runtime/park.rs`), shared by the multi_thread runtime and `Handle::block_on` on current_thread.
 */
import { PARK_COST_NS } from './costs';
import { wakeDeferred } from './defer';
import { resumePoll, runTask } from './harness';
import type { SimThread, ThreadBody } from './machine';
import type { Task } from './task';
import type { World } from './world';

type BlockOnPhase = { k: 'run' } | { k: 'in-poll' } | { k: 'parked' } | { k: 'finished' };

/**
 * `CachedParkThread::block_on` (spec §4.12): poll the main future when woken, park the thread between
 * polls. It is not a worker and holds no core: multi_thread's `block_on`, and `Handle::block_on` on a
 * current_thread runtime (which drives neither the core nor the drivers: only `Runtime::block_on` does).
 */
export class BlockOnThread implements ThreadBody {
  thread!: SimThread;
  woken = true;
  private phase: BlockOnPhase = { k: 'run' };

  constructor(
    private readonly world: World,
    private readonly mainTask: Task,
    /** The trace id of its runtime's shared queues, which its parks name (trace/events.ts). */
    private readonly sharedId: number,
  ) {}

  describe(): string {
    return this.phase.k === 'parked' ? 'block_on: parked until the main future is woken' : 'block_on';
  }

  wake(): void {
    this.woken = true;
    if (this.phase.k === 'parked') this.world.machine.makeReady(this.thread);
  }

  finish(): void {
    this.phase = { k: 'finished' };
  }

  step(thread: SimThread): void {
    const world = this.world;
    const m = world.machine;
    const p = this.phase;
    switch (p.k) {
      case 'finished':
        return;
      case 'in-poll': {
        if (resumePoll(world, this.mainTask) === 'blocked') return;
        if (this.phase.k === 'in-poll') this.phase = { k: 'run' };
        return;
      }
      case 'parked':
        m.emit('unpark', { by: -1 });
        this.phase = { k: 'run' };
        break;
      case 'run':
        break;
    }
    if (this.woken) {
      this.woken = false;
      const r = runTask(world, this.mainTask, 'main');
      if (r === 'blocked' && this.phase.k === 'run') this.phase = { k: 'in-poll' };
      return;
    }
    // 1.24 drains the thread-local defer list before parking: a yield_now in main is re-polled at once.
    if (thread.deferred.length) {
      wakeDeferred(world, thread, null);
      if (this.woken) return;
    }
    m.emit('park', { timeout: -1, core: this.sharedId });
    m.spend(PARK_COST_NS);
    thread.status = 'parked';
    thread.blockedOn = 'block_on: waiting for the main future to be woken';
    thread.readyAt = Infinity;
    this.phase = { k: 'parked' };
  }
}
