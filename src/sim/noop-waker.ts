/**
 * futures' `noop_waker_ref()`: the waker `now_or_never` and a `select!` with a `default =>` branch poll
 * with. A wake through it reaches nobody, so a future polled with it never wakes its task.
 */
import { Waker } from './task';

export class NoopWaker extends Waker {
  private readonly token = {};
  override get route(): object {
    return this.token;
  }
  override clone(): Waker {
    return this;
  }
  override wake(): void {}
  override wakeByRef(): void {}
  override drop(): void {}
}
