/**
 * Blocks and expressions: scopes of blocks and match arms, closures and async blocks (captures), `break` /
 * `continue` targets, `.await` / `select!` / `join!` suspend points with the locals alive across them, moves
 * versus borrows, and the `sync` mark. A new expression kind gets a case in `exprInner`.
 */
import type { Block, Expr, MatchArm } from '../ast';
import { CompileError, type Span } from '../diagnostics';
import { PathResolver } from './paths';
import { lineOf, newInfo } from './scopes';

/** Methods that can be evaluated without generators: no user code, no blocking, no futures polled. */
const PURE_METHODS = new Set([
  'len',
  'is_empty',
  'clone',
  'to_string',
  'to_owned',
  'as_str',
  'as_millis',
  'as_secs',
  'as_micros',
  'as_nanos',
  'as_secs_f64',
  'is_some',
  'is_none',
  'is_ok',
  'is_err',
  'unwrap_or',
  'push',
  'push_str',
  'contains',
  'abs',
  'min',
  'max',
  'pow',
  'wrapping_add',
  'wrapping_sub',
  'wrapping_mul',
  'saturating_sub',
  'saturating_add',
  'checked_add',
  'checked_sub',
  'to_uppercase',
  'to_lowercase',
  'trim',
  'starts_with',
  'ends_with',
  'get',
  'first',
  'last',
  'pop',
  'insert',
  'remove',
  'clear',
  'is_finished',
  'elapsed',
  'duration_since',
  'will_wake',
  'as_ref',
  'as_mut',
  'iter',
  'chars',
  'bytes',
  'rev',
  'unwrap',
  'expect',
  'borrow',
  'is_cancelled',
  'is_panic',
  'fetch_add',
  'fetch_sub',
  'load',
  'store',
  'take',
  'split_whitespace',
  'lines',
  'is_closed',
  'capacity',
  'available_permits',
  'receiver_count',
  'sender_count',
  'swap',
  'sort',
  'reverse',
  'join',
  'contains_key',
  'keys',
  'values',
  'with_capacity',
  'checked_div',
  'as_bytes',
]);

/** Zero-argument methods that, on an iterator, pull it to the end (running its adapters' closures). */
const ITERATOR_CONSUMERS = new Set(['min', 'max', 'last']);

export abstract class ExprResolver extends PathResolver {
  protected block(b: Block, use: 'move' | 'ref'): boolean {
    const outer = this.scope;
    const items = this.enterItemBlock(b);
    if (items) this.scope = items;
    try {
      return this.blockInner(b, use);
    } finally {
      this.scope = outer;
    }
  }

  private blockInner(b: Block, use: 'move' | 'ref'): boolean {
    b.scope = this.pushBlock();
    let sync = true;
    for (const s of b.stmts) {
      switch (s.k) {
        case 'let': {
          if (s.init) sync = this.expr(s.init, 'move') && sync;
          if (s.else) sync = this.block(s.else, 'move') && sync;
          this.pattern(s.pat);
          break;
        }
        case 'expr':
          sync = this.expr(s.expr, 'move') && sync;
          break;
        case 'item':
        case 'empty':
          break;
      }
    }
    if (b.tail) sync = this.expr(b.tail, use) && sync;
    this.popBlock();
    return sync;
  }

  /**
   * Resolves an expression; `use` says whether its value is moved out ('move') or borrowed ('ref').
   * Returns whether the expression is `sync` (cannot suspend the future or block the thread).
   */
  /** Resolving an assignment target or a `&mut` operand: a field there is written, not just read. */
  private writing = false;
  /** `&mut v[a..b]` arguments of method calls, which builtins write back whole. */
  private readonly subSliceArgs = new WeakSet<Expr>();
  /** The sub-slice index expression an allowed `&mut` is about to resolve. */
  private subSliceOk: Expr | null = null;

  private writingTo(f: () => boolean): boolean {
    const saved = this.writing;
    this.writing = true;
    try {
      return f();
    } finally {
      this.writing = saved;
    }
  }

  protected expr(e: Expr, use: 'move' | 'ref'): boolean {
    const sync = this.exprInner(e, use);
    (e as { sync?: boolean }).sync = sync;
    return sync;
  }

