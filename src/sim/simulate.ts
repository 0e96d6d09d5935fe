/**
 * One run: source text + options → a trace and an outcome.
 *
 * Parses and resolves the program, reads `#[tokio::main(..)]`, builds the machine (the main thread running
 * the current_thread scheduler), runs it to an outcome, and shuts the runtime down the way dropping a tokio
 * `Runtime` does. Never throws for anything the program does: every ending is an `outcome`.
 */
import { FastRand } from '../base';
import type { Program } from '../lang/ast';
import { CompileError, type Diagnostic, type Span } from '../lang/diagnostics';
import { parseProgram } from '../lang/parser';
import { resolveProgram, type ResolvedProgram } from '../lang/resolve';
import type { OutcomeKind, ResourceKind } from '../trace/events';
import { TraceWriter, type TraceSlice } from '../trace/store';
import { BUILTIN_ORACLE } from './builtins';
import { BlockingPool } from './blocking-pool';
import { DEFAULT_NET, DEFAULT_OPTIONS, type Limits, type RunOptions, type RuntimeConfig } from './config';
import { CurrentThreadScheduler } from './current-thread';
import type { SimFuture } from './future';
import { cancelTask } from './harness';
import { Interp } from './interp/interpreter';
import { LimitError, Machine, WaitQueue, type SimThread, type ThreadBody } from './machine';
import { MultiThreadScheduler } from './mt/scheduler';
import { Task, type Scheduler, type TaskFuture } from './task';
import { TimeDriver } from './time-driver';
import { Network } from './net/network';
import { futureLayouts, type FutureLayout } from './layouts';
import { debug } from './format';
import { REnum, deref } from './values';
import type { World } from './world';
import { RustPanic, UnsupportedError } from './panic';
import type { HoldEdge, WaitEdge, WaitFor } from '../trace/wait-for';

export interface RunOutcome {
  readonly kind: OutcomeKind;
  /** One line for people; multi-line details for deadlocks. */
  readonly message: string;
  /** The process exit code a real run would have (or the CLI's code for deadlock / limit / unsupported). */
  readonly exitCode: number;
  readonly span: Span | null;
  /** A deadlock's wait-for graph: who waits on what, who holds it (src/trace/wait-for.ts). */
  readonly waitFor?: WaitFor;
}

export interface SimResult {
  readonly trace: TraceWriter;
  readonly outcome: RunOutcome;
  readonly stdout: string;
  readonly stderr: string;
  readonly runtime: RuntimeConfig | null;
  readonly diagnostics: readonly Diagnostic[];
  /** The state-machine enum of every async fn and block (empty if the program did not compile). */
  readonly layouts: readonly FutureLayout[];
}

export const EXIT = { completed: 0, panicked: 101, unsupported: 2, deadlock: 3, limit: 4 } as const;

/** Parses, resolves and reads the runtime attributes; throws CompileError. */
export function compile(source: string): { program: ResolvedProgram; runtime: RuntimeConfig } {
  const ast: Program = parseProgram(source);
  const program = resolveProgram(ast, BUILTIN_ORACLE);
  return { program, runtime: runtimeConfig(program) };
}

/**
 * Each worker is a simulated thread with its own queues; a picture of more than this many is unreadable,
 * and a huge count (a fuzzed `worker_threads = 4294967295`) would exhaust memory before any limit applies.
 */
const MAX_WORKER_THREADS = 256;

function runtimeConfig(p: ResolvedProgram): RuntimeConfig {
  const main = p.main;
  const attr = main.attrs.find((a) => a.path === 'tokio::main' || a.path === 'main');
  if (!attr) {
    if (main.async)
      throw new CompileError(
        '`async fn main` needs `#[tokio::main]`',
        main.nameSpan,
        'add `#[tokio::main]` above `async fn main`',
      );
    throw new CompileError(
      'Pollscope runs programs whose `main` is `#[tokio::main] async fn main()`',
      main.nameSpan,
      'write `#[tokio::main] async fn main() { .. }`',
    );
  }
  if (!main.async)
    throw new CompileError(
      'the `async` keyword is missing from the function declaration',
      main.nameSpan,
      'write `async fn main`',
    );
  let flavor: RuntimeConfig['flavor'] = 'multi_thread';
  let workerThreads = 4;
  let startPaused = false;
  for (const a of attr.args) {
    if (a.key === 'flavor') {
      if (a.value !== 'current_thread' && a.value !== 'multi_thread')
        throw new CompileError(
          'No such runtime flavor. The runtime flavors are `current_thread` and `multi_thread`.',
          attr.span,
        );
      flavor = a.value;
    } else if (a.key === 'worker_threads') {
      if ((typeof a.value !== 'number' && typeof a.value !== 'bigint') || a.value < 1)
        throw new CompileError('`worker_threads` must be a positive integer', attr.span);
      // Checked here, before a core is built for each worker, not by spawnThread's limit.
      if (typeof a.value === 'bigint' || a.value > MAX_WORKER_THREADS)
        throw new CompileError(
          `Pollscope simulates at most ${MAX_WORKER_THREADS} worker threads`,
          attr.span,
          'use a smaller `worker_threads`',
        );
      workerThreads = a.value;
    } else if (a.key === 'start_paused') {
      startPaused = a.value === true;
    } else if (a.key !== 'crate') {
      throw new CompileError(
        `unknown option \`${a.key}\` in #[tokio::main]`,
        attr.span,
        'options: flavor, worker_threads, start_paused',
      );
    }
  }
  if (flavor === 'current_thread' && attr.args.some((a) => a.key === 'worker_threads'))
    throw new CompileError(
      'The `worker_threads` option requires the `multi_thread` runtime flavor.',
      attr.span,
    );
  if (startPaused && flavor !== 'current_thread')
    throw new CompileError(
      'The `start_paused` option requires the `current_thread` runtime flavor.',
      attr.span,
      'use `#[tokio::main(flavor = "current_thread", start_paused = true)]`',
    );
  return { flavor, workerThreads, startPaused };
}

