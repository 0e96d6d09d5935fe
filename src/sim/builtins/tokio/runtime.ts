/**
 * Runtimes built by the program: `tokio::runtime::Builder` (`runtime/builder.rs`), `Runtime`
 * (`runtime/runtime.rs`: `new`, `block_on`, `spawn`, `spawn_blocking`, `handle`, `enter`, `shutdown_timeout`,
 * `shutdown_background`, drop), `Handle` (`runtime/handle.rs`: `current`, `try_current`, `spawn`,
 * `spawn_blocking`, `block_on`, `enter`, `runtime_flavor`) and `EnterGuard`. The runtime itself is
 * sim/rt/runtime.ts, the same one `#[tokio::main]` builds.
 */
import type { InterpCore } from '../../interp/core';
import { intoFuture } from '../../interp/into-future';
import { defineConst, defineFn, defineMethods, withPrefixes, type CallCtx } from '../../interp/registry';
import type { Gen } from '../../poll';
import { blockOnFromThread, shutdownRuntime, waitForRuntime } from '../../rt/block-on';
import {
  buildRuntime,
  MAX_WORKER_THREADS,
  NO_RUNTIME,
  type RuntimeOptions,
  type SimRuntime,
} from '../../rt/runtime';
import type { SelfFormatting } from '../../format';
import { deref, errVal, okVal, RDuration, RObject, UNIT, type Value } from '../../values';
import { ErrorValue } from '../error-value';
import { num, str } from '../support';
import { spawnBlockingOn } from './task/blocking';
import { JoinHandle } from './task/spawn';

/** `Builder`: options collected by `&mut self` methods, then `build()`. */
export class RBuilder extends RObject {
  readonly opts: RuntimeOptions;
  constructor(flavor: RuntimeOptions['flavor']) {
    super();
    // tokio's default is one worker per CPU; Pollscope's machine has 4 (as `#[tokio::main]` here).
    this.opts = { flavor, workerThreads: 4, startPaused: false, enableTime: false, enableIo: false };
  }
  typeName(): string {
    return 'Builder';
  }
}

export class RRuntime extends RObject {
  /** Moved out by `shutdown_timeout` / `shutdown_background`, or dropped. */
  private gone = false;
  constructor(readonly rt: SimRuntime) {
    super();
  }
  typeName(): string {
    return 'Runtime';
  }
  /** `Runtime::drop` at the end of a scope: its tasks are dropped now; main's exit waits for the rest. */
  dropValue(interp: InterpCore): void {
    if (this.gone) return;
    this.gone = true;
    shutdownRuntime(interp.world, this.rt);
  }
  /** `drop(rt)`: the drop blocks until blocking jobs and worker threads are done. */
  *dropAndWait(ctx: CallCtx): Gen<Value> {
    if (this.gone) return UNIT;
    this.gone = true;
    refuseInAsync(ctx, 'drop');
    shutdownRuntime(ctx.world, this.rt);
    yield* waitForRuntime(ctx.world, this.rt, null);
    return UNIT;
  }
  take(): SimRuntime {
    this.gone = true;
    return this.rt;
  }
}

/** `Handle`: a clonable reference to a runtime. */
export class RHandle extends RObject implements SelfFormatting {
  constructor(readonly rt: SimRuntime) {
    super();
  }
  typeName(): string {
    return 'Handle';
  }
  fmtDebug(): string {
    return 'Handle { .. }';
  }
  fmtDisplay(): string {
    return 'Handle';
  }
  cloneValue(): RHandle {
    return new RHandle(this.rt);
  }
}

/** `EnterGuard`: while it lives, the thread's `Handle::current()` is this runtime. */
export class REnterGuard extends RObject implements SelfFormatting {
  private done = false;
  constructor(
    private readonly thread: { runtime: unknown },
    private readonly prev: unknown,
  ) {
    super();
  }
  typeName(): string {
    return 'EnterGuard';
  }
  fmtDebug(): string {
    return 'EnterGuard { .. }';
  }
  fmtDisplay(): string {
    return 'EnterGuard';
  }
  dropValue(): void {
    if (this.done) return;
    this.done = true;
    this.thread.runtime = this.prev;
  }
}

function builderOf(v: Value): RBuilder {
  return deref(v) as RBuilder;
}

