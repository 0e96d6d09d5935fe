/**
 * The paths and names the file system hands out: `PathBuf` / `&Path` (`std::path`; `Path::new`,
 * `display`, `to_str`, `to_string_lossy`, `file_name`, `join`, `extension`) and `OsString` (a
 * `DirEntry`'s name: `to_string_lossy`, `to_str`, `into_string`). Both print their Debug as a quoted
 * string; a path's Display is `display()`'s.
 */
import type { SelfFormatting } from '../../../format';
import { defineFn, defineMethods, type CallCtx } from '../../../interp/registry';
import { deref, NONE, okVal, RObject, RString, some, type Value } from '../../../values';
import { str } from '../../support';

export class RPath extends RObject implements SelfFormatting {
  constructor(readonly path: string) {
    super();
  }
  typeName(): string {
    return 'PathBuf';
  }
  fmtDebug(): string {
    return JSON.stringify(this.path);
  }
}

/** `path.display()`: what `{}` prints. */
class RPathDisplay extends RObject implements SelfFormatting {
  constructor(readonly path: string) {
    super();
  }
  typeName(): string {
    return 'Display';
  }
  fmtDisplay(): string {
    return this.path;
  }
  fmtDebug(): string {
    return JSON.stringify(this.path);
  }
}

export class ROsString extends RObject implements SelfFormatting {
  constructor(readonly s: string) {
    super();
  }
  typeName(): string {
    return 'OsString';
  }
  fmtDebug(): string {
    return JSON.stringify(this.s);
  }
}

/** A path argument (`impl AsRef<Path>`): a `&str`, a `String`, a `PathBuf`, an `OsString`. */
export function pathArg(ctx: CallCtx, v: Value | undefined): string {
  const x = v === undefined ? undefined : deref(v);
  if (x instanceof RPath) return x.path;
  if (x instanceof ROsString) return x.s;
  const s = x === undefined ? null : str(x);
  if (s !== null) return s;
  return ctx.interp.unsupported('expected a path (a `&str`, a `String` or a `PathBuf`)');
}

/** `Path::join`: an absolute part replaces the path. */
export function joinPath(base: string, part: string): string {
  if (part.startsWith('/') || base === '') return part;
  return base.endsWith('/') ? base + part : `${base}/${part}`;
}

function fileName(p: string): string | null {
  const cs = p.split('/').filter((c) => c !== '' && c !== '.');
  const last = cs[cs.length - 1];
  return last === undefined || last === '..' ? null : last;
}

defineFn(['std::path::Path::new', 'std::path::PathBuf::from'], {
  pure: true,
  arity: 1,
  call: (ctx, [p]) => new RPath(pathArg(ctx, p)),
});

const pathOf = (self: Value) => (deref(self) as RPath).path;
defineMethods(RPath, 'std::path::PathBuf', {
  display: (_c, self) => new RPathDisplay(pathOf(self)),
  to_str: (_c, self) => some(pathOf(self)),
  to_string_lossy: (_c, self) => new RString(pathOf(self)),
  to_path_buf: (_c, self) => new RPath(pathOf(self)),
  file_name: (_c, self) => {
    const n = fileName(pathOf(self));
    return n === null ? NONE : some(new ROsString(n));
  },
  extension: (_c, self) => {
    const n = fileName(pathOf(self));
    const i = n === null ? -1 : n.lastIndexOf('.');
    return n === null || i <= 0 ? NONE : some(new ROsString(n.slice(i + 1)));
  },
  join: (ctx, self, [p]) => new RPath(joinPath(pathOf(self), pathArg(ctx, p))),
});

const osOf = (self: Value) => (deref(self) as ROsString).s;
defineMethods(ROsString, 'std::ffi::OsString', {
  to_string_lossy: (_c, self) => new RString(osOf(self)),
  to_str: (_c, self) => some(osOf(self)),
  into_string: (_c, self) => okVal(new RString(osOf(self))),
});