class Run implements World {
  readonly machine: Machine;
  scheduler!: Scheduler;
  time!: TimeDriver;
  interp!: Interp;
  blocking!: BlockingPool;
  net!: Network;
  nextFutureId = 1;
  nextResourceId = 1;
  nextTaskId = 1;
  readonly tasks: Task[] = [];
  stdout = '';
  stderr = '';

  constructor(
    readonly options: RunOptions,
    readonly trace: TraceWriter,
  ) {
    this.machine = new Machine(trace, options.limits, FastRand.fromSeed(options.seed));
  }

  get profile() {
    return this.options.profile;
  }

  onPrint = (stream: 'stdout' | 'stderr', text: string): void => {
    if (stream === 'stdout') {
      this.stdout += text;
      if (this.stdout.length > this.options.limits.maxOutputChars)
        throw new LimitError(
          `the program printed more than ${this.options.limits.maxOutputChars} characters`,
        );
    } else this.stderr += text;
  };

  panic(message: string): never {
    throw new RustPanic(message, this.interp.site);
  }

  newResource(kind: ResourceKind, name: string, site = -1, owner = -1): number {
    const id = this.nextResourceId++;
    this.machine.emit('resource-new', { resource: id, name, site, owner, type: kind });
    return id;
  }

  spawnTask(future: SimFuture, site: number): Task {
    if (this.tasks.length > this.options.limits.maxTasks)
      throw new LimitError(`the program spawned more than ${this.options.limits.maxTasks} tasks`, site);
    const task = new Task(this.nextTaskId++, 'async', future, site);
    this.tasks.push(task);
    const parent = this.machine.current.currentTask;
    this.machine.emit('spawn', {
      task: task.id,
      future: future.id,
      parent: parent ? parent.id : -1,
      site,
      mode: 'async',
    });
    this.scheduler.schedule(task);
    return task;
  }
}

export type SimulateOptions = Partial<Omit<RunOptions, 'limits'>> & {
  limits?: Partial<Limits>;
  /** Streaming: receives each finished chunk of the trace as the run produces it. */
  onTraceSlice?: (slice: TraceSlice) => void;
  /** Heartbeat while running: events so far (called every chunk and every ~1M interpreter steps). */
  onProgress?: (events: number) => void;
};

export function simulate(source: string, opts: SimulateOptions = {}): SimResult {
  const options: RunOptions = {
    profile: opts.profile ?? DEFAULT_OPTIONS.profile,
    seed: opts.seed ?? DEFAULT_OPTIONS.seed,
    fileName: opts.fileName ?? DEFAULT_OPTIONS.fileName,
    limits: { ...DEFAULT_OPTIONS.limits, ...opts.limits },
    ...(opts.net ? { net: opts.net } : {}),
  };
  const trace = new TraceWriter();
  if (opts.onTraceSlice) {
    const send = opts.onTraceSlice;
    trace.onChunkFull = () => {
      const slice = trace.takeFull();
      if (slice) send(slice);
      opts.onProgress?.(trace.length);
    };
  }
  let compiled: { program: ResolvedProgram; runtime: RuntimeConfig };
  try {
    compiled = compile(source);
  } catch (e) {
    if (e instanceof CompileError) {
      const d = e.toDiagnostic();
      return {
        trace,
        outcome: { kind: 'unsupported', message: d.message, exitCode: EXIT.unsupported, span: d.span },
        stdout: '',
        stderr: '',
        runtime: null,
        diagnostics: [d],
        layouts: [],
      };
    }
    throw e;
  }
  const { program, runtime } = compiled;
  const world = new Run(options, trace);
  if (opts.onProgress) world.machine.onHeartbeat = () => opts.onProgress!(trace.length);
  const outcome = execute(world, program, runtime);
  world.machine.emitFinal('outcome', {
    message: outcome.message,
    site: outcome.span ? outcome.span.start : -1,
    result: outcome.kind,
  });
  const diagnostics: Diagnostic[] =
    outcome.kind === 'unsupported' && outcome.span
      ? [{ severity: 'error', message: outcome.message, span: outcome.span }]
      : [];
  return {
    trace,
    outcome,
    stdout: world.stdout,
    stderr: world.stderr,
    runtime,
    diagnostics,
    layouts: futureLayouts(program),
  };
}

