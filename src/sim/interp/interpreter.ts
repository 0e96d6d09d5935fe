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
 */
import type {
  Block,
  ConstItem,
  Expr,
  FmtPiece,
  FnInfo,
  FnItem,
  Pat,
  PathRes,
  Stmt,
  StructItem,
} from '../../lang/ast';
import type { ResolvedProgram } from '../../lang/resolve';
import { LineIndex, type Span } from '../../lang/diagnostics';
import { assert, utf8Decode, utf8Encode } from '../../base';
import { PENDING, BLOCKED, pollChild, type PollCx, type SimFuture } from '../future';
import { STEP_COST_NS, PRINT_COST_NS } from '../costs';
import type { BlockRequest } from '../machine';
import { LimitError } from '../machine';
import { wakeTask, type Task } from '../task';
import { Waker } from '../waker';
import type { Interpreter, World } from '../world';
import {
  F64,
  NONE,
  RChar,
  REnum,
  RObject,
  RRef,
  RString,
  RStruct,
  RTuple,
  RVec,
  TempPlace,
  UNIT,
  deref,
  RRange,
  type Place,
  type Value,
} from '../values';
import { formatValue } from '../format';
import { ArrayPlace, Frame, SlotPlace } from './frame';
import { arith, cast, compare, equals, truthy } from './ops';
import { bind, matches } from './patterns';
import { BreakSignal, ContinueSignal, ReturnSignal, RustPanic, UnsupportedError } from './signals';
import {
  builtinConsts,
  builtinFns,
  findMethod,
  type CallCtx,
  type Gen,
  type NativeResult,
} from '../builtins/registry';
import { AsyncFnFuture, intoFuture } from './async-future';
import { RBuiltinFnValue, RClosure, RFnItem, RStructCtor, RVariantCtor } from './callables';
import { SelectFuture, JoinAllFuture } from './combinators';
import { dropValue } from './drops';
import { iterate } from './iterate';

function isGen(x: unknown): x is Gen<Value> {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as { next?: unknown }).next === 'function' &&
    !(x instanceof RObject)
  );
}

export class Interp implements Interpreter {
  /** The current evaluation site, for panic messages and diagnostics. */
  site: Span | null = null;
  /** Set when a poll blocks its thread; the harness hands it to the machine. */
  private pendingBlock: BlockRequest | null = null;
  /** The async bodies being polled on the current thread, innermost last (for `.await`). */
  readonly pollStack: { future: AsyncFnFuture; cx: PollCx }[] = [];
  private constValues = new Map<ConstItem, Value>();
  /** Line numbers for offsets in the program (suspend points, panic locations). */
  readonly lines: LineIndex;
  private panicNoteShown = false;
  mainResult: { ok: Value } | { panic: RustPanic } | null = null;

  constructor(
    readonly world: World,
    readonly program: ResolvedProgram,
  ) {
    this.lines = new LineIndex(program.program.source);
  }

  // ============================================================================================ entry points

  /** `main()`'s future: what `#[tokio::main]` passes to `block_on`. */
  makeMainFuture(): SimFuture {
    return this.callFnItem(this.program.main, [], null) as SimFuture;
  }

  takeBlockRequest(): BlockRequest {
    const r = this.pendingBlock;
    assert(r !== null, 'poll returned BLOCKED without a block request');
    this.pendingBlock = null;
    return r;
  }

  setBlockRequest(r: BlockRequest): void {
    this.pendingBlock = r;
  }

  mainFinished(v: Value): void {
    this.world.machine.emit('complete', { task: 0, outcome: 'ok' });
    this.mainResult = { ok: v };
    this.onMainDone?.();
  }

  mainPanicked(p: RustPanic): void {
    this.world.machine.emit('complete', { task: 0, outcome: 'panicked' });
    this.mainResult = { panic: p };
    this.onMainDone?.();
  }

  onMainDone: (() => void) | null = null;

  /** Prints a panic message to stderr the way Rust's default hook does. */
  reportPanic(p: RustPanic): void {
    const t = this.world.machine.current;
    const thread = t.rustName ?? '<unnamed>';
    const loc = p.span ? this.location(p.span) : 'src/main.rs';
    let text = `thread '${thread}' panicked at ${loc}:\n${p.message}\n`;
    if (!this.panicNoteShown) {
      text += 'note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n';
      this.panicNoteShown = true;
    }
    this.world.machine.emit('panic', {
      task: t.currentTask ? t.currentTask.id : -1,
      message: p.message,
      site: p.span ? p.span.start : -1,
    });
    this.print('stderr', text, p.span ? p.span.start : -1);
  }

  location(sp: Span): string {
    const { line, col } = this.lines.position(sp.start);
    return `src/main.rs:${line}:${col}`;
  }

  /** `site`: the printing macro's source offset (-1 when the runtime prints, as for `main`'s `Err`). */
  print(stream: 'stdout' | 'stderr', text: string, site = -1): void {
    this.world.machine.spend(PRINT_COST_NS);
    this.world.machine.emit('print', { text, stream, site });
    this.world.onPrint?.(stream, text);
  }

  panic(message: string, sp: Span | null = this.site): never {
    throw new RustPanic(message, sp);
  }

  unsupported(message: string, sp: Span | null = this.site, hint?: string): never {
    throw new UnsupportedError(message, sp, hint);
  }

  dropValue(v: Value): void {
    dropValue(this, v);
  }

  wakerFor(task: Task): Waker {
    return new Waker(task, false);
  }

  wakeTaskByRef(task: Task, resource: number): void {
    wakeTask(this.world, task, 'wake_by_ref', resource);
  }

  /** Runs a closure as a thread body (std::thread::spawn, spawn_blocking). */
  *callForThread(callee: Value, args: Value[]): Gen<Value> {
    const r = this.callValue(callee, args, null);
    if (isGen(r)) return yield* r;
    return r;
  }

  // ============================================================================================ calls

  /** Calls a user fn item. Async fns return their (unpolled) future; sync fns run their body. */
  callFnItem(item: FnItem, args: Value[], self: Value | null): NativeResult {
    const info = item.info!;
    const f = new Frame(info, null);
    if (item.selfMode !== null) {
      // `self` (slot 0) by value owns the receiver; `&self`, `&mut self` and `Pin<&mut Self>` borrow it.
      f.bind(0, self!, item.selfMode === 'value');
    }
    if (args.length !== item.params.length)
      this.unsupported(
        `\`${item.name}\` takes ${item.params.length} argument(s) but ${args.length} were supplied`,
      );
    for (let i = 0; i < item.params.length; i++) {
      const p = item.params[i]!.pat;
      this.bindPattern(p, args[i]!, null, f, true);
    }
    if (item.async)
      return new AsyncFnFuture(this.world, this, info.futureName, item.body, f, item.span.start, item.ret);
    return this.runFnBody(item.body, f);
  }

  private *runFnBody(body: Block, f: Frame): Gen<Value> {
    try {
      return yield* this.block(body, f);
    } catch (e) {
      if (e instanceof ReturnSignal) return e.value;
      throw e;
    } finally {
      this.dropFrameSlots(f, 0);
    }
  }

