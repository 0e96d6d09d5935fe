/**
 * The machine-time cost model (DESIGN.md §3 "Time"). Every simulated thread spends machine time only
 * through these constants and through blocking calls, so runs are deterministic and the timeline shows
 * plausible durations. The numbers are in the range of a debug build of real tokio on a laptop; nothing
 * the conformance tests check depends on their exact values.
 */

/** Fixed cost of one poll of a task (entering the harness, building the Context, returning). */
export const POLL_COST_NS = 400;
/** Cost of one interpreted statement or loop iteration inside a poll. */
export const STEP_COST_NS = 10;
/** One scheduler loop iteration that finds nothing to do before parking. */
export const SCHED_COST_NS = 50;
/** Entering / leaving a park (a syscall). */
export const PARK_COST_NS = 1_000;
/** Spawning an OS thread. */
export const THREAD_SPAWN_COST_NS = 20_000;
/** Writing a line to stdout (a `write` syscall). */
export const PRINT_COST_NS = 1_000;
/** One std file system call (`open`, `read`, `write` on the in-memory file system): it blocks its thread. */
export const FS_SYSCALL_COST_NS = 5_000;