function runtimeOf(ctx: CallCtx, v: Value): SimRuntime {
  const x = deref(v);
  if (x instanceof RRuntime) return x.rt;
  if (x instanceof RHandle) return x.rt;
  return ctx.interp.unsupported('expected a tokio Runtime or Handle');
}

/** The runtime the current thread has entered (`Handle::try_current`), or null. */
function currentRuntime(ctx: CallCtx): SimRuntime | null {
  return ctx.world.machine.current.runtime as SimRuntime | null;
}

/** Dropping or shutting down a runtime blocks; tokio refuses inside async code. */
function refuseInAsync(ctx: CallCtx, what: string): void {
  if (ctx.world.machine.current.entered)
    ctx.interp.panic(
      `Cannot ${what} a runtime in a context where blocking is not allowed. This happens when a runtime is dropped from within an asynchronous context.`,
    );
}

function durationNs(ctx: CallCtx, v: Value | undefined): number {
  const d = v === undefined ? undefined : deref(v);
  if (d instanceof RDuration) return d.ns;
  return ctx.interp.unsupported('expected a Duration');
}

function build(ctx: CallCtx, b: RBuilder): Value {
  const o = b.opts;
  if (o.startPaused && o.flavor === 'multi_thread')
    ctx.interp.panic(
      '`time::pause()` requires the `current_thread` Tokio runtime. This is a bug in the runtime builder configuration.',
    );
  if (o.workerThreads > MAX_WORKER_THREADS)
    ctx.interp.unsupported(`Pollscope simulates at most ${MAX_WORKER_THREADS} worker threads`);
  return okVal(new RRuntime(buildRuntime(ctx.world, { ...o })));
}

/** `spawn` on a runtime from any thread (`Handle::spawn`): the task is scheduled there remotely. */
function spawnOn(ctx: CallCtx, rt: SimRuntime, f: Value): Value {
  if (rt.shutDown) ctx.interp.unsupported('spawning onto a runtime that was shut down is not modelled');
  const fut = intoFuture(ctx.interp, f, ctx.span);
  const task = ctx.world.spawnTask(fut, ctx.span.start, rt);
  return new JoinHandle(ctx.world, task, ctx.span.start);
}

function* blockOnFrom(ctx: CallCtx, rt: SimRuntime, f: Value, viaHandle: boolean): Gen<Value> {
  const fut = intoFuture(ctx.interp, f, ctx.span);
  return yield* blockOnFromThread(ctx.world, rt, fut, ctx.span.start, viaHandle);
}

function enter(ctx: CallCtx, rt: SimRuntime): REnterGuard {
  const t = ctx.world.machine.current;
  const guard = new REnterGuard(t, t.runtime);
  t.runtime = rt;
  return guard;
}

// ---------------------------------------------------------------------------------------------- Builder

const RT = ['tokio::runtime'];
defineFn(withPrefixes('Builder::new_current_thread', RT), {
  pure: true,
  call: () => new RBuilder('current_thread'),
});
defineFn(withPrefixes('Builder::new_multi_thread', RT), {
  pure: true,
  call: () => new RBuilder('multi_thread'),
});
defineFn(withPrefixes('Runtime::new', RT), {
  pure: true,
  call: (ctx) => {
    const b = new RBuilder('multi_thread');
    b.opts.enableTime = true;
    b.opts.enableIo = true;
    return build(ctx, b);
  },
});

/** `&mut self -> &mut Self` option setters. */
function setter(apply: (ctx: CallCtx, o: RuntimeOptions, args: Value[]) => void) {
  return (ctx: CallCtx, self: Value, args: Value[]): Value => {
    apply(ctx, builderOf(self).opts, args);
    return self;
  };
}

