/**
 * Error values that print like std's and tokio's (`channel closed`, `TryLockError::WouldBlock`): shared by the
 * sync primitives, std threads and the std mutex.
 */
import { REnum, UNIT, type Value } from '../values';

/** An error type: an enum variant whose Display is fixed text (`channel closed`). */
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