/**
 * Every ending is an outcome, including a limit reached while the runtime is still being built (with
 * `--max-events 0` or `1`, the main thread's own `thread-start` event is already over the limit).
 */
function execute(world: Run, program: ResolvedProgram, runtime: RuntimeConfig): RunOutcome {
  try {
    return buildAndRun(world, program, runtime);
  } catch (e) {
    return endedBy(world, e);
  }
}

function buildAndRun(world: Run, program: ResolvedProgram, runtime: RuntimeConfig): RunOutcome {
  const m = world.machine;
  const mainThread = m.spawnThread('main', 'main', null, 0);
  m.current = mainThread;
  world.time = new TimeDriver(world, m, runtime.startPaused, 0);
  // Linux hands out ephemeral ports from 32768–60999; the seed picks where (hashed, so the run's RNG
  // streams, and every trace without sockets, stay as they were).
  const firstPort = 32768 + ((Math.imul(world.options.seed | 0, 0x9e3779b1) >>> 0) % 20000);
  world.net = new Network(world.time.io, world.options.net ?? DEFAULT_NET, firstPort);
  world.interp = new Interp(world, program);
  world.blocking = new BlockingPool(world);
  const mainTask = new Task(0, 'main', null, program.main.span.start);
  world.tasks.push(mainTask);
  let finishMain: () => void;
  let blockedOnShutdown: () => boolean;
  let shutdownQueue: WaitQueue;
  if (runtime.flavor === 'current_thread') {
    const sched = new CurrentThreadScheduler(world, mainTask);
    world.scheduler = sched;
    sched.attach(mainThread);
    mainThread.body = sched;
    finishMain = () => sched.finish();
    blockedOnShutdown = () => world.blocking.busy;
    shutdownQueue = world.blocking.drained;
  } else {
    const sched = new MultiThreadScheduler(world, mainTask, runtime.workerThreads);
    world.scheduler = sched;
    sched.launch(mainThread);
    finishMain = () => {
      sched.blockOn.finish();
      sched.shutdown();
    };
    // Dropping a multi_thread runtime waits for its worker threads (each finishes its current poll).
    blockedOnShutdown = () => world.blocking.busy || sched.workersAlive > 0;
    const both = new WaitQueue();
    shutdownQueue = both;
    const relay = () => both.notifyAll(m);
    sched.exited.onNotify = relay;
    world.blocking.drained.onNotify = relay;
  }
  try {
    mainTask.future = world.interp.makeMainFuture();
    m.emit('spawn', {
      task: 0,
      future: mainTask.future.id,
      parent: -1,
      site: program.main.span.start,
      mode: 'async',
    });
    world.interp.onMainDone = () => {
      // block_on returned: dropping the Runtime cancels every task, then waits for running blocking tasks
      // (and, on multi_thread, for the workers to finish their current polls).
      finishMain();
      shutdown(world);
      world.blocking.close();
      if (!blockedOnShutdown()) m.stop();
      else {
        const waiter = new WaitForShutdown(world, shutdownQueue, blockedOnShutdown);
        mainThread.body = waiter;
        waiter.block(mainThread);
      }
    };
    const stuck = m.run();
    if (stuck) return deadlock(world, stuck);
    const result = world.interp.mainResult!;
    if ('panic' in result) {
      return {
        kind: 'panicked',
        message: `main panicked: ${result.panic.message}`,
        exitCode: EXIT.panicked,
        span: result.panic.span,
      };
    }
    const out = deref(result.ok);
    if (out instanceof REnum && out.enumName === 'Result' && out.variant === 'Err') {
      world.interp.print('stderr', `Error: ${debug(out.values[0]!, false)}\n`);
      return { kind: 'completed', message: 'main returned an error', exitCode: 1, span: null };
    }
    return { kind: 'completed', message: 'main returned', exitCode: EXIT.completed, span: null };
  } catch (e) {
    return endedBy(world, e);
  }
}

