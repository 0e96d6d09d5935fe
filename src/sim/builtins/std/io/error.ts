/**
 * `std::io::Error` and `std::io::ErrorKind`, printed the way std prints them: an OS error shows its errno
 * (`Connection refused (os error 111)`, Debug `Os { code: 111, kind: ConnectionRefused, message: .. }`), a
 * `const_error!` shows its message (Debug `Error { kind: .., message: .. }`), an `io::Error::new` shows its
 * payload (Debug `Custom { kind: .., error: .. }`), a bare kind shows the kind's words (Debug `Kind(..)`).
 */
import type { SelfFormatting } from '../../../format';
import { ERRNO, type Errno } from '../../../net/network';
import { NONE, REnum, RObject, RString, deref, errVal, some } from '../../../values';
import { defineConst, defineFn, defineMethods } from '../../../interp/registry';

/** `ErrorKind::as_str` (what `{}` of a kind, and of a bare-kind error, prints). */
const KIND_WORDS: Record<string, string> = {
  NotFound: 'entity not found',
  PermissionDenied: 'permission denied',
  ConnectionRefused: 'connection refused',
  ConnectionReset: 'connection reset',
  ConnectionAborted: 'connection aborted',
  NotConnected: 'not connected',
  AddrInUse: 'address in use',
  AddrNotAvailable: 'address not available',
  BrokenPipe: 'broken pipe',
  AlreadyExists: 'entity already exists',
  WouldBlock: 'operation would block',
  InvalidInput: 'invalid input parameter',
  InvalidData: 'invalid data',
  TimedOut: 'timed out',
  WriteZero: 'write zero',
  Interrupted: 'operation interrupted',
  Unsupported: 'unsupported',
  UnexpectedEof: 'unexpected end of file',
  Other: 'other error',
};

class RErrorKind extends REnum implements SelfFormatting {
  constructor(variant: string) {
    super('ErrorKind', variant, []);
  }
  fmtDisplay(): string {
    return KIND_WORDS[this.variant] ?? this.variant;
  }
  fmtDebug(): string {
    return this.variant;
  }
  override isCopy(): boolean {
    return true;
  }
}

export function errorKind(variant: string): REnum {
  return new RErrorKind(variant);
}

type Repr =
  | { readonly t: 'os'; readonly errno: Errno }
  | { readonly t: 'simple'; readonly kind: string; readonly message: string }
  | { readonly t: 'custom'; readonly kind: string; readonly message: string }
  | { readonly t: 'kind'; readonly kind: string };

export class RIoError extends RObject implements SelfFormatting {
  constructor(readonly repr: Repr) {
    super();
  }
  typeName(): string {
    return 'std::io::Error';
  }
  get kind(): string {
    return this.repr.t === 'os' ? ERRNO[this.repr.errno].kind : this.repr.kind;
  }
  fmtDisplay(): string {
    const r = this.repr;
    switch (r.t) {
      case 'os':
        return `${ERRNO[r.errno].message} (os error ${ERRNO[r.errno].code})`;
      case 'simple':
      case 'custom':
        return r.message;
      case 'kind':
        return KIND_WORDS[r.kind] ?? r.kind;
    }
  }
  fmtDebug(pretty: boolean): string {
    const r = this.repr;
    const fields = (name: string, entries: [string, string][]) =>
      pretty
        ? `${name} {\n${entries.map(([k, v]) => `    ${k}: ${v},\n`).join('')}}`
        : `${name} { ${entries.map(([k, v]) => `${k}: ${v}`).join(', ')} }`;
    switch (r.t) {
      case 'os': {
        const e = ERRNO[r.errno];
        return fields('Os', [
          ['code', String(e.code)],
          ['kind', e.kind],
          ['message', JSON.stringify(e.message)],
        ]);
      }
      case 'simple':
        return fields('Error', [
          ['kind', r.kind],
          ['message', JSON.stringify(r.message)],
        ]);
      case 'custom':
        return fields('Custom', [
          ['kind', r.kind],
          ['error', JSON.stringify(r.message)],
        ]);
      case 'kind':
        return `Kind(${r.kind})`;
    }
  }
}

export const osError = (errno: Errno): REnum => errVal(new RIoError({ t: 'os', errno }));
export const simpleError = (kind: string, message: string): REnum =>
  errVal(new RIoError({ t: 'simple', kind, message }));
export const customError = (kind: string, message: string): REnum =>
  errVal(new RIoError({ t: 'custom', kind, message }));
export const kindError = (kind: string): REnum => errVal(new RIoError({ t: 'kind', kind }));

for (const variant of Object.keys(KIND_WORDS))
  defineConst(['std::io::ErrorKind::' + variant, 'tokio::io::ErrorKind::' + variant], {
    value: () => errorKind(variant),
  });

defineFn(['std::io::Error::new', 'tokio::io::Error::new'], {
  pure: true,
  call: (_c, [kind, msg]) => {
    const k = deref(kind!);
    const m = deref(msg!);
    return new RIoError({
      t: 'custom',
      kind: k instanceof REnum ? k.variant : 'Other',
      message: m instanceof RString ? m.s : String(m),
    });
  },
});

defineFn(['std::io::Error::other'], {
  pure: true,
  call: (_c, [msg]) => {
    const m = deref(msg!);
    return new RIoError({ t: 'custom', kind: 'Other', message: m instanceof RString ? m.s : String(m) });
  },
});

defineMethods(RIoError, 'std::io::Error', {
  kind: (_c, self) => errorKind((deref(self) as RIoError).kind),
  raw_os_error: (_c, self) => {
    const r = (deref(self) as RIoError).repr;
    return r.t === 'os' ? some(ERRNO[r.errno].code) : NONE;
  },
});
