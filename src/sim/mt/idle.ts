/**
 * Idle coordination of the multi_thread workers (`runtime/scheduler/multi_thread/idle.rs`, spec §4.7;
 * the same logic in 1.24 and latest): how many workers are searching for work and how many are unparked,
 * and the stack of parked workers. At most about half the workers search at once, and a notification is
 * dropped while anyone searches — the searcher is trusted to find the work.
 */
export class Idle {
  numSearching = 0;
  numUnparked: number;
  /** Parked workers, used as a stack: the most recently parked is woken first. */
  readonly sleepers: number[] = [];

  constructor(readonly numWorkers: number) {
    this.numUnparked = numWorkers;
  }

  /** `transition_worker_to_searching`: false when half the workers already search. */
  toSearching(): boolean {
    if (2 * this.numSearching >= this.numWorkers) return false;
    this.numSearching++;
    return true;
  }

  /** `transition_worker_from_searching`: true if this was the last searcher (the caller notifies a peer). */
  fromSearching(): boolean {
    this.numSearching--;
    return this.numSearching === 0;
  }

  /**
   * `worker_to_notify`: only when nobody searches and somebody sleeps. The popped worker is counted as
   * unparked *and searching* before it even runs.
   */
  workerToNotify(): number | null {
    if (this.numSearching !== 0 || this.numUnparked >= this.numWorkers) return null;
    this.numSearching++;
    this.numUnparked++;
    return this.sleepers.pop() ?? null;
  }

  /** `transition_worker_to_parked`: true if it was the last searcher (the caller checks for pending work). */
  toParked(worker: number, isSearching: boolean): boolean {
    this.numUnparked--;
    let last = false;
    if (isSearching) {
      last = this.numSearching === 1;
      this.numSearching--;
    }
    this.sleepers.push(worker);
    return last;
  }

  /** `unpark_worker_by_id`: the worker woke by itself (a driver event); true if it was in the sleepers. */
  unparkById(worker: number): boolean {
    const i = this.sleepers.indexOf(worker);
    if (i < 0) return false;
    // swap_remove, as tokio does: the order of the remaining sleepers changes.
    const last = this.sleepers.pop()!;
    if (i < this.sleepers.length) this.sleepers[i] = last;
    this.numUnparked++;
    return true;
  }

  isParked(worker: number): boolean {
    return this.sleepers.includes(worker);
  }
}