  private exprInner(e: Expr, use: 'move' | 'ref'): boolean {
    switch (e.k) {
      case 'lit':
        return true;
      case 'path':
        e.res = this.resolvePath(e.segs, e.span, e.qtrait ?? null);
        e.use = use;
        return true;
      case 'unary':
        return this.expr(e.expr, 'ref');
      case 'ref':
        if (e.mut && isSubSlice(e.expr)) {
          // A builtin method writes the whole sub-slice back (`stream.read(&mut buf[n..])`); anything else
          // would write into a copy.
          if (!this.subSliceArgs.has(e)) refuseSubSliceWrite(e.span);
          this.subSliceOk = e.expr;
        }
        return e.mut ? this.writingTo(() => this.expr(e.expr, 'ref')) : this.expr(e.expr, 'ref');
      case 'binary': {
        // Resolve both sides before combining: a short-circuiting `&&` would leave the right side
        // unresolved whenever the left one is not sync (`f() + x`).
        const l = this.expr(e.left, 'ref');
        const r = this.expr(e.right, 'ref');
        return l && r;
      }
      case 'assign': {
        const v = this.expr(e.value, 'move');
        return this.writingTo(() => this.expr(e.target, 'ref')) && v;
      }
      case 'cast':
        return this.expr(e.expr, 'ref');
      case 'call': {
        let sync = true;
        let calleeSync = true;
        if (e.callee.k === 'path') {
          this.expr(e.callee, 'ref');
          const res = e.callee.res!;
          if (res.kind === 'builtin') calleeSync = this.oracle.pure(res.name);
          else if (res.kind === 'local' || res.kind === 'assoc' || res.kind === 'const') calleeSync = false;
          else if (res.kind === 'fn' || res.kind === 'method') calleeSync = res.item.async ? true : false;
          else if (res.kind === 'variant' && typeof res.arity === 'number' && res.arity !== e.args.length)
            // Nothing checks a variant's arity at run time: `E::A()` would build an `A` with no payload.
            throw new CompileError(
              `this enum variant takes ${res.arity} field(s) but ${e.args.length} were supplied`,
              e.span,
            );
        } else {
          this.expr(e.callee, 'ref');
          calleeSync = false;
        }
        for (const a of e.args) sync = this.expr(a, 'move') && sync;
        return sync && calleeSync;
      }
      case 'method': {
        if (e.receiver.k === 'index' && e.receiver.index.k === 'range' && SLICE_MUTATORS.has(e.name))
          refuseSubSliceWrite(e.receiver.span);
        let sync = this.expr(e.receiver, 'ref');
        // Not when the program has a method of that name: a user fn would write into the copy.
        if (!this.anyImplProvides(e.name))
          for (const a of e.args) if (a.k === 'ref' && a.mut && isSubSlice(a.expr)) this.subSliceArgs.add(a);
        for (const a of e.args) sync = this.expr(a, 'move') && sync;
        // Methods can run user code (user impls, closures passed in) or block (std Mutex::lock).
        // `it.min()` / `it.max()` / `it.last()` drain an iterator, whose closures may block; `a.min(b)` cannot.
        if (e.args.length === 0 && ITERATOR_CONSUMERS.has(e.name)) return false;
        return sync && PURE_METHODS.has(e.name) && !this.oracle.blockingMethods.has(e.name);
      }
      case 'field': {
        if (e.expr.k !== 'path' || e.expr.segs.length !== 1 || this.writing) return this.expr(e.expr, 'ref');
        this.fieldRead = e.name;
        try {
          return this.expr(e.expr, 'ref');
        } finally {
          this.fieldRead = null;
        }
      }
      case 'index': {
        if (this.writing && e.index.k === 'range' && this.subSliceOk !== e) refuseSubSliceWrite(e.span);
        this.subSliceOk = null;
        const x = this.expr(e.expr, 'ref');
        const saved = this.writing;
        this.writing = false;
        const i = this.expr(e.index, 'ref');
        this.writing = saved;
        return x && i;
      }
      case 'range': {
        const a = e.from ? this.expr(e.from, 'move') : true;
        const b = e.to ? this.expr(e.to, 'move') : true;
        return a && b;
      }
      case 'block':
        if (e.label === null) return this.block(e.block, use);
        return this.jumpTarget(e.label, false, () => this.block(e.block, use));
      case 'if': {
        this.pushBlock();
        const c = this.cond(e.cond);
        const t = this.block(e.then, use);
        this.popBlock();
        const el = e.else ? this.expr(e.else, use) : true;
        return c && t && el;
      }
      case 'let':
        // Only reached through cond().
        throw new CompileError('`let` expressions are only allowed in `if` and `while` conditions', e.span);
      case 'match': {
        let sync = this.expr(e.scrutinee, 'ref');
        for (const arm of e.arms) sync = this.arm(arm, use) && sync;
        return sync;
      }
      case 'while': {
        e.scope = this.pushBlock();
        const c = this.cond(e.cond);
        const b = this.jumpTarget(e.label, true, () => this.block(e.body, 'move'));
        this.popBlock();
        return c && b;
      }
      case 'loop':
        return this.jumpTarget(e.label, true, () => this.block(e.body, 'move'));
      case 'for': {
        this.expr(e.iter, 'move');
        e.scope = this.pushBlock();
        this.pattern(e.pat);
        this.jumpTarget(e.label, true, () => this.block(e.body, 'move'));
        this.popBlock();
        // Never sync: every pull may block the thread (`for v in rx` over a std mpsc Receiver).
        return false;
      }
      case 'break':
        this.checkJump('break', e.label, e.span);
        return e.value ? this.expr(e.value, 'move') : true;
      case 'continue':
        this.checkJump('continue', e.label, e.span);
        return true;
      case 'return':
        return e.value ? this.expr(e.value, 'move') : true;
      case 'closure': {
        const info = newInfo('closure');
        e.fn = info;
        this.withFnScope(info, e.move, false, () => {
          this.pushBlock();
          for (const p of e.params) this.pattern(p.pat);
          this.expr(e.body, 'move');
          this.popBlock();
        });
        return true;
      }
      case 'async': {
        const line = lineOf(this.program.source, e.span.start);
        const info = newInfo(`AsyncBlock${line}Future`);
        this.asyncBlockCount++;
        e.fn = info;
        this.withFnScope(info, e.move, true, () => {
          this.block(e.block, 'move');
        });
        return true;
      }
      case 'await': {
        this.requireAsync(e.span, '.await');
        this.expr(e.expr, 'move');
        e.suspend = this.suspendPoint(e.span);
        return false;
      }
      case 'try': {
        // `?` in a fn returning `Result<_, E>` converts the error with `From` into E.
        const ret = this.fn && !this.fn.parent ? this.retTy : null;
        const errTy = ret?.k === 'path' && ret.args.length === 2 ? this.typeRefOf(ret.args[1]!) : null;
        if (errTy) e.errTy = errTy;
        return this.expr(e.expr, 'move');
      }
      case 'struct': {
        const res = this.resolveStructPath(e.path);
        if (!res) throw new CompileError(`cannot find struct \`${e.path.join('::')}\` in this scope`, e.span);
        e.res = res;
        let sync = true;
        for (const f of e.fields) sync = this.expr(f.value, 'move') && sync;
        if (e.base) sync = this.expr(e.base, 'move') && sync;
        return sync;
      }
      case 'tuple':
      case 'array': {
        let sync = true;
        for (const x of e.items) sync = this.expr(x, 'move') && sync;
        return sync;
      }
      case 'repeat': {
        const v = this.expr(e.value, 'move');
        const n = this.expr(e.count, 'move');
        return v && n;
      }
      case 'fmt': {
        let sync = e.dest ? this.expr(e.dest, 'ref') : true;
        for (const a of e.args) sync = this.expr(a, 'ref') && sync;
        // A user `impl Display` runs user code while formatting.
        return sync;
      }
      case 'assert': {
        let sync = true;
        for (const a of e.args) sync = this.expr(a, 'ref') && sync;
        if (e.message) sync = this.expr(e.message, 'ref') && sync;
        return sync;
      }
      case 'matches': {
        const s = this.expr(e.expr, 'ref');
        e.scope = this.pushBlock();
        this.pattern(e.pat);
        const g = e.guard ? this.expr(e.guard, 'ref') : true;
        this.popBlock();
        return s && g;
      }
      case 'select': {
        this.requireAsync(e.span, 'select!');
        for (const b of e.branches) {
          this.expr(b.fut, 'move');
          if (b.guard) this.expr(b.guard, 'ref');
        }
        e.suspend = this.suspendPoint(e.span);
        for (const b of e.branches) {
          b.scope = this.pushBlock();
          this.pattern(b.pat);
          this.expr(b.body, use);
          this.popBlock();
        }
        if (e.else) this.expr(e.else, use);
        if (e.futures?.complete) this.expr(e.futures.complete, use);
        if (e.futures?.default) this.expr(e.futures.default, use);
        return false;
      }
      case 'join': {
        this.requireAsync(e.span, e.tryJoin ? 'try_join!' : 'join!');
        for (const f of e.futs) this.expr(f, 'move');
        e.suspend = this.suspendPoint(e.span);
        return false;
      }
      case 'pin':
        // `pin!(fut)` pins the binding in place (it shadows it with `Pin<&mut _>`): nothing moves.
        return this.expr(e.expr, e.expr.k === 'path' ? 'ref' : use);
    }
  }