  /** Drops what a finished frame still owns (parameters and captures not moved out). */
  dropFrameSlots(f: Frame, from: number): void {
    for (let s = f.slots.length - 1; s >= from; s--) {
      if (f.owned[s]) {
        const v = f.slots[s]!;
        f.owned[s] = 0;
        f.slots[s] = undefined;
        dropValue(this, v);
      }
    }
  }

  /** Calls any callable value: closures, fn items, constructors. */
  callValue(callee: Value, args: Value[], sp: Span | null): NativeResult {
    const c = deref(callee);
    if (c instanceof RClosure) return this.callClosure(c, args);
    if (c instanceof RFnItem) return this.callFnItem(c.item, args, null);
    if (c instanceof RStructCtor) return new RStruct(c.def, args);
    if (c instanceof RVariantCtor) return new REnum(c.enumName, c.variant, args, null, c.def);
    return this.unsupported(
      `this value of type \`${typeof c === 'object' ? c.typeName() : typeof c}\` cannot be called`,
      sp,
    );
  }

  *callClosure(c: RClosure, args: Value[]): Gen<Value> {
    const info = c.node.fn!;
    const f = new Frame(info, c.parent);
    for (const cap of info.captures) f.bind(cap.slot, c.captured[cap.slot]!, false);
    if (args.length !== c.node.params.length)
      this.unsupported(
        `this closure takes ${c.node.params.length} argument(s) but ${args.length} were supplied`,
        c.node.span,
      );
    for (let i = 0; i < args.length; i++) this.bindPattern(c.node.params[i]!.pat, args[i]!, null, f, true);
    try {
      const body = c.node.body;
      return body.sync ? this.evs(body, f) : yield* this.ev(body, f);
    } catch (e) {
      if (e instanceof ReturnSignal) return e.value;
      throw e;
    } finally {
      // Only parameters and locals; captured values belong to the closure.
      for (let s = f.slots.length - 1; s >= 0; s--) {
        if (info.captures.some((cap) => cap.slot === s)) continue;
        if (f.owned[s]) {
          const v = f.slots[s]!;
          f.owned[s] = 0;
          dropValue(this, v);
        }
      }
    }
  }

  // ============================================================================================ blocks

  *block(b: Block, f: Frame): Gen<Value> {
    const slots = b.scope!.slots;
    try {
      for (const s of b.stmts) yield* this.stmt(s, f);
      if (!b.tail) return UNIT;
      return b.tail.sync ? this.evs(b.tail, f) : yield* this.ev(b.tail, f);
    } finally {
      this.dropScope(slots, f);
    }
  }

  blockSync(b: Block, f: Frame): Value {
    const g = this.block(b, f);
    const r = g.next();
    assert(r.done === true, 'synchronous block suspended');
    return r.value;
  }

  /** Drops, in reverse declaration order, what a scope's bindings still own. */
  dropScope(slots: number[], f: Frame): void {
    for (let i = slots.length - 1; i >= 0; i--) {
      const s = slots[i]!;
      if (f.owned[s]) {
        const v = f.slots[s]!;
        f.owned[s] = 0;
        f.slots[s] = undefined;
        dropValue(this, v);
      }
    }
  }

  private *stmt(s: Stmt, f: Frame): Gen<void> {
    this.world.machine.step(STEP_COST_NS);
    const mark = f.temps.length;
    try {
      switch (s.k) {
        case 'let': {
          if (s.init === null) return;
          const v = s.init.sync ? this.evs(s.init, f) : yield* this.ev(s.init, f);
          if (s.pat.k === 'wild') {
            // `let _ = expr;` drops a temporary at once; `let _ = place;` does not move the place.
            if (!isPlaceExpr(s.init)) dropValue(this, v);
            return;
          }
          if (!matches(s.pat, v, this.constLookup)) {
            if (s.else) {
              yield* this.block(s.else, f);
              this.unsupported(
                '`let ... else` block must diverge (return, break, continue or panic)',
                s.span,
              );
            }
            this.panic('refutable pattern in `let` did not match', s.span);
          }
          this.bindPattern(s.pat, v, null, f, !isPlaceExpr(s.init) || true);
          return;
        }
        case 'expr': {
          const v = s.expr.sync ? this.evs(s.expr, f) : yield* this.ev(s.expr, f);
          if (!isPlaceExpr(s.expr) && typeof v === 'object') dropValue(this, v);
          return;
        }
        case 'item':
        case 'empty':
          return;
      }
    } finally {
      this.dropTemps(f, mark);
    }
  }

  dropTemps(f: Frame, mark: number): void {
    while (f.temps.length > mark) dropValue(this, f.temps.pop()!);
  }

  /** Binds a pattern to an owned value (`let`, parameters, `for`, match arms on temporaries). */
  bindPattern(p: Pat, v: Value, place: Place | null, f: Frame, _owned: boolean): void {
    if (p.k === 'bind' && p.sub === null && !p.byRef) {
      f.bind(p.slot, v, true);
      return;
    }
    bind(p, v, place, f, false, this.constLookup);
  }

  readonly constLookup = (res: PathRes): Value | null =>
    res.kind === 'const' ? this.constValue(res.item) : null;

  constValue(c: ConstItem): Value {
    let v = this.constValues.get(c);
    if (v === undefined) {
      const f = new Frame(
        { slotCount: 0, slotNames: [], captures: [], suspends: [], futureName: c.name },
        null,
      );
      v = c.value.sync ? this.evs(c.value, f) : this.runSync(this.ev(c.value, f));
      this.constValues.set(c, v);
    }
    return v;
  }

  private runSync(g: Gen<Value>): Value {
    const r = g.next();
    if (!r.done) this.unsupported('this constant cannot be evaluated at compile time');
    return r.value;
  }

  // ============================================================================================ expressions

