/**
 * The services a run shares: the machine, the runtime's scheduler, the time driver, the blocking pool and
 * the interpreter. Declared as interfaces so the pieces can refer to each other without import cycles;
 * `simulate.ts` wires the concrete objects together.
 */
import type { Profile, RunOptions } from './config';
import type { Machine, SimThread } from './machine';
import type { Task } from './task';
import type { Value } from './values';
import type { SimFuture } from './future';
import type { QueueKind, ResourceKind } from '../trace/events';
import type { TimeDriver } from './time-driver';
import type { Interp } from './interp/interpreter';
import type { BlockingPool } from './blocking-pool';
import type { Gen } from './builtins/registry';
import type { Network } from './net/network';

/** A tokio scheduler (current_thread now; multi_thread later), as tasks and wakers see it. */
export interface Scheduler {
  readonly flavor: 'current_thread' | 'multi_thread';
  /** `Schedule::schedule`: a woken or newly spawned task. */
  schedule(task: Task): void;
  /** `Schedule::yield_now`: re-queue a task that was woken while it was running. */
  yieldNow(task: Task): void;
  /** The `block_on` waker: the main future needs polling. */
  wakeMain(): void;
  /** `context::defer`: the waker is woken after the next driver turn. */
  defer(task: Task): void;
  /** The queue a task is in (for the UI), or null. */
  whereIs(task: Task): QueueKind | null;
  /** Is `thread` inside this runtime's context (so wakes from it are local)? */
  isLocal(thread: SimThread): boolean;
}

export interface TimeSource {
  /** Tokio time (ns since the runtime started) as seen by the current thread. */
  now(): number;
  readonly paused: boolean;
}

/** The interpreter services runtime objects need. */
export interface Interpreter {
  /** Drops an owned value (runs Drop side effects: closing channels, releasing permits, …). */
  dropValue(v: Value): void;
  /** Calls a closure / fn value on the current thread, as a thread body (std::thread::spawn, spawn_blocking). */
  callForThread(callee: Value, args: Value[]): Gen<Value>;
}

export interface World {
  readonly machine: Machine;
  readonly profile: Profile;
  readonly options: RunOptions;
  scheduler: Scheduler;
  time: TimeSource & TimeDriver;
  interp: Interpreter & Interp;
  blocking: BlockingPool;
  /** The loopback network the program's sockets talk over. */
  net: Network;
  nextFutureId: number;
  nextResourceId: number;
  nextTaskId: number;
  /** All tasks ever spawned (including task 0, the block_on future). */
  readonly tasks: Task[];
  /** Raises a Rust panic at the current source location. */
  panic(message: string): never;
  /** Creates a resource id and emits `resource-new`. */
  newResource(kind: ResourceKind, name: string, site?: number, owner?: number): number;
  /** Sees every line the program prints (the run accumulates stdout/stderr). */
  onPrint?(stream: 'stdout' | 'stderr', text: string): void;
  /** Spawns a task onto the runtime (tokio::spawn). */
  spawnTask(future: SimFuture, site: number): Task;
}
