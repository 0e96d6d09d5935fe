/**
 * Pieces shared by the sync primitives: error values that print like tokio's. (Waking a batch of wakers in
 * each version's order is `wakeBatch` in sim/waker.ts.)
 */
import { REnum, UNIT, type Value } from '../../../values';

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
