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
import type { ResourceKind } from '../trace/events';
import { TraceWriter, type TraceSlice } from '../trace/store';
import { BUILTIN_ORACLE } from './builtins';
import type { BlockingPool } from './blocking-pool';
import { DEFAULT_OPTIONS, type Limits, type RunOptions, type RuntimeConfig } from './config';
import type { SimFuture } from './future';
import { Interp } from './interp/interpreter';
import {
  LimitError,
  Machine,
  WaitQueue,
  type BlockRequest,
  type SimThread,
  type ThreadBody,
} from './machine';
import { Task, type Scheduler } from './task';
import type { IoDriver } from './io-driver';
import type { TimeDriver } from './time-driver';
import type { Network } from './net/network';
import { futureLayouts, type FutureLayout } from './layouts';
import { MemoryMeter } from './memory';
import { debug } from './format';
import type { Gen } from './poll';
import { REnum, deref, type Value } from './values';
import type { RuntimeHandle, World } from './world';
import { RustPanic, UnsupportedError } from './panic';
import { deadlock } from './deadlock';
import { EXIT, type RunOutcome } from './outcome';
import { buildRuntime, MAX_WORKER_THREADS, NO_RUNTIME, type SimRuntime } from './rt/runtime';
import { shutdownRuntime, startBlockOn } from './rt/block-on';

export { EXIT, type RunOutcome } from './outcome';

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

/** Parses, resolves and reads the runtime attributes; throws CompileError. */
export function compile(source: string): { program: ResolvedProgram; runtime: RuntimeConfig | null } {
  const ast: Program = parseProgram(source);
  const program = resolveProgram(ast, BUILTIN_ORACLE);
  return { program, runtime: runtimeConfig(program) };
}

