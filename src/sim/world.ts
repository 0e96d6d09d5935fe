/**
 * The services a run shares: the machine, the runtime's scheduler, the time driver, the blocking pool, the
 * network and the interpreter. Everything the world holds is either below this module (the machine, tasks,
 * the drivers) or an interface declared here (the interpreter, the blocking pool), so the pieces can refer to
 * each other without import cycles; `simulate.ts` wires the concrete objects together.
 */
import type { Span } from '../lang/diagnostics';
import type { ResourceKind } from '../trace/events';
import type { RunOptions } from './config';
import type { BlockRequest } from './machine';
import type { MemoryMeter } from './memory';
import type { Network } from './net/network';
import type { RustPanic } from './panic';
import type { Gen } from './poll';
import type { Scheduler, Task, TaskFuture, TaskHost, Waker } from './task';
import type { IoDriver } from './io-driver';
import type { TimeDriver } from './time-driver';
import type { Value } from './values';

/** The interpreter as the runtime and the builtins see it (interp/ implements it). */
export interface Interpreter {
  readonly world: World;
  /** Drops an owned value (runs Drop side effects: closing channels, releasing permits, …). */
  dropValue(v: Value): void;
  /** Calls any callable value (closure, fn item, constructor); a generator when it may suspend. */
  callValue(callee: Value, args: Value[], sp: Span | null): Value | Gen<Value>;
  /** Calls a closure / fn value on the current thread, as a thread body (std::thread::spawn, spawn_blocking). */
  callForThread(callee: Value, args: Value[]): Gen<Value>;
  /** Raises a Rust panic at `sp` (default: the current evaluation site). */
  panic(message: string, sp?: Span | null): never;
  /** Ends the run: the program does something Pollscope does not model. */
  unsupported(message: string, sp?: Span | null, hint?: string): never;
  /** Prints to the program's stdout or stderr (a `print` event; `site`: the macro's source offset). */
  print(stream: 'stdout' | 'stderr', text: string, site?: number): void;
  /** Prints a panic message to stderr the way Rust's default hook does. */
  reportPanic(p: RustPanic): void;
  /** A poll returned BLOCKED: the request its thread blocks on (set by `setBlockRequest`). */
  takeBlockRequest(): BlockRequest;
  setBlockRequest(r: BlockRequest): void;
  /** A borrowed waker for `task` (the one a poll's Context carries). */
  wakerFor(task: Task): Waker;
  wakeTaskByRef(task: Task, resource: number): void;
}

/** The blocking pool as tasks see it (blocking-pool.ts): `spawn_blocking` hands it a closure to run. */
export interface BlockingSpawner {
  spawn(task: Task, closure: Value): void;
}

/** A runtime as the world lists it (sim/rt/runtime.ts `SimRuntime`). */
export interface RuntimeHandle {
  readonly id: number;
  readonly scheduler: Scheduler;
  readonly time: TimeDriver;
  readonly blocking: BlockingSpawner;
}

export interface World extends TaskHost {
  readonly options: RunOptions;
  /**
   * The current thread's runtime (`SimThread.runtime`, tokio's `Handle::current()`): its scheduler, time
   * driver and blocking pool. Reading one on a thread outside every runtime panics as tokio does.
   */
  readonly scheduler: Scheduler;
  readonly time: TimeDriver;
  /** The current runtime's I/O driver (panics as tokio does without `enable_io`). */
  readonly io: IoDriver;
  readonly blocking: BlockingSpawner;
  interp: Interpreter;
  /** Every runtime built so far, in build order. */
  readonly runtimes: RuntimeHandle[];
  /** The loopback network the program's sockets talk over (made with the first runtime). */
  net: Network;
  readonly netReady: boolean;
  nextFutureId: number;
  nextResourceId: number;
  /** The next task's trace id (tokio's `task::Id` counter, which worker threads take ids from too). */
  nextTaskId: number;
  /**
   * The memory budget (memory.ts): `reserve(bytes)` before building a value whose size the program picks,
   * `track(value)` after a value shared behind a handle grew or shrank.
   */
  readonly memory: MemoryMeter;
  /** Trace ids taken by `block_on` futures after the first (which is task 0): not task ids in tokio. */
  mainTaskIds: number;
  /** All tasks ever spawned (including task 0, the block_on future). */
  readonly tasks: Task[];
  /** Raises a Rust panic at the current source location. */
  panic(message: string): never;
  /** Creates a resource id and emits `resource-new`. */
  newResource(kind: ResourceKind, name: string, site?: number, owner?: number): number;
  /** Sees every line the program prints (the run accumulates stdout/stderr). */
  onPrint?(stream: 'stdout' | 'stderr', text: string): void;
  /** Spawns a task onto the current thread's runtime (tokio::spawn), or onto `on` (`rt.spawn`). */
  spawnTask(future: TaskFuture, site: number, on?: RuntimeHandle): Task;
}