  /** Evaluates an expression that may suspend or block. */
  *ev(e: Expr, f: Frame): Gen<Value> {
    if (e.sync) return this.evs(e, f);
    switch (e.k) {
      case 'block':
        return yield* this.labeledBlock(e.block, e.label, f);
      case 'if': {
        const c = e.cond;
        if (c.k === 'let') {
          const scope = c.scope!;
          try {
            const { value, place, fromPlace } = yield* this.scrutinee(c.expr, f);
            if (!matches(c.pat, value, this.constLookup)) {
              this.dropScope(scope.slots, f);
              return e.else ? yield* this.ev(e.else, f) : UNIT;
            }
            this.bindScrutinee(c.pat, value, place, fromPlace, c.expr, f);
            return yield* this.block(e.then, f);
          } finally {
            this.dropScope(scope.slots, f);
          }
        }
        const mark = f.temps.length;
        const cv = c.sync ? this.evs(c, f) : yield* this.ev(c, f);
        this.dropTemps(f, mark);
        if (truthy(cv, (m) => this.panic(m, c.span))) return yield* this.block(e.then, f);
        return e.else ? yield* this.ev(e.else, f) : UNIT;
      }
      case 'match':
        return yield* this.match(e, f);
      case 'while':
        return yield* this.whileLoop(e, f);
      case 'loop':
        return yield* this.loop(e.body, e.label, f);
      case 'for':
        return yield* this.forLoop(e, f);
      case 'await':
        return yield* this.await(e, f);
      case 'select':
        return yield* this.select(e, f);
      case 'join':
        return yield* this.join(e, f);
      case 'unary': {
        const v = yield* this.ev(e.expr, f);
        this.borrowTemp(e.expr, v, f);
        return this.unary(e, v);
      }
      case 'binary': {
        if (e.op === '&&' || e.op === '||') {
          const l = yield* this.ev(e.left, f);
          const lb = truthy(l, (m) => this.panic(m, e.span));
          if (e.op === '&&' ? !lb : lb) return lb;
          return truthy(yield* this.ev(e.right, f), (m) => this.panic(m, e.span));
        }
        const l = yield* this.ev(e.left, f);
        const r = yield* this.ev(e.right, f);
        this.borrowTemp(e.left, l, f);
        this.borrowTemp(e.right, r, f);
        return this.binary(e.op, l, r, e.span);
      }
      case 'assign': {
        const v = yield* this.ev(e.value, f);
        const p = yield* this.place(e.target, f);
        this.assign(e.op, p, v, e.span, e.target);
        return UNIT;
      }
      case 'call': {
        const args: Value[] = [];
        for (const a of e.args) args.push(a.sync ? this.evs(a, f) : yield* this.ev(a, f));
        const r = this.call(e, args, f);
        return isGen(r) ? yield* r : r;
      }
      case 'method': {
        const recv = yield* this.receiver(e.receiver, f);
        const args: Value[] = [];
        for (const a of e.args) args.push(a.sync ? this.evs(a, f) : yield* this.ev(a, f));
        const r = this.method(e, recv, args, f);
        return isGen(r) ? yield* r : r;
      }
      case 'field': {
        const p = yield* this.place(e, f);
        return this.readPlace(p, e);
      }
      case 'index': {
        const p = yield* this.place(e, f);
        return this.readPlace(p, e);
      }
      case 'ref': {
        const p = yield* this.place(e.expr, f);
        return this.makeRef(p, e.mut, e.expr, f);
      }
      case 'cast':
        return cast(yield* this.ev(e.expr, f), e.ty, (m) => this.panic(m, e.span));
      case 'range': {
        const from = e.from ? yield* this.ev(e.from, f) : null;
        const to = e.to ? yield* this.ev(e.to, f) : null;
        return this.makeRange(from, to, e.inclusive);
      }
      case 'try':
        return this.tryOp(yield* this.ev(e.expr, f), e);
      case 'break': {
        const v = e.value ? yield* this.ev(e.value, f) : UNIT;
        throw new BreakSignal(e.label, v);
      }
      case 'return': {
        const v = e.value ? yield* this.ev(e.value, f) : UNIT;
        throw new ReturnSignal(v);
      }
      case 'struct': {
        const vals: Value[] = [];
        for (const fl of e.fields) vals.push(yield* this.ev(fl.value, f));
        const base = e.base ? yield* this.ev(e.base, f) : null;
        return this.makeStruct(e, vals, base);
      }
      case 'tuple': {
        const items: Value[] = [];
        for (const x of e.items) items.push(yield* this.ev(x, f));
        return items.length === 0 ? UNIT : new RTuple(items);
      }
      case 'array': {
        const items: Value[] = [];
        for (const x of e.items) items.push(yield* this.ev(x, f));
        return new RVec(items, !e.vec);
      }
      case 'repeat': {
        const v = yield* this.ev(e.value, f);
        const n = yield* this.ev(e.count, f);
        return this.repeat(v, n, e.vec);
      }
      case 'fmt': {
        const args: Value[] = [];
        for (const a of e.args) {
          const v = yield* this.ev(a, f);
          this.borrowTemp(a, v, f);
          args.push(v);
        }
        return this.fmtMacro(e, args);
      }
      case 'assert': {
        const args: Value[] = [];
        for (const a of e.args) args.push(yield* this.ev(a, f));
        const msg = e.message ? yield* this.ev(e.message, f) : null;
        return this.assertMacro(e, args, msg);
      }
      case 'matches': {
        const v = yield* this.ev(e.expr, f);
        return this.matchesMacro(e, v, f);
      }
      case 'pin':
        // `pin!(fut);` pins the binding where it is: no value comes out to drop.
        if (e.expr.k === 'path') return UNIT;
        return yield* this.ev(e.expr, f);
      default:
        return this.evs(e, f);
    }
  }

  /** Evaluates an expression the resolver marked `sync` (it cannot suspend or block). */
  evs(e: Expr, f: Frame): Value {
    switch (e.k) {
      case 'lit':
        return this.literal(e);
      case 'path':
        return this.path(e, f);
      case 'unary': {
        const v = this.evs(e.expr, f);
        this.borrowTemp(e.expr, v, f);
        return this.unary(e, v);
      }
      case 'binary': {
        if (e.op === '&&' || e.op === '||') {
          const lb = truthy(this.evs(e.left, f), (m) => this.panic(m, e.span));
          if (e.op === '&&' ? !lb : lb) return lb;
          return truthy(this.evs(e.right, f), (m) => this.panic(m, e.span));
        }
        const l = this.evs(e.left, f);
        const r = this.evs(e.right, f);
        this.borrowTemp(e.left, l, f);
        this.borrowTemp(e.right, r, f);
        return this.binary(e.op, l, r, e.span);
      }
      case 'assign': {
        const v = this.evs(e.value, f);
        this.assign(e.op, this.placeSync(e.target, f), v, e.span, e.target);
        return UNIT;
      }
      case 'call': {
        const args = e.args.map((a) => this.evs(a, f));
        return this.syncResult(this.call(e, args, f), e.span);
      }
      case 'method': {
        const recv = this.receiverSync(e.receiver, f);
        const args = e.args.map((a) => this.evs(a, f));
        return this.syncResult(this.method(e, recv, args, f), e.span);
      }
      case 'field':
      case 'index':
        return this.readPlace(this.placeSync(e, f), e);
      case 'ref':
        return this.makeRef(this.placeSync(e.expr, f), e.mut, e.expr, f);
      case 'cast':
        return cast(this.evs(e.expr, f), e.ty, (m) => this.panic(m, e.span));
      case 'range':
        return this.makeRange(
          e.from ? this.evs(e.from, f) : null,
          e.to ? this.evs(e.to, f) : null,
          e.inclusive,
        );
      case 'try':
        return this.tryOp(this.evs(e.expr, f), e);
      case 'break':
        throw new BreakSignal(e.label, e.value ? this.evs(e.value, f) : UNIT);
      case 'continue':
        throw new ContinueSignal(e.label);
      case 'return':
        throw new ReturnSignal(e.value ? this.evs(e.value, f) : UNIT);
      case 'closure':
        return this.makeClosure(e, f);
      case 'async':
        return this.makeAsyncBlock(e, f);
      case 'struct': {
        const vals = e.fields.map((fl) => this.evs(fl.value, f));
        return this.makeStruct(e, vals, e.base ? this.evs(e.base, f) : null);
      }
      case 'tuple': {
        const items = e.items.map((x) => this.evs(x, f));
        return items.length === 0 ? UNIT : new RTuple(items);
      }
      case 'array':
        return new RVec(
          e.items.map((x) => this.evs(x, f)),
          !e.vec,
        );
      case 'repeat':
        return this.repeat(this.evs(e.value, f), this.evs(e.count, f), e.vec);
      case 'fmt':
        return this.fmtMacro(
          e,
          e.args.map((a) => {
            const v = this.evs(a, f);
            this.borrowTemp(a, v, f);
            return v;
          }),
        );
      case 'assert':
        return this.assertMacro(
          e,
          e.args.map((a) => this.evs(a, f)),
          e.message ? this.evs(e.message, f) : null,
        );
      case 'matches':
        return this.matchesMacro(e, this.evs(e.expr, f), f);
      case 'pin':
        if (e.expr.k === 'path') return UNIT;
        return this.evs(e.expr, f);
      default:
        // Block-like expressions are never marked sync, but constants and closures may reach here.
        return this.runSync(this.ev({ ...e, sync: false } as Expr, f));
    }
  }