/** `#[tokio::main(..)]`'s runtime, or null for a plain `fn main` (which builds its runtimes itself, if any). */
function runtimeConfig(p: ResolvedProgram): RuntimeConfig | null {
  const main = p.main;
  const attr = main.attrs.find((a) => a.path === 'tokio::main' || a.path === 'main');
  if (!attr) {
    if (main.async)
      throw new CompileError(
        '`async fn main` needs `#[tokio::main]`',
        main.nameSpan,
        'add `#[tokio::main]` above `async fn main`',
      );
    return null;
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

/** tokio 1.24 `runtime/scheduler/mod.rs Handle::time`'s panic for a runtime built without `enable_time`. */
const TIMERS_DISABLED =
  'A Tokio 1.x context was found, but timers are disabled. Call `enable_time` on the runtime builder to enable timers.';

/** tokio 1.24 `runtime/driver.rs Handle::io`'s panic for a runtime built without `enable_io`. */
const IO_DISABLED =
  'A Tokio 1.x context was found, but IO is disabled. Call `enable_io` on the runtime builder to enable IO.';

class Run implements World {
  readonly machine: Machine;
  interp!: Interp;
  private network: Network | null = null;
  readonly runtimes: SimRuntime[] = [];
  nextFutureId = 1;
  nextResourceId = 1;
  nextTaskId = 1;
  mainTaskIds = 0;
  readonly tasks: Task[] = [];
  stdout = '';
  stderr = '';
  readonly memory: MemoryMeter;

  constructor(
    readonly options: RunOptions,
    readonly trace: TraceWriter,
  ) {
    this.machine = new Machine(trace, options.limits, FastRand.fromSeed(options.seed));
    this.memory = new MemoryMeter(options.limits.maxMemory, trace, (n) => this.machine.work(n));
  }

  get profile() {
    return this.options.profile;
  }

  /** The runtime the current thread has entered; none is tokio's "no reactor running" panic. */
  private current(): SimRuntime {
    const rt = this.machine.current.runtime as SimRuntime | null;
    if (rt === null) this.panic(NO_RUNTIME);
    return rt;
  }

  get scheduler(): Scheduler {
    return this.current().scheduler;
  }

  get time(): TimeDriver {
    const rt = this.current();
    if (rt.options.enableTime === false) this.panic(TIMERS_DISABLED);
    return rt.time;
  }

  get io(): IoDriver {
    const rt = this.current();
    if (rt.options.enableIo === false) this.panic(IO_DISABLED);
    return rt.time.io;
  }

  get blocking(): BlockingPool {
    return this.current().blocking;
  }

  get net(): Network {
    if (this.network === null) this.panic(NO_RUNTIME);
    return this.network;
  }

  set net(n: Network) {
    this.network = n;
  }

  get netReady(): boolean {
    return this.network !== null;
  }

  onPrint = (stream: 'stdout' | 'stderr', text: string): void => {
    this.memory.addOutput(text.length);
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

  spawnTask(future: SimFuture, site: number, on?: RuntimeHandle): Task {
    if (this.tasks.length > this.options.limits.maxTasks)
      throw new LimitError(`the program spawned more than ${this.options.limits.maxTasks} tasks`, site);
    const sched = on ? on.scheduler : this.scheduler;
    const id = this.nextTaskId++;
    const task = new Task(id, 'async', future, site, id - this.mainTaskIds);
    task.sched = sched;
    this.tasks.push(task);
    const parent = this.machine.current.currentTask;
    this.machine.emit('spawn', {
      task: task.id,
      future: future.id,
      parent: parent ? parent.id : -1,
      site,
      mode: 'async',
    });
    sched.schedule(task);
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

/**
 * Runs `source` to an outcome. Never throws: whatever the program does ends in one of the outcomes, and an
 * exception the simulator did not expect (a bug in Pollscope) ends the run as `failed`, with what was
 * traced and printed until then.
 */
export function simulate(source: string, opts: SimulateOptions = {}): SimResult {
  const partial: { trace: TraceWriter | null; world: Run | null } = { trace: null, world: null };
  try {
    return run(source, opts, partial);
  } catch (e) {
    return failedRun(e, partial.trace ?? new TraceWriter(), partial.world);
  }
}

function run(
  source: string,
  opts: SimulateOptions,
  partial: { trace: TraceWriter | null; world: Run | null },
): SimResult {
  const options: RunOptions = {
    profile: opts.profile ?? DEFAULT_OPTIONS.profile,
    seed: opts.seed ?? DEFAULT_OPTIONS.seed,
    fileName: opts.fileName ?? DEFAULT_OPTIONS.fileName,
    limits: { ...DEFAULT_OPTIONS.limits, ...opts.limits },
    ...(opts.net ? { net: opts.net } : {}),
  };
  const trace = new TraceWriter();
  partial.trace = trace;
  if (opts.onTraceSlice) {
    const send = opts.onTraceSlice;
    trace.onChunkFull = () => {
      const slice = trace.takeFull();
      if (slice) send(slice);
      opts.onProgress?.(trace.length);
    };
  }
  let compiled: { program: ResolvedProgram; runtime: RuntimeConfig | null };
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
  partial.world = world;
  if (opts.onProgress) world.machine.onHeartbeat = () => opts.onProgress!(trace.length);
  const outcome = execute(world, program, runtime);
  // The outcome is always recorded, whatever the trace's share of the memory budget.
  world.memory.stop();
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
    // A plain `fn main`: the screen draws the first runtime the program built (if any).
    runtime: runtime ?? firstRuntime(world),
    diagnostics,
    layouts: futureLayouts(program),
  };
}

function firstRuntime(world: Run): RuntimeConfig | null {
  const rt = world.runtimes[0];
  if (!rt) return null;
  const { flavor, workerThreads, startPaused } = rt.options;
  return { flavor, workerThreads, startPaused };
}

/**
 * Every ending is an outcome, including a limit reached while the runtime is still being built (with
 * `--max-events 0` or `1`, the main thread's own `thread-start` event is already over the limit).
 */
function execute(world: Run, program: ResolvedProgram, runtime: RuntimeConfig | null): RunOutcome {
  try {
    return runProgram(world, program, runtime);
  } catch (e) {
    return endedBy(world, e);
  }
}

/** How `main` ended: its value, or the panic that unwound out of it. */
type MainResult = { ok: Value } | { panic: RustPanic };

function runProgram(world: Run, program: ResolvedProgram, runtime: RuntimeConfig | null): RunOutcome {
  const m = world.machine;
  // `#[tokio::main]`'s thread is runtime 1's `block_on` thread; a plain `fn main`'s belongs to no runtime.
  const mainThread = m.spawnThread('main', 'main', null, 0, runtime ? 1 : 0);
  m.current = mainThread;
  world.interp = new Interp(world, program);
  let result: MainResult | null = null;
  const end = (r: MainResult) => {
    result = r;
    exitWhenDropsAreDone(world, mainThread);
  };
  try {
    if (runtime) startTokioMain(world, program, runtime, mainThread, end);
    else mainThread.body = new MainThread(world, world.interp.runMain(), end);
    const stuck = m.run();
    if (stuck) return deadlock(world, stuck);
    return mainOutcome(world, result as MainResult | null);
  } catch (e) {
    return endedBy(world, e);
  }
}

/**
 * `#[tokio::main]` is `Builder::new_*().enable_all().build().unwrap().block_on(main_body)`: the main thread
 * builds the runtime and runs `block_on`; when it returns, the runtime is dropped (every task cancelled) and
 * the process waits for what the drop waits for.
 */
function startTokioMain(
  world: Run,
  program: ResolvedProgram,
  runtime: RuntimeConfig,
  mainThread: SimThread,
  end: (r: MainResult) => void,
): void {
  const rt = buildRuntime(world, runtime, true);
  const future = world.interp.makeMainFuture();
  mainThread.body = startBlockOn(world, rt, future, program.main.span.start, mainThread, (r) => {
    shutdownRuntime(world, rt);
    end(r);
  });
}

/**
 * `main` returned (or unwound): the process exits once every runtime that was dropped has finished what
 * its drop waits for (running blocking jobs, worker threads) — a drop Pollscope could not block at (a
 * runtime dropped at the end of a scope) is waited for here. Other std threads are killed by the exit.
 */
function exitWhenDropsAreDone(world: Run, mainThread: SimThread): void {
  const m = world.machine;
  const pending = world.runtimes.filter((rt) => rt.shutDown && !rt.background);
  const busy = () => pending.some((rt) => rt.busy);
  if (!busy()) {
    m.stop();
    return;
  }
  const queue = new WaitQueue();
  for (const rt of pending) rt.drained.onNotify = () => queue.notifyAll(m);
  const waiter = new WaitForShutdown(world, queue, busy);
  mainThread.body = waiter;
  waiter.block(mainThread);
}

function mainOutcome(world: Run, result: MainResult | null): RunOutcome {
  if (result === null)
    return { kind: 'completed', message: 'the process exited', exitCode: EXIT.completed, span: null };
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
}

/** The main thread of a plain `fn main`: runs `main`'s body; blocking calls block it, `block_on` nests. */
class MainThread implements ThreadBody {
  constructor(
    private readonly world: Run,
    private readonly gen: Gen<Value>,
    private readonly end: (r: MainResult) => void,
  ) {}
  describe(): string {
    return 'running main';
  }
  step(thread: SimThread): void {
    let r: IteratorResult<unknown, Value>;
    try {
      r = this.gen.next();
    } catch (e) {
      if (!(e instanceof RustPanic)) throw e;
      this.world.interp.reportPanic(e);
      this.end({ panic: e });
      return;
    }
    if (!r.done) {
      this.world.machine.block(thread, r.value as BlockRequest);
      return;
    }
    this.end({ ok: r.value });
  }
}

/** The main thread after `main` returned, inside `Runtime::drop`: waits for what the drop waits for. */
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
    // The interpreter bounds the program's calls (interp/stack.ts); what still exhausts the engine's stack
    // is data nested deeper than the interpreter's recursion over it goes (a very long linked list being
    // dropped or printed). Where that happens depends on the engine, so it is reported in words of its own.
    return {
      kind: 'limit',
      message: `${JS_STACK_OVERFLOW} (stack overflow)`,
      exitCode: EXIT.limit,
      span: world.interp?.site ?? null,
    };
  }
  return failedOutcome(e, world.interp?.site ?? null);
}

/** The start of the message when the engine's own stack ran out (the fuzz campaign counts these apart). */
export const JS_STACK_OVERFLOW = 'the program nests values or calls too deeply for the simulator';

/** The start of every `failed` outcome's message. */
export const SIMULATOR_FAILED = 'the simulator failed';

function failedOutcome(e: unknown, span: Span | null): RunOutcome {
  const what =
    e instanceof Error ? `${e.name}: ${e.message}` : `a thrown ${typeof e}: ${String(e).slice(0, 200)}`;
  return {
    kind: 'failed',
    message: `${SIMULATOR_FAILED}: ${what} (a bug in Pollscope, not in your program: please share the link or the program)`,
    exitCode: EXIT.failed,
    span,
    ...(e instanceof Error && e.stack ? { detail: e.stack } : {}),
  };
}

/** The last resort of `simulate`: a run that failed outside `execute` (compiling, building the result). */
function failedRun(e: unknown, trace: TraceWriter, world: Run | null): SimResult {
  const outcome = failedOutcome(e, null);
  try {
    world?.memory.stop();
    trace.emit('outcome', world?.machine.current?.id ?? 0, world?.machine.current?.clock ?? 0, {
      message: outcome.message,
      site: -1,
      result: 'failed',
    });
  } catch {
    // The trace itself is broken: the outcome still says what happened.
  }
  return {
    trace,
    outcome,
    stdout: world?.stdout ?? '',
    stderr: world?.stderr ?? '',
    runtime: null,
    diagnostics: [],
    layouts: [],
  };
}
