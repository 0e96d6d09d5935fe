/**
 * A tokio `Runtime` (`runtime/runtime.rs`, `runtime/builder.rs`): its scheduler, its time (and I/O) driver
 * and its blocking pool, built by `#[tokio::main]` (simulate.ts) and by the program's own
 * `Builder::build` / `Runtime::new` (builtins/tokio/runtime.ts) the same way. A program may build several;
 * each thread knows which one it has entered (`SimThread.runtime`, tokio's `context::CURRENT`), and every
 * task keeps the scheduler it was spawned on, so a wake from any thread reaches the right runtime.
 */
import { BlockingPool, MAX_BLOCKING_THREADS } from '../blocking-pool';
import { DEFAULT_NET, type RuntimeConfig } from '../config';
import { CT_GLOBAL_QUEUE_INTERVAL, CurrentThreadScheduler, EVENT_INTERVAL } from '../current-thread';
import { WaitQueue, type SimThread } from '../machine';
import { MultiThreadScheduler } from '../mt/scheduler';
import { Network } from '../net/network';
import { TimeDriver } from '../time-driver';
import type { RuntimeHandle, World } from '../world';

/**
 * Each worker is a simulated thread with its own queues; a picture of more than this many is unreadable,
 * and a huge count (a fuzzed `worker_threads = 4294967295`) would exhaust memory before any limit applies.
 */
export const MAX_WORKER_THREADS = 256;

/** tokio's `TryCurrentError` for a thread outside every runtime (`runtime/context.rs`): what
 * `Handle::current()`, `tokio::spawn` and `sleep` panic with there. */
export const NO_RUNTIME =
  'there is no reactor running, must be called from the context of a Tokio 1.x runtime';

/** What `Builder` collects (the attribute fills the first three). */
export interface RuntimeOptions extends RuntimeConfig {
  /** `event_interval` (61 by default). */
  eventInterval?: number;
  /** `global_queue_interval` (31 on current_thread, 61 on multi_thread in 1.24). */
  globalQueueInterval?: number;
  /** `max_blocking_threads` (512). */
  maxBlockingThreads?: number;
  /** `thread_name` of worker and blocking threads (`tokio-runtime-worker`). */
  threadName?: string;
  /** `enable_time` / `enable_all`: without it, `sleep` panics. */
  enableTime?: boolean;
  /** `enable_io` / `enable_all`: without it, making a socket panics. */
  enableIo?: boolean;
}

export class SimRuntime implements RuntimeHandle {
  readonly time: TimeDriver;
  readonly blocking: BlockingPool;
  readonly scheduler: CurrentThreadScheduler | MultiThreadScheduler;
  /** `Runtime::drop`, `shutdown_timeout` or `shutdown_background` ran. */
  shutDown = false;
  /** `shutdown_background`: nobody waits for its blocking jobs, not even the process exit. */
  background = false;
  /** Signalled when a blocking job finishes or a worker thread leaves (what a drop waits for). */
  readonly drained = new WaitQueue();

  /** The trace id of its first core (trace/events.ts `runtime-new`): the cores of earlier runtimes count first. */
  readonly coreBase: number;

  constructor(
    world: World,
    readonly id: number,
    readonly options: RuntimeOptions,
  ) {
    this.coreBase = world.runtimes.reduce((n, rt) => n + (rt instanceof SimRuntime ? rt.coreCount : 1), 0);
    const m = world.machine;
    // Tokio time starts at the runtime's build; `start_paused` freezes it there.
    this.time = new TimeDriver(world, m, options.startPaused, m.current.clock);
    this.blocking = new BlockingPool(world, this.time);
    this.blocking.cap = options.maxBlockingThreads ?? MAX_BLOCKING_THREADS;
    this.blocking.threadName = options.threadName ?? null;
    this.blocking.onThreadStart = (t) => this.enterHandle(t);
    // Pollscope's lane names tell the runtimes apart (tokio's thread names do not).
    const suffix = id > 1 ? ` (runtime ${id})` : '';
    this.blocking.laneSuffix = suffix;
    this.blocking.runtimeId = id;
    const relay = () => this.drained.notifyAll(m);
    this.blocking.drained.onNotify = relay;
    if (options.flavor === 'current_thread') {
      const ct = new CurrentThreadScheduler(world, this.time);
      ct.eventInterval = options.eventInterval ?? EVENT_INTERVAL;
      ct.globalQueueInterval = options.globalQueueInterval ?? CT_GLOBAL_QUEUE_INTERVAL;
      ct.coreId = this.coreBase;
      ct.sharedId = -id;
      this.scheduler = ct;
    } else {
      const mt = new MultiThreadScheduler(world, this.time, options.workerThreads, this.coreBase, id);
      mt.threadName = options.threadName ?? null;
      mt.laneSuffix = suffix;
      mt.eventInterval = options.eventInterval ?? mt.eventInterval;
      mt.globalQueueInterval = options.globalQueueInterval ?? null;
      mt.onThreadStart = (t) => {
        this.enterHandle(t);
        t.entered = true;
      };
      mt.exited.onNotify = relay;
      this.scheduler = mt;
    }
  }

  /** Its cores: one on current_thread, one per worker on multi_thread. */
  get coreCount(): number {
    return this.scheduler instanceof MultiThreadScheduler ? this.scheduler.cores.length : 1;
  }

  /** A thread of this runtime sees it as `Handle::current()`. */
  enterHandle(t: SimThread): void {
    t.runtime = this;
  }

  /** What dropping the runtime waits for: running blocking jobs, and (multi_thread) worker threads. */
  get busy(): boolean {
    return (
      this.blocking.busy ||
      (this.scheduler instanceof MultiThreadScheduler && this.scheduler.workersAlive > 0)
    );
  }
}

/**
 * `Builder::build`: the drivers, the blocking pool and the scheduler; a multi_thread runtime starts its
 * worker threads now (`Launch::launch`), each through the blocking pool, so each takes a task id
 * (`spawn_blocking_inner` calls `task::Id::next()`): a program's first task on a 4-worker runtime is task 5.
 */
export function buildRuntime(world: World, options: RuntimeOptions, attribute = false): SimRuntime {
  const rt = new SimRuntime(world, world.runtimes.length + 1, options);
  world.runtimes.push(rt);
  // A runtime the program builds is in the trace (the UI groups its threads and queues under it);
  // `#[tokio::main]`'s is the run's configuration, so a program without a second runtime has no such event.
  if (!attribute) {
    const mt = rt.scheduler instanceof MultiThreadScheduler;
    world.machine.emit('runtime-new', {
      runtime: rt.id,
      workers: mt ? options.workerThreads : 0,
      core: rt.coreBase,
      flavor: mt ? 'multi_thread' : 'current_thread',
    });
  }
  if (!world.netReady) {
    // Linux hands out ephemeral ports from 32768–60999; the seed picks where (hashed, so the run's RNG
    // streams, and every trace without sockets, stay as they were). The loopback network raises its
    // events on the first runtime's I/O driver.
    const firstPort = 32768 + ((Math.imul(world.options.seed | 0, 0x9e3779b1) >>> 0) % 20000);
    world.net = new Network(rt.time.io, world.options.net ?? DEFAULT_NET, firstPort);
  }
  if (rt.scheduler instanceof MultiThreadScheduler) {
    // Each worker's `run` is a blocking-pool task (`spawn_blocking_inner`): one task id each.
    world.nextTaskId += options.workerThreads;
    rt.scheduler.launch();
  }
  return rt;
}