  private syncResult(r: NativeResult, sp: Span): Value {
    if (!isGen(r)) return r;
    const x = r.next();
    if (!x.done) this.unsupported('this call would block or suspend where Pollscope did not expect it', sp);
    return x.value;
  }

  // ------------------------------------------------------------------------------------------ leaves

  private literal(e: Extract<Expr, { k: 'lit' }>): Value {
    const l = e.value;
    switch (l.t) {
      case 'int':
        return l.v;
      case 'float':
        return new F64(l.v);
      case 'str':
        return l.v;
      case 'bytestr':
        return new RVec(
          Array.from(l.v, (c) => c.charCodeAt(0)),
          true,
        );
      case 'bool':
        return l.v;
      case 'char':
        return new RChar(l.v);
    }
  }

  private path(e: Extract<Expr, { k: 'path' }>, f: Frame): Value {
    const res = e.res!;
    switch (res.kind) {
      case 'local': {
        const fr = res.depth === 0 ? f : f.up(res.depth);
        const v = fr.slots[res.slot];
        if (v === undefined) this.unsupported(`use of \`${res.name}\` after it was moved or dropped`, e.span);
        if (e.use === 'move' && fr.owned[res.slot] && typeof v === 'object' && !v.isCopy())
          fr.owned[res.slot] = 0;
        return v;
      }
      case 'fn':
        return new RFnItem(res.item);
      case 'method':
        return new RFnItem(res.item);
      case 'const':
        return this.constValue(res.item);
      case 'struct':
        return res.item.tuple && res.item.fields.length === 0
          ? new RStruct(res.item, [])
          : new RStructCtor(res.item);
      case 'variant': {
        const def = this.program.enums.get(res.enumName) ?? null;
        if (res.arity === 0) return new REnum(res.enumName, res.variant, [], null, def);
        return new RVariantCtor(res.enumName, res.variant, def);
      }
      case 'builtin': {
        const c = builtinConsts.get(res.name);
        if (c) return c.value();
        const fn = builtinFns.get(res.name);
        if (fn) return new RBuiltinFnValue(res.name);
        return this.unsupported(`\`${e.segs.join('::')}\` is not supported by Pollscope`, e.span);
      }
    }
  }

  private unary(e: Extract<Expr, { k: 'unary' }>, v: Value): Value {
    const x = deref(v);
    switch (e.op) {
      case '-':
        if (typeof x === 'number') return -x;
        if (x instanceof F64) return new F64(-x.v);
        return this.panic(`cannot negate ${typeof x === 'object' ? x.typeName() : typeof x}`, e.span);
      case '!':
        if (typeof x === 'boolean') return !x;
        if (typeof x === 'number') return ~x;
        return this.panic('cannot apply `!`', e.span);
      case '*': {
        const d = derefOnce(v);
        return d;
      }
    }
  }

  private binary(op: string, l: Value, r: Value, sp: Span): Value {
    const panic = (m: string) => this.panic(m, sp);
    switch (op) {
      case '==':
        return equals(l, r);
      case '!=':
        return !equals(l, r);
      case '<':
        return compare(l, r, panic) < 0;
      case '>':
        return compare(l, r, panic) > 0;
      case '<=':
        return compare(l, r, panic) <= 0;
      case '>=':
        return compare(l, r, panic) >= 0;
      default:
        return arith(op, l, r, panic);
    }
  }

  private assign(op: string, p: Place, v: Value, sp: Span, target: Expr): void {
    if (op === '=') {
      const old = p.get();
      // Assigning drops the old value (unless the place was moved out or never initialised).
      const ownedSlot = p instanceof SlotPlace ? p.frame.owned[p.slot] === 1 : true;
      p.set(v);
      if (old !== undefined && ownedSlot && old !== v) dropValue(this, old);
      return;
    }
    const cur = p.get();
    if (cur === undefined) this.unsupported('compound assignment to an uninitialised place', target.span);
    const x = deref(cur);
    const base = op.slice(0, -1);
    if (x instanceof RString && base === '+') {
      const add = deref(v);
      x.s += typeof add === 'string' ? add : add instanceof RString ? add.s : String(add);
      return;
    }
    const nv = arith(base, x, v, (m) => this.panic(m, sp));
    if (cur instanceof RRef) cur.place.set(nv);
    else p.set(nv);
  }

  // ------------------------------------------------------------------------------------------ places

  /** The place an expression denotes; non-place expressions become temporaries. */
  *place(e: Expr, f: Frame): Gen<Place> {
    switch (e.k) {
      case 'path':
        if (e.res?.kind === 'local')
          return new SlotPlace(e.res.depth === 0 ? f : f.up(e.res.depth), e.res.slot);
        return new TempPlace(this.evs(e, f));
      case 'field': {
        const base = yield* this.place(e.expr, f);
        return this.fieldPlace(base, e.name, e);
      }
      case 'index': {
        const base = yield* this.place(e.expr, f);
        const idx = e.index.sync ? this.evs(e.index, f) : yield* this.ev(e.index, f);
        return this.indexPlace(base, idx, e);
      }
      case 'unary':
        if (e.op === '*') {
          const v = e.expr.sync ? this.evs(e.expr, f) : yield* this.ev(e.expr, f);
          this.borrowTemp(e.expr, v, f);
          return this.derefPlace(v, e);
        }
        break;
      default:
        break;
    }
    const v = e.sync ? this.evs(e, f) : yield* this.ev(e, f);
    if (typeof v === 'object' && !v.isCopy()) f.temps.push(v);
    return new TempPlace(v);
  }

  placeSync(e: Expr, f: Frame): Place {
    const g = this.place(e, f);
    const r = g.next();
    assert(r.done === true, 'synchronous place suspended');
    return r.value;
  }

