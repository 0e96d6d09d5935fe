/**
 * `std::net::SocketAddr` / `IpAddr` values and `ToSocketAddrs`: what `bind` and `connect` accept (IPv4
 * literals only: tokio resolves other names on the blocking pool, which is not modelled).
 */
import type { SelfFormatting } from '../../../format';
import { defineMethods, type CallCtx } from '../../../interp/registry';
import { addrText, type SockAddr } from '../../../net/network';
import type { REnum } from '../../../values';
import { deref, RObject, RTuple, type Value } from '../../../values';
import { simpleError } from '../../std/io/error';
import { str } from '../../support';

export class RSocketAddr extends RObject implements SelfFormatting {
  constructor(readonly addr: SockAddr) {
    super();
  }
  typeName(): string {
    return 'SocketAddr';
  }
  fmtDisplay(): string {
    return addrText(this.addr);
  }
  fmtDebug(): string {
    return addrText(this.addr);
  }
  override isCopy(): boolean {
    return true;
  }
}

class RIpAddr extends RObject implements SelfFormatting {
  constructor(readonly ip: string) {
    super();
  }
  typeName(): string {
    return 'IpAddr';
  }
  fmtDisplay(): string {
    return this.ip;
  }
  fmtDebug(): string {
    return this.ip;
  }
  override isCopy(): boolean {
    return true;
  }
}

defineMethods(RSocketAddr, 'std::net::SocketAddr', {
  port: (_c, self) => (deref(self) as RSocketAddr).addr.port,
  ip: (_c, self) => new RIpAddr((deref(self) as RSocketAddr).addr.ip),
  is_ipv4: () => true,
  is_ipv6: () => false,
});

/** The four octets of an IPv4 address's text. */
function octets(v: Value): number[] {
  return (deref(v) as RIpAddr).ip.split('.').map(Number);
}

/** `IpAddr`'s predicates (std/src/net/ip_addr.rs), for the IPv4 addresses the simulated network has. */
defineMethods(RIpAddr, 'std::net::IpAddr', {
  is_loopback: (_c, self) => octets(self)[0] === 127,
  is_unspecified: (_c, self) => octets(self).every((o) => o === 0),
  is_multicast: (_c, self) => octets(self)[0]! >= 224 && octets(self)[0]! <= 239,
  is_ipv4: () => true,
  is_ipv6: () => false,
});

/**
 * `ToSocketAddrs`: a `"IP:PORT"` string, a `SocketAddr`, or `(ip, port)`. Anything that is not an IPv4
 * literal goes to DNS in tokio (on the blocking pool); std's parser then rejects a bad port with
 * `invalid port value` and a missing one with `invalid socket address`. Pollscope's loopback has no DNS.
 */
export function toSocketAddr(ctx: CallCtx, v: Value): SockAddr | REnum {
  const x = deref(v);
  if (x instanceof RSocketAddr) return x.addr;
  if (x instanceof RTuple && x.items.length === 2) {
    const host = str(x.items[0]!);
    const port = deref(x.items[1]!);
    if (host !== null && typeof port === 'number') return parseAddr(ctx, `${host}:${port}`);
  }
  const s = str(x);
  if (s === null) return ctx.interp.unsupported('expected an address like "127.0.0.1:8080"');
  return parseAddr(ctx, s);
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function parseAddr(ctx: CallCtx, s: string): SockAddr | REnum {
  const colon = s.lastIndexOf(':');
  if (colon < 0) return simpleError('InvalidInput', 'invalid socket address');
  const host = s.slice(0, colon);
  const portText = s.slice(colon + 1);
  if (!/^\d+$/.test(portText) || Number(portText) > 65535)
    return simpleError('InvalidInput', 'invalid port value');
  const m = IPV4.exec(host);
  if (!m || m.slice(1).some((o) => Number(o) > 255)) {
    if (host === 'localhost')
      return ctx.interp.unsupported(
        'Pollscope’s network has no DNS: write the address as "127.0.0.1:PORT" instead of "localhost:PORT"',
      );
    return ctx.interp.unsupported(
      `Pollscope’s network is loopback only: \`${s}\` is not an IPv4 address (use "127.0.0.1:PORT")`,
    );
  }
  return { ip: host, port: Number(portText) };
}
