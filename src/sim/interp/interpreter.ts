/**
 * The interpreter: runs the resolved program on the simulated machine.
 *
 * Evaluation is a generator (`ev`) so that an `.await` can suspend a future (yield `PENDING`) and a blocking
 * call can suspend a whole thread (yield a `BlockRequest`). Expressions the resolver marked `sync` take the
 * plain recursive path (`evs`), which is most leaves and simple expressions.
 *
 * Ownership: bindings own their values (frame `owned` bits); moves clear the bit; scopes drop what they
 * still own in reverse order, in `finally` blocks — so unwinding (a panic) and cancellation (dropping a
 * suspended future runs `generator.return()`) drop locals exactly like Rust does.
 *
 * `Interp` is the top layer of one class split over files by concern (core.ts explains the layering).
 */
import type { SimFuture } from '../future';
import type { ResolvedProgram } from '../../lang/resolve';
import type { World } from '../world';
import type { Gen } from '../poll';
import type { Value } from '../values';
import { isGen } from './core';
import { Expressions } from './expressions';
import { installTypeHooks } from './user-impls';

export class Interp extends Expressions {
  constructor(world: World, program: ResolvedProgram) {
    super(world, program);
    installTypeHooks(this);
  }

  /** `main()`'s future: what `#[tokio::main]` passes to `block_on`. */
  makeMainFuture(): SimFuture {
    return this.callFnItem(this.program.main, [], null) as SimFuture;
  }

  /** A plain `fn main`'s body, run as the main thread's body. */
  *runMain(): Gen<Value> {
    const r = this.callFnItem(this.program.main, [], null);
    if (isGen(r)) return yield* r;
    return r;
  }
}