  private fieldPlace(base: Place, name: string, e: Expr): Place {
    let v = base.get();
    for (let i = 0; i < 16; i++) {
      const x = v;
      if (x instanceof RStruct) {
        const idx = x.fieldIndex(name);
        if (idx < 0) this.unsupported(`no field \`${name}\` on type \`${x.def.name}\``, e.span);
        return new ArrayPlace(x.fields, idx);
      }
      if (x instanceof RTuple && /^\d+$/.test(name)) {
        const idx = Number(name);
        if (idx >= x.items.length) this.unsupported(`no field \`${name}\` on this tuple`, e.span);
        return new ArrayPlace(x.items, idx);
      }
      if (x instanceof REnum && x.names) {
        const idx = x.names.indexOf(name);
        if (idx >= 0) return new ArrayPlace(x.values, idx);
      }
      const inner = derefPlaceOf(x);
      if (!inner) break;
      v = inner.get();
    }
    return this.unsupported(
      `no field \`${name}\` on a value of type \`${typeof v === 'object' ? v.typeName() : typeof v}\``,
      e.span,
    );
  }

  private indexPlace(base: Place, idx: Value, e: Expr): Place {
    let v = base.get();
    for (let i = 0; i < 16; i++) {
      if (v instanceof RVec) {
        const n = deref(idx);
        if (n instanceof RRange) return this.slicePlace(v.items, n, e);
        if (typeof n !== 'number')
          return this.unsupported('only integer indexing (and `buf[..n]`) is supported', e.span);
        if (n < 0 || n >= v.items.length)
          this.panic(`index out of bounds: the len is ${v.items.length} but the index is ${n}`, e.span);
        return new ArrayPlace(v.items, n);
      }
      const text = typeof v === 'string' ? v : v instanceof RString ? v.s : null;
      const r = deref(idx);
      if (text !== null && r instanceof RRange) {
        // `&s[a..b]` by byte offsets, as a fresh &str.
        const bytes = utf8Encode(text);
        const sliced = this.slicePlace(bytes, r, e).get() as RVec;
        const d = utf8Decode(sliced.items as number[]);
        if (!d.valid) this.panic('byte index is not a char boundary', e.span);
        return new TempPlace(d.text);
      }
      const inner = derefPlaceOf(v);
      if (!inner) break;
      v = inner.get();
    }
    return this.unsupported(
      `cannot index into a value of type \`${typeof v === 'object' ? v.typeName() : typeof v}\``,
      e.span,
    );
  }

  /**
   * `buf[a..b]`: a slice of the vector's items. Reading it gives a copy (a shared slice cannot change
   * while it is borrowed, so the copy is indistinguishable); writing it (`&mut buf[..n]` filled by a read)
   * writes the items back in place.
   */
  private slicePlace(items: Value[], r: RRange, e: Expr): Place {
    const len = items.length;
    const from = r.from === null ? 0 : (r.from as number);
    const to = r.to === null ? len : (r.to as number) + (r.inclusive ? 1 : 0);
    if (to > len) this.panic(`range end index ${to} out of range for slice of length ${len}`, e.span);
    if (from > to) this.panic(`slice index starts at ${from} but ends at ${to}`, e.span);
    return {
      get: () => new RVec(items.slice(from, to)),
      set: (x: Value) => {
        const src = deref(x);
        if (src instanceof RVec) for (let i = 0; i < to - from; i++) items[from + i] = src.items[i]!;
      },
    };
  }

  private derefPlace(v: Value, e: Expr): Place {
    if (v instanceof RRef) return v.place;
    const inner = typeof v === 'object' ? derefPlaceOf(v) : null;
    if (inner) return inner;
    // `*x` where x is already a value (a Copy value bound from a reference).
    return new TempPlace(v);
    void e;
  }

  private readPlace(p: Place, e: Expr): Value {
    const v = p.get();
    if (v === undefined) this.unsupported('read of an uninitialised value', e.span);
    return v;
  }

  private makeRef(p: Place, mut: boolean, inner: Expr, _f: Frame): Value {
    const v = p.get();
    // References to Copy values and to functions can be the value itself; others point at the place.
    if (!mut && typeof v !== 'object') return v;
    void inner;
    return new RRef(p, mut);
  }

  /**
   * A value used only by reference (a deref, a comparison, a format argument) that no binding owns: a
   * temporary, dropped at the end of the enclosing statement — e.g. the guard in `*m.lock().unwrap() += 1`.
   */
  private borrowTemp(e: Expr, v: Value, f: Frame): void {
    if (typeof v === 'object' && !isPlaceExpr(e) && !v.isCopy() && e.k !== 'path') f.temps.push(v);
  }

  /** A method receiver: its place (auto-ref) and value. */
  private *receiver(
    e: Expr,
    f: Frame,
  ): Gen<{ place: Place; value: Value; temp: boolean; expr: Expr; frame: Frame }> {
    if (isPlaceExpr(e)) {
      const p = yield* this.place(e, f);
      return { place: p, value: p.get(), temp: false, expr: e, frame: f };
    }
    const v = e.sync ? this.evs(e, f) : yield* this.ev(e, f);
    return { place: new TempPlace(v), value: v, temp: true, expr: e, frame: f };
  }

  private receiverSync(
    e: Expr,
    f: Frame,
  ): { place: Place; value: Value; temp: boolean; expr: Expr; frame: Frame } {
    const g = this.receiver(e, f);
    const r = g.next();
    assert(r.done === true, 'synchronous receiver suspended');
    return r.value;
  }

  // ------------------------------------------------------------------------------------------ calls

  private call(e: Extract<Expr, { k: 'call' }>, args: Value[], f: Frame): NativeResult {
    const callee = e.callee;
    this.site = e.span;
    if (callee.k === 'path') {
      const res = callee.res!;
      switch (res.kind) {
        case 'fn':
        case 'method':
          return this.callFnItem(
            res.item,
            args.slice(res.item.selfMode !== null ? 1 : 0),
            res.item.selfMode !== null ? args[0]! : null,
          );
        case 'struct':
          if (args.length !== res.item.fields.length)
            this.unsupported(`\`${res.item.name}\` takes ${res.item.fields.length} field(s)`, e.span);
          return new RStruct(res.item, args);
        case 'variant':
          return new REnum(
            res.enumName,
            res.variant,
            args,
            null,
            this.program.enums.get(res.enumName) ?? null,
          );
        case 'builtin': {
          const fn = builtinFns.get(res.name);
          if (!fn) return this.unsupported(`\`${callee.segs.join('::')}\` cannot be called`, e.span);
          return fn.call(
            this.ctx(e.span, callee.generics, e, null, () => {}),
            args,
          );
        }
        default:
          break;
      }
    }
    const cv = callee.sync ? this.evs(callee, f) : null;
    if (cv === null)
      return this.unsupported('calling the result of this expression is not supported', e.span);
    if (cv instanceof RBuiltinFnValue)
      return builtinFns.get(cv.name)!.call(
        this.ctx(e.span, [], e, null, () => {}),
        args,
      );
    return this.callValue(cv, args, e.span);
  }

  ctx(
    span: Span,
    generics: CallCtx['generics'],
    node: Expr | null,
    place: Place | null,
    consume: () => void,
  ): CallCtx {
    return { interp: this, world: this.world, span, generics, node, place, consume };
  }

