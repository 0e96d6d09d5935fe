/**
 * tokio's blocking pool (spec §6.1): `spawn_blocking` tasks run on up to 512 threads, reused while idle,
 * each idle thread exiting after a 10 s keep-alive. Filled in with spawn_blocking; for now it only knows
 * whether blocking work is in flight (which the runtime's shutdown waits for).
 */
import type { SimThread } from './machine';

export class BlockingPool {
  readonly threads: SimThread[] = [];
  running = 0;
  get idle(): boolean {
    return this.running === 0;
  }
}