  private arm(arm: MatchArm, use: 'move' | 'ref'): boolean {
    arm.scope = this.pushBlock();
    this.pattern(arm.pat);
    const g = arm.guard ? this.expr(arm.guard, 'ref') : true;
    const b = this.expr(arm.body, use);
    this.popBlock();
    return g && b;
  }

  /** An `if`/`while` condition; `let` patterns bind into the enclosing (already pushed) block. */
  private cond(c: Expr): boolean {
    if (c.k === 'let') {
      const s = this.expr(c.expr, 'ref');
      c.scope = this.fn!.blocks[this.fn!.blocks.length - 1]!.scope;
      this.pattern(c.pat);
      (c as { sync?: boolean }).sync = s;
      return s;
    }
    return this.expr(c, 'move');
  }

  /** Resolves the body of a loop or labelled block, which `break` (and, for loops, `continue`) may target. */
  private jumpTarget<T>(label: string | null, loop: boolean, body: () => T): T {
    const targets = this.fn!.jumpTargets;
    targets.push({ label, loop });
    try {
      return body();
    } finally {
      targets.pop();
    }
  }

  /**
   * A `break` or `continue` must have somewhere to go in its own function body (closures and async blocks
   * are bodies of their own), as rustc checks; the interpreter relies on it.
   */
  private checkJump(what: 'break' | 'continue', label: string | null, sp: Span): void {
    const targets = this.fn!.jumpTargets;
    if (label !== null) {
      let target: { label: string | null; loop: boolean } | undefined;
      for (let i = targets.length - 1; i >= 0 && !target; i--)
        if (targets[i]!.label === label) target = targets[i];
      if (!target) throw new CompileError(`use of undeclared label \`${label}\``, sp);
      if (what === 'continue' && !target.loop)
        throw new CompileError(
          `\`continue\` pointing to a labeled block`,
          sp,
          'labeled blocks cannot be `continue`d',
        );
      return;
    }
    const inner = targets[targets.length - 1];
    if (inner === undefined)
      throw new CompileError(
        what === 'break' ? '`break` outside of a loop or labeled block' : '`continue` outside of a loop',
        sp,
        this.fn!.parent
          ? 'a closure or async block is a body of its own: it cannot leave a loop around it'
          : undefined,
      );
    if (!inner.loop)
      throw new CompileError(
        `unlabeled \`${what}\` inside of a labeled block`,
        sp,
        `name the target: \`${what} ${inner.label}\``,
      );
  }