defineMethods(RBuilder, 'tokio::runtime::Builder', {
  enable_all: setter((_c, o) => {
    o.enableTime = true;
    o.enableIo = true;
  }),
  enable_time: setter((_c, o) => {
    o.enableTime = true;
  }),
  enable_io: setter((_c, o) => {
    o.enableIo = true;
  }),
  worker_threads: setter((ctx, o, [n]) => {
    const v = num(ctx, n);
    if (v <= 0) ctx.interp.panic('Worker threads cannot be set to 0');
    o.workerThreads = v;
  }),
  max_blocking_threads: setter((ctx, o, [n]) => {
    const v = num(ctx, n);
    if (v <= 0) ctx.interp.panic('Max blocking threads cannot be set to 0');
    o.maxBlockingThreads = v;
  }),
  start_paused: setter((_c, o, [b]) => {
    o.startPaused = deref(b!) === true;
  }),
  event_interval: setter((ctx, o, [n]) => {
    o.eventInterval = num(ctx, n);
  }),
  global_queue_interval: setter((ctx, o, [n]) => {
    const v = num(ctx, n);
    if (v <= 0) ctx.interp.panic('global_queue_interval must be greater than 0');
    o.globalQueueInterval = v;
  }),
  thread_name: setter((ctx, o, [s]) => {
    o.threadName = str(s!) ?? ctx.interp.unsupported('`thread_name` takes a string');
  }),
  thread_stack_size: setter(() => {}),
  thread_keep_alive: setter(() => {}),
  build: (ctx, self) => build(ctx, builderOf(self)),
});

// ---------------------------------------------------------------------------------------------- Runtime

defineMethods(RRuntime, 'tokio::runtime::Runtime', {
  block_on: (ctx, self, [f]) => blockOnFrom(ctx, runtimeOf(ctx, self), f!, false),
  spawn: (ctx, self, [f]) => spawnOn(ctx, runtimeOf(ctx, self), f!),
  spawn_blocking: (ctx, self, [f]) => spawnBlockingOn(ctx, runtimeOf(ctx, self), f!),
  handle: (ctx, self) => new RHandle(runtimeOf(ctx, self)),
  enter: (ctx, self) => enter(ctx, runtimeOf(ctx, self)),
  shutdown_timeout: (ctx, self, [d]) => {
    ctx.consume();
    const ns = durationNs(ctx, d);
    const rt = (deref(self) as RRuntime).take();
    return shutdownThenWait(ctx, rt, ns);
  },
  shutdown_background: (ctx, self) => {
    ctx.consume();
    const rt = (deref(self) as RRuntime).take();
    rt.background = true;
    shutdownRuntime(ctx.world, rt);
    return UNIT;
  },
});

function* shutdownThenWait(ctx: CallCtx, rt: SimRuntime, ns: number): Gen<Value> {
  refuseInAsync(ctx, 'drop');
  shutdownRuntime(ctx.world, rt);
  yield* waitForRuntime(ctx.world, rt, ns);
  // What is still running is abandoned; the process does not wait for it either.
  rt.background = true;
  return UNIT;
}

// ---------------------------------------------------------------------------------------------- Handle

defineFn(withPrefixes('Handle::current', RT), {
  pure: true,
  call: (ctx) => new RHandle(currentRuntime(ctx) ?? ctx.interp.panic(NO_RUNTIME)),
});
defineFn(withPrefixes('Handle::try_current', RT), {
  pure: true,
  call: (ctx) => {
    const rt = currentRuntime(ctx);
    return rt
      ? okVal(new RHandle(rt))
      : errVal(new ErrorValue('TryCurrentError', 'NoContext', [], NO_RUNTIME));
  },
});

defineMethods(RHandle, 'tokio::runtime::Handle', {
  block_on: (ctx, self, [f]) => blockOnFrom(ctx, runtimeOf(ctx, self), f!, true),
  spawn: (ctx, self, [f]) => spawnOn(ctx, runtimeOf(ctx, self), f!),
  spawn_blocking: (ctx, self, [f]) => spawnBlockingOn(ctx, runtimeOf(ctx, self), f!),
  enter: (ctx, self) => enter(ctx, runtimeOf(ctx, self)),
  runtime_flavor: (ctx, self) => {
    const flavor = runtimeOf(ctx, self).options.flavor;
    const variant = flavor === 'current_thread' ? 'CurrentThread' : 'MultiThread';
    return new ErrorValue('RuntimeFlavor', variant, [], variant);
  },
});

for (const variant of ['CurrentThread', 'MultiThread'])
  defineConst(withPrefixes(`RuntimeFlavor::${variant}`, RT), {
    value: () => new ErrorValue('RuntimeFlavor', variant, [], variant),
  });
