/**
 * The interpreter's state and its contract: what every layer of the interpreter shares (the world, the
 * program, the current site, the async bodies being polled, the pending block request), the entry points the
 * runtime calls (interpreter.ts's `Interp` implements world.ts's `Interpreter`), panics and printing, and the
 * abstract methods one layer calls on another.
 *
 * The interpreter is one class split over files by concern, each file one layer of the class: core →
 * scopes → places → calls → control → awaits → macros → expressions → interpreter. A layer calls layers
 * below it directly and layers above it through the abstract methods declared here, so no file imports a
 * file above it. Builtins see this class (`CallCtx.interp`, registry.ts), never a builtin module.
 */
import { assert } from '../../base';
import type { Block, Expr, FnItem, PathRes } from '../../lang/ast';
import { LineIndex, type Span } from '../../lang/diagnostics';
import type { ResolvedProgram } from '../../lang/resolve';
import { PRINT_COST_NS } from '../costs';
import type { SimFuture } from '../future';
import { LimitError, type BlockRequest } from '../machine';
import { RustPanic, UnsupportedError } from '../panic';
import type { Gen, NativeResult } from '../poll';
import { Waker, wakeTask, type PollCx, type Task } from '../task';
import { RObject, type Place, type Value } from '../values';
import type { Interpreter, World } from '../world';
import type { Frame } from './frame';
import { STACK_FRAMES } from './stack';
import { TraitTable } from './traits';

/** An async body being polled on this thread (async-future.ts `AsyncFnFuture`), as `.await` sees it. */
export interface AsyncBody extends SimFuture {
  enterSuspend(k: number, sp: Span): void;
  leaveSuspend(sp: Span): void;
}

/** A builtin's or a call's result is a generator when it may suspend. */
export function isGen(x: unknown): x is Gen<Value> {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as { next?: unknown }).next === 'function' &&
    !(x instanceof RObject)
  );
}

export abstract class InterpCore implements Interpreter {
  /** The current evaluation site, for panic messages and diagnostics. */
  site: Span | null = null;

  /** Set when a poll blocks its thread; the harness hands it to the machine. */
  private pendingBlock: BlockRequest | null = null;

  /** The async bodies being polled on the current thread, innermost last (for `.await`). */
  readonly pollStack: { future: AsyncBody; cx: PollCx }[] = [];

  /** Line numbers for offsets in the program (suspend points, panic locations). */
  readonly lines: LineIndex;

  private panicNoteShown = false;

  mainResult: { ok: Value } | { panic: RustPanic } | null = null;

  /** The program's impls, found by type at run time (trait methods, defaults, blanket impls). */
  readonly traits: TraitTable;

  constructor(
    readonly world: World,
    readonly program: ResolvedProgram,
  ) {
    this.lines = new LineIndex(program.program.source);
    this.traits = new TraitTable(program);
  }

  /**
   * Runs a program's fn to completion where Rust calls it from inside std (a `Display` impl during
   * formatting, `PartialOrd` during a sort, `Add` for `+`): it must not block its thread or await.
   */
  runUserSync(item: FnItem, args: Value[], self: Value | null, selfKey: string | null): Value {
    const r = this.callFnItem(item, args, self, selfKey);
    if (!isGen(r)) return r;
    const step = r.next();
    if (!step.done) {
      r.return(undefined as never);
      return this.unsupported(
        `\`${item.name}\` blocked its thread or awaited where std calls it synchronously; Pollscope cannot run that yet`,
        item.nameSpan,
      );
    }
    return step.value;
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

  /** Prints a panic message to stderr the way Rust's default hook does. */
  reportPanic(p: RustPanic): void {
    if (p.reported) return;
    p.reported = true;
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

  /** A panic whose payload is a `&'static str` (a message known at compile time: `panic!("boom")`). */
  panicStatic(message: string, sp: Span | null = this.site): never {
    const p = new RustPanic(message, sp);
    p.strPayload = true;
    throw p;
  }

  unsupported(message: string, sp: Span | null = this.site, hint?: string): never {
    throw new UnsupportedError(message, sp, hint);
  }

  wakerFor(task: Task): Waker {
    return new Waker(task, false);
  }

  wakeTaskByRef(task: Task, resource: number): void {
    wakeTask(this.world, task, 'wake_by_ref', resource);
  }

  /** The async body currently being polled on this thread. */
  currentPoll(sp: Span): { future: AsyncBody; cx: PollCx } {
    const top = this.pollStack[this.pollStack.length - 1];
    if (!top) this.unsupported('`.await` outside of a polled future', sp);
    return top;
  }

  // ------------------------------------------------------------------------------ the program's stack

  /** Estimated JS frames the program's evaluation holds on the current JS stack (stack.ts). */
  stackFrames = 0;

  /** A body starts running on the stack: past `STACK_FRAMES`, the run ends with a stack overflow. */
  enterBody(weight: number): void {
    if (this.stackFrames + weight > STACK_FRAMES)
      throw new LimitError(
        "stack overflow: calls nested deeper than Pollscope's stack holds (a recursion without a base case?)",
      );
    this.stackFrames += weight;
  }

  leaveBody(weight: number): void {
    this.stackFrames -= weight;
  }

  /**
   * Resumes a chain of generators from the top of the JS stack (a poll, a thread's step, a drop): it holds
   * what it held when it last suspended (`saved.frames`), on top of what is below it now; what it still
   * holds when it suspends again is saved for the next resumption.
   */
  resumeOnOwnStack<T>(saved: { frames: number }, resume: () => T): T {
    const base = this.stackFrames;
    this.stackFrames = base + saved.frames;
    try {
      return resume();
    } finally {
      saved.frames = this.stackFrames - base;
      this.stackFrames = base;
    }
  }

  // ------------------------------------------------------------------------------ implemented by upper layers

  abstract dropValue(v: Value): void;

  abstract callForThread(callee: Value, args: Value[]): Gen<Value>;

  abstract callFnItem(item: FnItem, args: Value[], self: Value | null, selfKey?: string | null): NativeResult;

  abstract dropFrameSlots(f: Frame, from: number): void;

  abstract callValue(callee: Value, args: Value[], sp: Span | null): NativeResult;

  abstract block(b: Block, f: Frame): Gen<Value>;

  abstract readonly constLookup: (res: PathRes) => Value | null;

  abstract ev(e: Expr, f: Frame): Gen<Value>;

  abstract place(e: Expr, f: Frame): Gen<Place>;

  abstract evs(e: Expr, f: Frame): Value;
}