  private requireAsync(sp: Span, what: string): void {
    if (!this.fn!.isAsync)
      throw new CompileError(
        `\`${what}\` is only allowed inside \`async\` functions and blocks`,
        sp,
        'make the enclosing function `async fn`, or use an `async` block',
      );
  }

  private suspendPoint(sp: Span): number {
    const info = this.fn!.info;
    const live: number[] = [];
    for (const b of this.fn!.blocks) for (const s of b.scope.slots) live.push(s);
    for (const c of info.captures) if (!live.includes(c.slot)) live.push(c.slot);
    info.suspends.push({ span: sp, live: live.sort((a, b) => a - b) });
    return info.suspends.length - 1;
  }
}

function isSubSlice(e: Expr): boolean {
  return e.k === 'index' && e.index.k === 'range';
}

/** Slice methods that write through `&mut self`: on `v[a..b]` they would change a copy here. */
const SLICE_MUTATORS = new Set([
  'sort',
  'sort_unstable',
  'sort_by',
  'sort_by_key',
  'sort_unstable_by',
  'sort_unstable_by_key',
  'sort_by_cached_key',
  'reverse',
  'fill',
  'fill_with',
  'swap',
  'rotate_left',
  'rotate_right',
  'copy_from_slice',
  'clone_from_slice',
  'iter_mut',
  'first_mut',
  'last_mut',
  'get_mut',
  'split_at_mut',
  'chunks_mut',
  'make_ascii_uppercase',
  'make_ascii_lowercase',
]);

/**
 * `&mut v[a..b]`, `v[a..b][i] = x`, `v[a..b].sort()`: a sub-slice is a copy in the simulator, so writes
 * through it would be lost silently; refused before the run instead.
 */
function refuseSubSliceWrite(sp: Span): never {
  throw new CompileError(
    'writing through a sub-slice (`&mut v[a..b]`) is not supported by Pollscope yet',
    sp,
    'index the vector itself (`v[a + i] = x`), or call the method on the whole vector',
  );
}
