/**
 * Callable values: closures (with the values a `move` closure captured), fn items used as values, and the
 * constructors of tuple structs and tuple variants (`Some`, `Point`, `Shape::Circle`).
 */
import type { EnumItem, Expr, FnItem, StructItem } from '../../lang/ast';
import { RObject, type Value } from '../values';
import type { Frame } from './frame';

export class RClosure extends RObject {
  constructor(
    readonly node: Extract<Expr, { k: 'closure' }>,
    /** The creating frame, for by-reference captures. */
    readonly parent: Frame,
    /** By-move captures, indexed by the closure frame's slot. */
    readonly captured: Value[],
  ) {
    super();
  }
  dropped = false;
  typeName(): string {
    return 'closure';
  }
}

export class RFnItem extends RObject {
  constructor(readonly item: FnItem) {
    super();
  }
  typeName(): string {
    return `fn ${this.item.name}`;
  }
  override isCopy(): boolean {
    return true;
  }
}

export class RStructCtor extends RObject {
  constructor(readonly def: StructItem) {
    super();
  }
  typeName(): string {
    return `fn ${this.def.name}`;
  }
  override isCopy(): boolean {
    return true;
  }
}

export class RVariantCtor extends RObject {
  constructor(
    readonly enumName: string,
    readonly variant: string,
    readonly def: EnumItem | null,
  ) {
    super();
  }
  typeName(): string {
    return `fn ${this.enumName}::${this.variant}`;
  }
  override isCopy(): boolean {
    return true;
  }
}

/** A builtin function used as a value (`tokio::spawn` passed somewhere). */
export class RBuiltinFnValue extends RObject {
  constructor(readonly name: string) {
    super();
  }
  typeName(): string {
    return `fn ${this.name}`;
  }
  override isCopy(): boolean {
    return true;
  }
}

/**
 * A closure the simulator makes itself (the blocking work of a `tokio::fs` call): called with no
 * arguments on the thread that runs it, it runs `run` there.
 */
export class RNativeFn extends RObject {
  constructor(
    readonly name: string,
    readonly run: () => Value,
  ) {
    super();
  }
  typeName(): string {
    return `closure (${this.name})`;
  }
}

/** What `callValue` can call (a closure, a fn item, a constructor): checked where a builtin keeps one for later. */
export function isCallable(v: Value): boolean {
  return (
    v instanceof RClosure || v instanceof RFnItem || v instanceof RStructCtor || v instanceof RVariantCtor
  );
}
