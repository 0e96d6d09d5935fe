/**
 * `tokio::select!` and `tokio::join!` / `try_join!` as futures that poll their branches on the current task
 * (spec §9.2, §9.3).
 *
 * select!: each poll draws a start branch from the thread's RNG (`thread_rng_n`), unless `biased;`; polls
 * enabled branches round-robin from there; a Ready branch whose pattern does not match is disabled; the
 * first match wins and every other branch future is dropped. With every branch disabled it returns the
 * `else` marker (UNIT). latest tokio first checks the coop budget (#7164).
 *
 * join!: poll k starts at branch k mod N (1.24's `skip_next_time`); finished branches are kept as
 * `MaybeDone` and not polled again.
 */
import type { Expr } from '../../lang/ast';
import { SimFuture, pollChild } from '../future';
import type { World } from '../world';
import { REnum, RTuple, UNIT, deref, type Value } from '../values';
import type { InterpCore } from './core';
import { matches } from './patterns';
import { budgetExhausted } from '../coop';
import { BLOCKED, PENDING, type PollOutcome } from '../poll';
import type { PollCx } from '../task';

export class SelectFuture extends SimFuture {
  private readonly disabled: boolean[];
  /** Where a poll that blocked its thread resumes: the start branch and the position reached. */
  private resume: { start: number; i: number } | null = null;

  constructor(
    world: World,
    private readonly interp: InterpCore,
    private readonly node: Extract<Expr, { k: 'select' }>,
    private readonly futs: SimFuture[],
    enabled: boolean[],
  ) {
    super(world, 'Select', node.span.start);
    this.disabled = enabled.map((x) => !x);
  }

  protected pollInner(cx: PollCx): PollOutcome {
    const n = this.futs.length;
    let start: number;
    let i0 = 0;
    if (this.resume) {
      start = this.resume.start;
      i0 = this.resume.i;
      this.resume = null;
    } else {
      if (this.world.profile === 'latest' && budgetExhausted(this.world, cx, -1)) return PENDING;
      start = this.node.biased ? 0 : this.world.machine.current.rng.nextN(n);
    }
    let anyEnabled = false;
    for (let i = i0; i < n; i++) {
      const idx = (start + i) % n;
      if (this.disabled[idx]) continue;
      anyEnabled = true;
      const r = pollChild(this.world, this, this.futs[idx]!, cx);
      if (r === BLOCKED) {
        this.resume = { start, i };
        return BLOCKED;
      }
      if (r === PENDING) continue;
      const branch = this.node.branches[idx]!;
      if (!matches(branch.pat, r, this.interp.constLookup)) {
        // The output did not match the pattern: the branch is disabled and select! keeps going.
        this.disabled[idx] = true;
        this.interp.dropValue(r);
        continue;
      }
      this.dropOthers(idx);
      return new RTuple([idx, r]);
    }
    if (!anyEnabled || this.disabled.every((d) => d)) {
      this.dropOthers(-1);
      return UNIT;
    }
    return PENDING;
  }

  private dropOthers(winner: number): void {
    this.futs.forEach((f, i) => {
      if (i !== winner) f.drop();
    });
  }

  protected override onDrop(): void {
    for (const f of this.futs) f.drop();
  }
}

export class JoinAllFuture extends SimFuture {
  private readonly outputs: (Value | undefined)[];
  private skipNext = 0;
  private resume: { order: number[]; i: number; pending: boolean } | null = null;

  constructor(
    world: World,
    private readonly interp: InterpCore,
    private readonly futs: SimFuture[],
    private readonly tryJoin: boolean,
    /** latest tokio's `join!(biased; ..)`: always start at the first future. */
    private readonly biased: boolean,
  ) {
    super(world, tryJoin ? 'TryJoin' : 'Join', -1);
    this.outputs = futs.map(() => undefined);
  }

  protected pollInner(cx: PollCx): PollOutcome {
    const n = this.futs.length;
    let order: number[];
    let i0 = 0;
    let pending = false;
    if (this.resume) {
      ({ order, pending } = this.resume);
      i0 = this.resume.i;
      this.resume = null;
    } else {
      const skip = this.biased ? 0 : this.skipNext;
      this.skipNext = skip + 1 === n ? 0 : skip + 1;
      order = Array.from({ length: n }, (_, k) => (skip + k) % n);
    }
    for (let i = i0; i < n; i++) {
      const idx = order[i]!;
      if (this.outputs[idx] !== undefined) continue;
      const r = pollChild(this.world, this, this.futs[idx]!, cx);
      if (r === BLOCKED) {
        this.resume = { order, i, pending };
        return BLOCKED;
      }
      if (r === PENDING) {
        pending = true;
        continue;
      }
      this.outputs[idx] = r;
      if (this.tryJoin) {
        const x = deref(r);
        if (x instanceof REnum && x.variant === 'Err') {
          this.futs.forEach((f) => f.drop());
          return x;
        }
      }
    }
    if (pending) return PENDING;
    const values = this.outputs.map((v) => (this.tryJoin ? ((deref(v!) as REnum).values[0] ?? UNIT) : v!));
    const tuple = values.length === 0 ? UNIT : new RTuple(values);
    return this.tryJoin ? new REnum('Result', 'Ok', [tuple]) : tuple;
  }

  protected override onDrop(): void {
    this.futs.forEach((f) => f.drop());
    void this.interp;
  }
}