/** Dropping the runtime: every unfinished async task is cancelled (its future dropped), oldest first. */
function shutdown(world: Run): void {
  const m = world.machine;
  m.current.currentTask = null;
  for (const t of world.tasks) {
    if (t.kind !== 'async' || t.complete) continue;
    t.cancelled = true;
    // A task in the middle of a poll on another worker is cancelled when that poll returns (harness).
    if (!t.running) cancelTask(world, t);
  }
}

/** The main thread after `block_on` returned, inside `Runtime::drop`: waits for what the drop waits for. */
class WaitForShutdown implements ThreadBody {
  constructor(
    private readonly world: Run,
    private readonly queue: WaitQueue,
    private readonly busy: () => boolean,
  ) {}
  describe(): string {
    return 'dropping the runtime: waiting for spawn_blocking tasks and worker threads to finish';
  }
  block(thread: SimThread): void {
    this.world.machine.block(thread, { kind: 'wait', queue: this.queue, what: this.describe() });
  }
  step(thread: SimThread): void {
    if (this.busy()) this.block(thread);
    else this.world.machine.stop();
  }
}

function endedBy(world: Run, e: unknown): RunOutcome {
  if (e instanceof LimitError) {
    return {
      kind: 'limit',
      message: e.message,
      exitCode: EXIT.limit,
      span: e.site >= 0 ? { start: e.site, end: e.site } : (world.interp?.site ?? null),
    };
  }
  if (e instanceof UnsupportedError) {
    return {
      kind: 'unsupported',
      message: e.message + (e.hint ? ` (${e.hint})` : ''),
      exitCode: EXIT.unsupported,
      span: e.span,
    };
  }
  if (e instanceof RustPanic) {
    // A panic outside any task (in a std thread's setup, a Drop during shutdown): the process aborts.
    world.interp.reportPanic(e);
    return { kind: 'panicked', message: e.message, exitCode: EXIT.panicked, span: e.span };
  }
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    return {
      kind: 'limit',
      message: 'the program recursed too deeply (stack overflow)',
      exitCode: EXIT.limit,
      span: world.interp?.site ?? null,
    };
  }
  throw e;
}

/** Nothing can run and nothing can wake anything: real tokio would hang forever. Name who waits on what. */
function deadlock(world: Run, stuck: SimThread[]): RunOutcome {
  const lines: string[] = [];
  for (const t of world.tasks) {
    if (t.complete) continue;
    const who = t.kind === 'main' ? 'main (the block_on future)' : `task ${t.id}`;
    lines.push(`  ${who} is waiting on ${describeWait(t.future)}`);
  }
  for (const th of stuck)
    if (th.kind === 'std' || th.kind === 'blocking')
      lines.push(`  thread ${th.name} is blocked: ${th.blockedOn ?? 'waiting'}`);
  const message = `deadlock: no task can make progress and nothing can wake one (real tokio would hang here)\n${lines.join('\n')}`;
  return { kind: 'deadlock', message, exitCode: EXIT.deadlock, span: null, waitFor: waitForGraph(world) };
}

/** What a waiting future can say about what it waits on (an Acquire / Lock, a JoinHandle). */
interface WaitsOn {
  describeWait?(): string;
  waitsOnResource?(): number;
  waitsOnTask?(): number;
  sem?: { resource: number; holders: ReadonlyMap<number, number> };
}

/** The wait-for graph of the stuck tasks: the future each awaits, and who holds the locks they wait for. */
function waitForGraph(world: Run): WaitFor {
  const waits: WaitEdge[] = [];
  const holds: HoldEdge[] = [];
  const seen = new Set<number>();
  for (const t of world.tasks) {
    if (t.complete || (t.kind !== 'async' && t.kind !== 'main')) continue;
    let leaf = t.future;
    while (leaf?.child) leaf = leaf.child;
    const w = leaf as (TaskFuture & WaitsOn) | null;
    const resource = w?.waitsOnResource?.() ?? -1;
    const onTask = w?.waitsOnTask?.() ?? -1;
    waits.push({ task: t.id, resource, onTask, what: w?.describeWait?.() ?? w?.name ?? 'nothing' });
    if (resource >= 0 && w?.sem && !seen.has(resource)) {
      seen.add(resource);
      for (const [task, permits] of w.sem.holders) holds.push({ resource, task, permits });
    }
  }
  return { waits, holds };
}

function describeWait(f: TaskFuture | null): string {
  let cur = f;
  const chain: string[] = [];
  while (cur) {
    chain.push(cur.name);
    if (!cur.child) break;
    cur = cur.child;
  }
  const leaf = cur as (TaskFuture & { describeWait?: () => string }) | null;
  const what = leaf?.describeWait
    ? leaf.describeWait()
    : leaf
      ? `${leaf.name} (it returned Pending; is anything going to wake it?)`
      : 'nothing';
  return chain.length > 1 ? `${what}  [${chain.join(' → ')}]` : what;
}