  private method(
    e: Extract<Expr, { k: 'method' }>,
    recv: { place: Place; value: Value; temp: boolean; expr: Expr; frame: Frame },
    args: Value[],
    f: Frame,
  ): NativeResult {
    this.site = e.span;
    const name = e.name;
    // Walk the auto-deref chain: the value, then what it points at (references, Arc, Box, guards).
    let v = recv.value;
    let place: Place | null = recv.place;
    for (let depth = 0; depth < 16; depth++) {
      // User methods on user types.
      const x = v;
      if (x instanceof RStruct || x instanceof REnum) {
        const typeName = x instanceof RStruct ? x.def.name : x.enumName;
        const item = this.program.methods.get(`${typeName}::${name}`);
        if (item) {
          let self: Value;
          if (item.selfMode === 'value') {
            self = x;
            this.consumeReceiver(recv, depth);
          } else {
            self = new RRef(place ?? new TempPlace(x), item.selfMode === 'mut' || item.selfMode === 'pin');
            if (recv.temp && depth === 0 && typeof x === 'object') f.temps.push(x);
          }
          return this.callFnItem(item, args, self);
        }
      }
      const m = findMethod(x, name);
      if (m) {
        let consumed = false;
        const ctx = this.ctx(e.span, e.generics, e, place, () => {
          consumed = true;
          this.consumeReceiver(recv, depth);
        });
        const r = m(ctx, x, args);
        if (!consumed && recv.temp && depth > 0 && typeof recv.value === 'object') f.temps.push(recv.value);
        else if (
          !consumed &&
          recv.temp &&
          depth === 0 &&
          typeof x === 'object' &&
          !x.isCopy() &&
          !isGen(r) &&
          r !== x
        )
          f.temps.push(x);
        return r;
      }
      const inner = typeof x === 'object' ? derefPlaceOf(x) : null;
      if (!inner) break;
      place = inner;
      v = inner.get();
    }
    const tn = typeof recv.value === 'object' ? deref(recv.value) : recv.value;
    return this.unsupported(
      `no method \`${name}\` on a value of type \`${typeof tn === 'object' ? tn.typeName() : typeof tn === 'number' ? 'integer' : typeof tn === 'string' ? '&str' : typeof tn}\` in Pollscope`,
      e.nameSpan,
    );
  }

  /** A self-by-value method consumed the receiver: its binding no longer owns it. */
  private consumeReceiver(recv: { place: Place; temp: boolean }, depth: number): void {
    if (depth === 0 && recv.place instanceof SlotPlace) recv.place.frame.owned[recv.place.slot] = 0;
  }

  // ------------------------------------------------------------------------------------------ control flow

  private *labeledBlock(b: Block, label: string | null, f: Frame): Gen<Value> {
    if (label === null) return yield* this.block(b, f);
    try {
      return yield* this.block(b, f);
    } catch (s) {
      if (s instanceof BreakSignal && s.label === label) return s.value;
      throw s;
    }
  }

  private *loop(body: Block, label: string | null, f: Frame): Gen<Value> {
    for (;;) {
      this.world.machine.step(STEP_COST_NS);
      try {
        yield* this.block(body, f);
      } catch (s) {
        if (s instanceof BreakSignal && (s.label === null || s.label === label)) return s.value;
        if (s instanceof ContinueSignal && (s.label === null || s.label === label)) continue;
        throw s;
      }
    }
  }

  private *whileLoop(e: Extract<Expr, { k: 'while' }>, f: Frame): Gen<Value> {
    const scope = e.scope!;
    for (;;) {
      this.world.machine.step(STEP_COST_NS);
      const mark = f.temps.length;
      try {
        const c = e.cond;
        if (c.k === 'let') {
          const { value, place, fromPlace } = yield* this.scrutinee(c.expr, f);
          if (!matches(c.pat, value, this.constLookup)) {
            if (!fromPlace && typeof value === 'object') dropValue(this, value);
            return UNIT;
          }
          this.bindScrutinee(c.pat, value, place, fromPlace, c.expr, f);
        } else {
          const cv = c.sync ? this.evs(c, f) : yield* this.ev(c, f);
          this.dropTemps(f, mark);
          if (!truthy(cv, (m) => this.panic(m, c.span))) return UNIT;
        }
        yield* this.block(e.body, f);
      } catch (s) {
        if (s instanceof BreakSignal && (s.label === null || s.label === e.label)) return s.value;
        if (!(s instanceof ContinueSignal && (s.label === null || s.label === e.label))) throw s;
      } finally {
        this.dropScope(scope.slots, f);
        this.dropTemps(f, mark);
      }
    }
  }

  private *forLoop(e: Extract<Expr, { k: 'for' }>, f: Frame): Gen<Value> {
    const iterable = e.iter.sync ? this.evs(e.iter, f) : yield* this.ev(e.iter, f);
    const it = iterate(this, iterable, e.iter.span);
    const scope = e.scope!;
    try {
      for (;;) {
        this.world.machine.step(STEP_COST_NS);
        const n = it.next();
        if (n.done) return UNIT;
        try {
          if (!matches(e.pat, n.value, this.constLookup))
            this.panic('refutable pattern in `for` did not match', e.pat.span);
          this.bindPattern(e.pat, n.value, null, f, true);
          yield* this.block(e.body, f);
        } catch (s) {
          if (s instanceof BreakSignal && (s.label === null || s.label === e.label)) return s.value;
          if (!(s instanceof ContinueSignal && (s.label === null || s.label === e.label))) throw s;
        } finally {
          this.dropScope(scope.slots, f);
        }
      }
    } finally {
      it.return?.(undefined);
    }
  }

  /** Evaluates a match / if-let scrutinee: a place (no move) or a temporary value. */
  private *scrutinee(e: Expr, f: Frame): Gen<{ value: Value; place: Place | null; fromPlace: boolean }> {
    if (isPlaceExpr(e)) {
      const p = yield* this.place(e, f);
      return { value: p.get(), place: p, fromPlace: true };
    }
    const v = e.sync ? this.evs(e, f) : yield* this.ev(e, f);
    return { value: v, place: null, fromPlace: false };
  }

  /** Binds a matched pattern; moving a non-Copy part out of a local means the local no longer owns it. */
  private bindScrutinee(
    p: Pat,
    value: Value,
    place: Place | null,
    fromPlace: boolean,
    src: Expr,
    f: Frame,
  ): void {
    const moved = bind(p, value, place, f, false, this.constLookup);
    if (moved && fromPlace && src.k === 'path' && src.res?.kind === 'local') {
      const fr = f.up(src.res.depth);
      fr.owned[src.res.slot] = 0;
    }
    if (!fromPlace && !moved && typeof value === 'object' && !value.isCopy()) f.temps.push(value);
  }

