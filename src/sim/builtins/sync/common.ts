/**
 * Pieces shared by the sync primitives: error values that print like tokio's, and waking a batch of wakers
 * in the order each tokio version uses (`WakeList::wake_all` was LIFO within each batch of 32 until 1.38,
 * #6521; spec §10.1, §11 row 13).
 */
import { REnum, UNIT, type Value } from '../../values';
import type { Waker } from '../../waker';
import type { World } from '../../world';

/** A tokio error type: an enum variant whose Display is fixed text (`channel closed`). */
export class ErrorValue extends REnum {
  constructor(
    enumName: string,
    variant: string,
    values: Value[],
    private readonly text: string,
  ) {
    super(enumName, variant, values);
  }
  fmtDisplay(): string {
    return this.text;
  }
  override isCopy(): boolean {
    return this.values.length === 0 || (this.values.length === 1 && this.values[0] === UNIT);
  }
}

/** Wakes wakers collected by one operation (a semaphore release, `notify_waiters`). */
export function wakeBatch(world: World, wakers: { waker: Waker; resource: number }[]): void {
  if (world.profile === 'latest') {
    for (const { waker, resource } of wakers) waker.wake(world, resource);
    return;
  }
  for (let i = 0; i < wakers.length; i += 32) {
    const batch = wakers.slice(i, i + 32).reverse();
    for (const { waker, resource } of batch) waker.wake(world, resource);
  }
}
