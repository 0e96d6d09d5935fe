/**
 * What a run is configured with. `#[tokio::main(...)]` attributes fill the runtime part; the CLI and the UI
 * add the profile, the seed and the limits.
 */

/** Which tokio the simulator reproduces (DESIGN.md §3; spec §11 lists the differences). */
export type Profile = '1.24' | 'latest';
export const PROFILES: readonly Profile[] = ['1.24', 'latest'];

export interface RuntimeConfig {
  flavor: 'current_thread' | 'multi_thread';
  workerThreads: number;
  startPaused: boolean;
}

export interface Limits {
  /** Stop after this many trace events. */
  maxEvents: number;
  /** Stop after this many spawned tasks. */
  maxTasks: number;
  /** Stop when any thread's machine clock passes this (ns). */
  maxMachineTime: number;
  /** Stop a single poll (or thread step) that runs this many interpreter steps without yielding. */
  maxStepsPerPoll: number;
  /**
   * Stop after this many interpreter steps in the whole run (every statement, loop iteration and call is a
   * step): with `maxStepsPerPoll` and `maxEvents` alone a run could compute for hours.
   */
  maxSteps: number;
  /** Stop when the program's stdout grows past this many characters. */
  maxOutputChars: number;
  /**
   * Stop when the run holds more than this many bytes: program values (strings, vectors, collections,
   * channel buffers), its output and its trace, as `memory.ts` accounts them (deterministically, not by
   * measuring the heap). The default keeps a browser tab safe.
   */
  maxMemory: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxEvents: 2_000_000,
  maxTasks: 100_000,
  maxMachineTime: 3600e9,
  maxStepsPerPoll: 5_000_000,
  maxSteps: 1_000_000_000,
  maxOutputChars: 1_000_000,
  maxMemory: 256 * 2 ** 20,
};

export interface RunOptions {
  profile: Profile;
  seed: number;
  limits: Limits;
  /** Name used in diagnostics (`FILE:LINE:COL`). */
  fileName: string;
  /** The simulated network's latency, bandwidth and buffers (`DEFAULT_NET` if absent). */
  net?: NetConfig;
}

export const DEFAULT_OPTIONS: RunOptions = {
  profile: '1.24',
  seed: 1,
  limits: DEFAULT_LIMITS,
  fileName: 'main.rs',
};

/** The network's knobs (DESIGN.md §2 "Networking" documents the defaults; net/network.ts uses them). */
export interface NetConfig {
  /**
   * One-way latency of a segment on loopback (ns). 1 by default: Linux delivers a loopback segment to the
   * peer's receive queue inside the sender's syscall, so real tokio sees every readiness at the next driver
   * turn (the event order of net_io_split, tut_select_race_connect… recorded from real tokio).
   */
  readonly latencyNs: number;
  /** Bandwidth in bytes per ns (4 = 4 GB/s). */
  readonly bytesPerNs: number;
  /** Bytes a socket may have unacknowledged in its send buffer. */
  readonly sendBuffer: number;
  /** Bytes the peer's receive buffer holds. */
  readonly recvBuffer: number;
}

export const DEFAULT_NET: NetConfig = {
  latencyNs: 1,
  bytesPerNs: 4,
  sendBuffer: 16 * 1024,
  recvBuffer: 128 * 1024,
};