  private *match(e: Extract<Expr, { k: 'match' }>, f: Frame): Gen<Value> {
    const { value, place, fromPlace } = yield* this.scrutinee(e.scrutinee, f);
    for (const arm of e.arms) {
      if (!matches(arm.pat, value, this.constLookup)) continue;
      const scope = arm.scope!;
      try {
        if (arm.guard) {
          // Guards see by-reference bindings; bind, test, and unbind if the guard fails.
          bind(arm.pat, value, place, f, true, this.constLookup);
          const g = arm.guard.sync ? this.evs(arm.guard, f) : yield* this.ev(arm.guard, f);
          if (!truthy(g, (m) => this.panic(m, arm.guard!.span))) {
            for (const s of scope.slots) {
              f.slots[s] = undefined;
              f.owned[s] = 0;
            }
            continue;
          }
        }
        this.bindScrutinee(arm.pat, value, place, fromPlace, e.scrutinee, f);
        return arm.body.sync ? this.evs(arm.body, f) : yield* this.ev(arm.body, f);
      } finally {
        this.dropScope(scope.slots, f);
      }
    }
    return this.panic('no match arm matched (non-exhaustive patterns)', e.span);
  }

  // ------------------------------------------------------------------------------------------ async

  /** The async body currently being polled on this thread. */
  currentPoll(sp: Span): { future: AsyncFnFuture; cx: PollCx } {
    const top = this.pollStack[this.pollStack.length - 1];
    if (!top) this.unsupported('`.await` outside of a polled future', sp);
    return top;
  }

  /**
   * `expr.await`: `loop { match fut.poll(cx) { Ready(v) => break v, Pending => yield } }`. The future is
   * re-polled on every poll of the enclosing future — that is the walk down the future tree the trace shows.
   */
  private *await(e: Extract<Expr, { k: 'await' }>, f: Frame): Gen<Value> {
    const v = e.expr.sync ? this.evs(e.expr, f) : yield* this.ev(e.expr, f);
    const fut = intoFuture(this, v, e.expr.span);
    return yield* this.awaitFuture(fut, e.suspend!, e.span);
  }

  *awaitFuture(fut: SimFuture, suspend: number, sp: Span): Gen<Value> {
    let finished = false;
    let owner = this.currentPoll(sp).future;
    owner.child = fut;
    try {
      for (;;) {
        const { future, cx } = this.currentPoll(sp);
        owner = future;
        const r = pollChild(this.world, owner, fut, cx, sp.start);
        if (r === BLOCKED) {
          yield this.takeBlockRequest();
          continue;
        }
        if (r === PENDING) {
          owner.enterSuspend(suspend, sp);
          yield PENDING;
          continue;
        }
        finished = true;
        owner.child = null;
        owner.leaveSuspend(sp);
        return r;
      }
    } finally {
      if (!finished) {
        // The enclosing future was dropped while suspended here: the awaitee is dropped too.
        owner.child = null;
        fut.drop();
      } else {
        fut.drop();
      }
    }
  }

  private *select(e: Extract<Expr, { k: 'select' }>, f: Frame): Gen<Value> {
    // tokio's select!: evaluate every `if` precondition first, then every branch's future (also the
    // disabled ones, which are never polled), then race them.
    const enabled: boolean[] = [];
    for (const b of e.branches) {
      if (!b.guard) {
        enabled.push(true);
        continue;
      }
      const g = b.guard.sync ? this.evs(b.guard, f) : yield* this.ev(b.guard, f);
      enabled.push(truthy(g, (m) => this.panic(m, b.guard!.span)));
    }
    const futs: SimFuture[] = [];
    for (const b of e.branches) {
      const v = b.fut.sync ? this.evs(b.fut, f) : yield* this.ev(b.fut, f);
      futs.push(intoFuture(this, v, b.fut.span));
    }
    const sel = new SelectFuture(this.world, this, e, futs, enabled);
    const result = yield* this.awaitFuture(sel, e.suspend!, e.span);
    // result: RTuple(branch index, value) or the `else` marker.
    if (result === UNIT) {
      if (!e.else) this.panic('all branches are disabled and there is no else branch', e.span);
      return e.else.sync ? this.evs(e.else, f) : yield* this.ev(e.else, f);
    }
    const [idx, value] = (result as RTuple).items as [number, Value];
    const branch = e.branches[idx]!;
    const scope = branch.scope!;
    try {
      bind(branch.pat, value, null, f, false, this.constLookup);
      return branch.body.sync ? this.evs(branch.body, f) : yield* this.ev(branch.body, f);
    } finally {
      this.dropScope(scope.slots, f);
    }
  }

  private *join(e: Extract<Expr, { k: 'join' }>, f: Frame): Gen<Value> {
    if (e.biased && this.world.profile === '1.24')
      this.unsupported(
        '`biased;` in `join!` does not exist in tokio 1.24 (it arrived in 1.46, tokio #7307)',
        e.span,
        'run with the latest profile, or remove `biased;`',
      );
    const futs: SimFuture[] = [];
    for (const x of e.futs) {
      const v = x.sync ? this.evs(x, f) : yield* this.ev(x, f);
      futs.push(intoFuture(this, v, x.span));
    }
    const j = new JoinAllFuture(this.world, this, futs, e.tryJoin, e.biased);
    return yield* this.awaitFuture(j, e.suspend!, e.span);
  }

  private makeClosure(e: Extract<Expr, { k: 'closure' }>, f: Frame): Value {
    const info = e.fn!;
    const captured: Value[] = [];
    for (const cap of info.captures) captured[cap.slot] = this.capture(cap, f);
    return new RClosure(e, f, captured);
  }

  private makeAsyncBlock(e: Extract<Expr, { k: 'async' }>, f: Frame): Value {
    const info = e.fn!;
    const frame = new Frame(info, f);
    for (const cap of info.captures) frame.bind(cap.slot, this.capture(cap, f), true);
    return new AsyncFnFuture(this.world, this, info.futureName, e.block, frame, e.span.start, null);
  }

  /** Moves (or copies) a captured variable out of the creating frame into a closure / async block. */
  private capture(cap: FnInfo['captures'][number], f: Frame): Value {
    const fr = f.up(cap.from.depth);
    const v = fr.slots[cap.from.slot];
    if (v === undefined) this.unsupported(`\`${cap.name}\` is captured after it was moved`, this.site);
    if (typeof v === 'object' && !v.isCopy()) fr.owned[cap.from.slot] = 0;
    return v;
  }

  // ------------------------------------------------------------------------------------------ small constructs

  private makeRange(from: Value | null, to: Value | null, inclusive: boolean): Value {
    return new RRange(from === null ? null : deref(from), to === null ? null : deref(to), inclusive);
  }

  private tryOp(v: Value, e: Expr): Value {
    const x = deref(v);
    if (x instanceof REnum) {
      if (x.variant === 'Ok' || x.variant === 'Some') return x.values[0]!;
      if (x.variant === 'Err') throw new ReturnSignal(new REnum('Result', 'Err', [x.values[0]!]));
      if (x.variant === 'None') throw new ReturnSignal(NONE);
    }
    return this.unsupported('`?` needs a Result or an Option', e.span);
  }

  private makeStruct(e: Extract<Expr, { k: 'struct' }>, vals: Value[], base: Value | null): Value {
    const res = e.res!;
    if (res.kind === 'struct') {
      const def: StructItem = res.item;
      const fields: Value[] = new Array<Value>(def.fields.length);
      const b = base === null ? null : (deref(base) as RStruct);
      def.fields.forEach((fd, i) => {
        const k = e.fields.findIndex((x) => x.name === fd.name);
        if (k >= 0) fields[i] = vals[k]!;
        else if (b) fields[i] = b.fields[i]!;
        else this.unsupported(`missing field \`${fd.name}\` in initializer of \`${def.name}\``, e.span);
      });
      return new RStruct(def, fields);
    }
    if (res.kind === 'variant') {
      const def = this.program.enums.get(res.enumName) ?? null;
      const v = def?.variants.find((x) => x.name === res.variant);
      const names = v?.named ?? e.fields.map((x) => x.name);
      const ordered = names.map((n) => vals[e.fields.findIndex((x) => x.name === n)]!);
      return new REnum(res.enumName, res.variant, ordered, names, def);
    }
    return this.unsupported('unsupported struct literal', e.span);
  }

  private repeat(v: Value, n: Value, vec: boolean): Value {
    const count = deref(n);
    if (typeof count !== 'number') return this.unsupported('array length must be an integer');
    if (count > 10_000_000)
      throw new LimitError(`a vector of ${count} elements is larger than Pollscope allows`);
    const items: Value[] = [];
    for (let i = 0; i < count; i++) items.push(i === 0 ? v : cloneValue(this, v));
    return new RVec(items, !vec);
  }

  formatPieces(pieces: FmtPiece[], args: Value[]): string {
    let out = '';
    for (const p of pieces) {
      if (typeof p === 'string') {
        out += p;
        continue;
      }
      const width =
        p.width === null
          ? null
          : typeof p.width === 'number'
            ? p.width
            : (deref(args[p.width.arg]!) as number);
      const precision =
        p.precision === null
          ? null
          : typeof p.precision === 'number'
            ? p.precision
            : (deref(args[p.precision.arg]!) as number);
      out += formatValue(args[p.arg]!, p, width, precision);
    }
    return out;
  }

  private fmtMacro(e: Extract<Expr, { k: 'fmt' }>, args: Value[]): Value {
    const text = this.formatPieces(e.pieces, args);
    switch (e.macro) {
      case 'println':
        this.print('stdout', text + '\n', e.span.start);
        return UNIT;
      case 'print':
        this.print('stdout', text, e.span.start);
        return UNIT;
      case 'eprintln':
        this.print('stderr', text + '\n', e.span.start);
        return UNIT;
      case 'eprint':
        this.print('stderr', text, e.span.start);
        return UNIT;
      case 'format':
        return new RString(text);
      case 'panic':
        return this.panic(e.pieces.length ? text : 'explicit panic', e.span);
      case 'unreachable':
        return this.panic(
          e.pieces.length
            ? `internal error: entered unreachable code: ${text}`
            : 'internal error: entered unreachable code',
          e.span,
        );
      case 'todo':
        return this.panic(e.pieces.length ? `not yet implemented: ${text}` : 'not yet implemented', e.span);
      case 'unimplemented':
        return this.panic(e.pieces.length ? `not implemented: ${text}` : 'not implemented', e.span);
    }
  }

  private assertMacro(e: Extract<Expr, { k: 'assert' }>, args: Value[], msg: Value | null): Value {
    const custom = msg === null ? null : (deref(msg) as RString).s;
    if (e.macro === 'assert' || e.macro === 'debug_assert') {
      if (!truthy(args[0]!, (m) => this.panic(m, e.span))) {
        const src = this.program.program.source.slice(e.args[0]!.span.start, e.args[0]!.span.end);
        this.panic(custom ?? `assertion failed: ${src}`, e.span);
      }
      return UNIT;
    }
    const eq = equals(args[0]!, args[1]!);
    const want = e.macro.endsWith('_eq');
    if (eq !== want) {
      const l = formatValue(
        args[0]!,
        {
          arg: 0,
          debug: true,
          pretty: false,
          width: null,
          precision: null,
          fill: ' ',
          align: null,
          sign: false,
          zero: false,
          alt: false,
          radix: '',
        },
        null,
        null,
      );
      const r = formatValue(
        args[1]!,
        {
          arg: 0,
          debug: true,
          pretty: false,
          width: null,
          precision: null,
          fill: ' ',
          align: null,
          sign: false,
          zero: false,
          alt: false,
          radix: '',
        },
        null,
        null,
      );
      const kind = want ? '==' : '!=';
      this.panic(
        `assertion \`left ${kind} right\` failed${custom ? `: ${custom}` : ''}\n  left: ${l}\n right: ${r}`,
        e.span,
      );
    }
    return UNIT;
  }

  private matchesMacro(e: Extract<Expr, { k: 'matches' }>, v: Value, f: Frame): Value {
    if (!matches(e.pat, v, this.constLookup)) return false;
    if (!e.guard) return true;
    bind(e.pat, v, null, f, true, this.constLookup);
    try {
      return truthy(this.evs(e.guard, f), (m) => this.panic(m, e.span));
    } finally {
      for (const s of e.scope!.slots) {
        f.slots[s] = undefined;
        f.owned[s] = 0;
      }
    }
  }
}

// ============================================================================================ helpers

/** Place expressions name existing storage; everything else produces a temporary. */
export function isPlaceExpr(e: Expr): boolean {
  return (
    (e.k === 'path' && e.res?.kind === 'local') ||
    e.k === 'field' ||
    e.k === 'index' ||
    (e.k === 'unary' && e.op === '*')
  );
}

/** Values that deref to an inner place: references, `Arc`, guards, `Box`. */
export function derefPlaceOf(v: Value): Place | null {
  if (v instanceof RRef) return v.place;
  if (typeof v === 'object') {
    const d = (v as { derefPlace?: () => Place | null }).derefPlace;
    if (d) return d.call(v);
  }
  return null;
}

function derefOnce(v: Value): Value {
  const p = typeof v === 'object' ? derefPlaceOf(v) : null;
  return p ? p.get() : v;
}

/** `Clone::clone` for the values `vec![x; n]` copies. */
export function cloneValue(interp: Interp, v: Value): Value {
  const x = v;
  if (typeof x !== 'object' || x.isCopy()) return x;
  if (x instanceof RString) return new RString(x.s);
  if (x instanceof RVec)
    return new RVec(
      x.items.map((i) => cloneValue(interp, i)),
      x.array,
    );
  if (x instanceof RTuple) return new RTuple(x.items.map((i) => cloneValue(interp, i)));
  if (x instanceof REnum)
    return new REnum(
      x.enumName,
      x.variant,
      x.values.map((i) => cloneValue(interp, i)),
      x.names,
      x.def,
    );
  if (x instanceof RStruct)
    return new RStruct(
      x.def,
      x.fields.map((i) => cloneValue(interp, i)),
    );
  const c = (x as { cloneValue?: (w: World) => Value }).cloneValue;
  if (c) return c.call(x, interp.world);
  return interp.unsupported(`\`{x.typeName()}\` cannot be cloned`);
}
