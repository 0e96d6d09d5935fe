/**
 * The I/O driver and the loopback network, one mechanism per test, each named after the tokio (or Linux)
 * function it models (spec §8). Conformance with real tokio is tests/conformance/net_*; these pin the
 * *why* on the trace.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../trace/events';
import { simulate, type SimResult } from './simulate';

type Run = SimResult & { events: TraceEvent[] };

function sim(src: string): Run {
  const r = simulate(src, { limits: { maxEvents: 400_000 } });
  return { ...r, events: [...r.trace.events()] };
}

function of<K extends TraceEvent['kind']>(r: Run, kind: K): Extract<TraceEvent, { kind: K }>[] {
  return r.events.filter((e): e is Extract<TraceEvent, { kind: K }> => e.kind === kind);
}

const CT = '#[tokio::main(flavor = "current_thread")]';
const USES = `
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};`;

/** A server that writes `payload` and then holds the connection open for 200 ms; `client` runs in main. */
const program = (payload: string, client: string, flavor = CT) => `${USES}
${flavor}
async fn main() {
    let listener = TcpListener::bind("127.0.0.1:9000").await.unwrap();
    tokio::spawn(async move {
        let (mut sock, _) = listener.accept().await.unwrap();
        sock.write_all(b"${payload}").await.unwrap();
        tokio::time::sleep(Duration::from_millis(200)).await;
    });
    let mut c = TcpStream::connect("127.0.0.1:9000").await.unwrap();
    ${client}
}`;

describe('Registration::poll_ready and ScheduledIo::poll_readiness (registration.rs, scheduled_io.rs)', () => {
  it('a read with no readiness stores the waker in the reader slot and returns Pending', () => {
    const r = sim(
      program('hi', 'let mut b = [0u8; 8]; let n = c.read(&mut b).await.unwrap(); println!("{}", n);'),
    );
    expect(r.stdout).toBe('2\n');
    const client = of(r, 'resource-new').find((e) => e.type === 'tcp-stream')!.resource;
    const regs = of(r, 'register').filter((e) => e.resource === client);
    // connect waits in the writer slot, the read in the reader slot; both belong to main (task 0).
    expect(regs.map((e) => `${e.task}:${e.dir}`)).toEqual(['0:write', '0:read']);
  });

  it('last poller wins: a second task reading the same socket replaces the stored waker', () => {
    const r = sim(`${USES}
${CT}
async fn main() {
    let listener = TcpListener::bind("127.0.0.1:9001").await.unwrap();
    tokio::spawn(async move {
        let (sock, _) = listener.accept().await.unwrap();
        tokio::time::sleep(Duration::from_millis(100)).await;
        drop(sock);
    });
    let c = TcpStream::connect("127.0.0.1:9001").await.unwrap();
    let c = std::sync::Arc::new(tokio::sync::Mutex::new(c));
    let c2 = c.clone();
    let a = tokio::spawn(async move {
        let mut s = c2.lock().await;
        let mut b = [0u8; 4];
        s.read(&mut b).await.unwrap()
    });
    a.await.unwrap();
    let mut s = c.lock().await;
    let mut b = [0u8; 4];
    println!("{}", s.read(&mut b).await.unwrap());
}`);
    expect(r.outcome.kind).toBe('completed');
    expect(r.stdout).toBe('0\n');
  });
});

describe('io::Driver::turn (driver.rs): readiness is delivered only by a driver turn', () => {
  it('an event sets the readiness with the turn’s tick and wakes the reader slot', () => {
    const r = sim(program('hi', 'let mut b = [0u8; 8]; c.read(&mut b).await.unwrap();'));
    const client = of(r, 'resource-new').find((e) => e.type === 'tcp-stream')!.resource;
    const ready = of(r, 'io-ready').filter((e) => e.resource === client);
    expect(ready[0]!.ready).toBe('writable');
    const readable = ready.find((e) => e.ready.includes('readable'))!;
    const i = r.events.indexOf(readable);
    const turn = r.events
      .slice(0, i)
      .reverse()
      .find((e) => e.kind === 'io-turn');
    expect(turn).toBeDefined();
    const wake = r.events.slice(i).find((e) => e.kind === 'wake');
    expect(wake).toMatchObject({ task: 0, resource: client });
  });

  it('turns happen only at park and park_yield: the data lands while main runs, the read still waits', () => {
    const r = sim(program('hi', 'let mut b = [0u8; 8]; c.read(&mut b).await.unwrap();'));
    for (const t of of(r, 'io-turn')) {
      const i = r.events.indexOf(t);
      const park = r.events
        .slice(0, i)
        .reverse()
        .find((e) => e.kind === 'park' || e.kind === 'poll');
      expect(park?.kind).toBe('park');
    }
  });

  it('two changes of one socket between turns arrive as one event with both bits', () => {
    const r = sim(`${USES}
${CT}
async fn main() {
    let listener = TcpListener::bind("127.0.0.1:9002").await.unwrap();
    tokio::spawn(async move {
        let (mut sock, _) = listener.accept().await.unwrap();
        sock.write_all(b"bye").await.unwrap();
    });
    let mut c = TcpStream::connect("127.0.0.1:9002").await.unwrap();
    tokio::time::sleep(Duration::from_millis(50)).await;
    let mut v = Vec::new();
    c.read_to_end(&mut v).await.unwrap();
    println!("{}", v.len());
}`);
    expect(r.stdout).toBe('3\n');
    const client = of(r, 'resource-new').find((e) => e.type === 'tcp-stream')!.resource;
    const ready = of(r, 'io-ready').filter((e) => e.resource === client);
    // The data and the FIN land during the sleep: one event, readable | read-closed together.
    expect(ready.map((e) => e.ready)).toContain('readable | writable | read-closed');
    expect(ready.length).toBe(2);
  });
});

describe('ScheduledIo::clear_readiness and PollEvented::poll_read (scheduled_io.rs, poll_evented.rs)', () => {
  it('a short read clears readable (the socket is drained); a read that fills the buffer does not', () => {
    const r = sim(
      program(
        'abcdefgh',
        'tokio::time::sleep(Duration::from_millis(50)).await; let mut b = [0u8; 4]; c.read(&mut b).await.unwrap(); c.read(&mut b).await.unwrap(); let mut big = [0u8; 64]; tokio::time::timeout(Duration::from_millis(10), c.read(&mut big)).await.ok();',
      ),
    );
    const client = of(r, 'resource-new').find((e) => e.type === 'tcp-stream')!.resource;
    const clears = of(r, 'io-clear').filter((e) => e.resource === client);
    // Two 4-byte reads into a 4-byte buffer fill it: no clear; the third read finds nothing: WouldBlock clears.
    expect(clears.length).toBe(1);
    expect(clears[0]!.ready).toBe('readable');
    expect(r.outcome.kind).toBe('completed');
  });

  it('WouldBlock clears only the readiness of the event the attempt saw, never the closed bits', () => {
    const r = sim(
      program(
        'x',
        'tokio::time::sleep(Duration::from_millis(300)).await; let mut b = [0u8; 4]; println!("{}", c.read(&mut b).await.unwrap()); println!("{}", c.read(&mut b).await.unwrap()); println!("{}", c.read(&mut b).await.unwrap());',
      ),
    );
    // 1 byte, then EOF twice: read-closed stays set, so the reads after EOF return 0 at once.
    expect(r.stdout).toBe('1\n0\n0\n');
    expect(of(r, 'io-clear').every((e) => !e.ready.includes('closed'))).toBe(true);
  });
});

describe('the loopback network (Linux TCP on 127.0.0.1)', () => {
  it('a write larger than the socket buffers is short, then waits until the reader makes room', () => {
    const r = sim(`${USES}
${CT}
async fn main() {
    let listener = TcpListener::bind("127.0.0.1:9003").await.unwrap();
    let w = tokio::spawn(async move {
        let (mut sock, _) = listener.accept().await.unwrap();
        let n = sock.write(&vec![1u8; 300_000]).await.unwrap();
        println!("first write took {}", n);
        sock.write_all(&vec![1u8; 300_000 - n]).await.unwrap();
    });
    let mut c = TcpStream::connect("127.0.0.1:9003").await.unwrap();
    let mut v = Vec::new();
    c.read_to_end(&mut v).await.unwrap();
    w.await.unwrap();
    println!("{}", v.len());
}`);
    // send buffer 16 KiB + receive buffer 128 KiB
    expect(r.stdout).toBe(`first write took ${16 * 1024 + 128 * 1024}\n300000\n`);
    expect(of(r, 'io-clear').some((e) => e.ready === 'writable')).toBe(true);
  });

  it('closing with unread data sends RST: the peer’s next read is ECONNRESET', () => {
    const r = sim(`${USES}
${CT}
async fn main() {
    let listener = TcpListener::bind("127.0.0.1:9004").await.unwrap();
    let s = tokio::spawn(async move {
        let (sock, _) = listener.accept().await.unwrap();
        tokio::time::sleep(Duration::from_millis(50)).await;
        drop(sock);
    });
    let mut c = TcpStream::connect("127.0.0.1:9004").await.unwrap();
    c.write_all(b"unread").await.unwrap();
    s.await.unwrap();
    tokio::time::sleep(Duration::from_millis(10)).await;
    let mut b = [0u8; 4];
    match c.read(&mut b).await { Ok(n) => println!("ok {}", n), Err(e) => println!("{:?}", e.kind()) }
}`);
    expect(r.stdout).toBe('ConnectionReset\n');
  });

  it('connecting to a port nobody listens on is refused after the handshake’s round trip', () => {
    const r = sim(`${USES}
${CT}
async fn main() {
    let e = TcpStream::connect("127.0.0.1:9005").await.unwrap_err();
    println!("{}", e);
}`);
    expect(r.stdout).toBe('Connection refused (os error 111)\n');
    const ready = of(r, 'io-ready');
    expect(ready[0]!.ready).toBe('readable | writable | read-closed | write-closed');
  });

  it('an event on the wire wakes the parked driver when it lands, long before its timer', () => {
    const r = sim(program('hi', 'let mut b = [0u8; 8]; c.read(&mut b).await.unwrap();'));
    const client = of(r, 'resource-new').find((e) => e.type === 'tcp-stream')!.resource;
    const readable = of(r, 'io-ready').find((e) => e.resource === client && e.ready.includes('readable'))!;
    const park = r.events
      .slice(0, r.events.indexOf(readable))
      .reverse()
      .find((e) => e.kind === 'park')!;
    // Parked for up to the server's 200 ms sleep, and resumed when the segment arrived.
    expect(park.kind === 'park' && park.timeout).toBeGreaterThan(100e6);
    expect(readable.time).toBeGreaterThan(park.time);
    expect(readable.time - park.time).toBeLessThan(20_000);
  });
});

describe('both runtimes: woken tasks go where the driver’s thread puts them', () => {
  it('on multi_thread the worker holding the driver puts the woken reader in its LIFO slot', () => {
    const r = sim(
      program(
        'hi',
        'let mut b = [0u8; 8]; c.read(&mut b).await.unwrap();',
        '#[tokio::main(flavor = "multi_thread", worker_threads = 2)]',
      ),
    );
    expect(r.outcome.kind).toBe('completed');
    // The server task (3: the two workers took ids 1 and 2) waits for the accept; the readiness wakes it
    // from a worker's driver turn.
    const accept = of(r, 'io-ready').find((e) => {
      const res = of(r, 'resource-new').find((x) => x.resource === e.resource);
      return res?.type === 'tcp-listener';
    })!;
    const i = r.events.indexOf(accept);
    const sched = r.events.slice(i).find((e) => e.kind === 'schedule' && e.task === 3);
    expect(sched).toMatchObject({ where: 'lifo' });
  });
});

describe('Registration::readiness and try_io (the waiter list)', () => {
  it('readable() waiters queue on the source; one event wakes them all, in 1.24’s WakeList order', () => {
    const r = sim(`${USES}
${CT}
async fn main() {
    let listener = TcpListener::bind("127.0.0.1:9006").await.unwrap();
    tokio::spawn(async move {
        let (mut sock, _) = listener.accept().await.unwrap();
        tokio::time::sleep(Duration::from_millis(50)).await;
        sock.write_all(b"x").await.unwrap();
        tokio::time::sleep(Duration::from_millis(50)).await;
    });
    let s = std::sync::Arc::new(TcpStream::connect("127.0.0.1:9006").await.unwrap());
    let mut hs = Vec::new();
    for i in 0..3 {
        let s = s.clone();
        hs.push(tokio::spawn(async move { s.readable().await.unwrap(); println!("{}", i); }));
    }
    for h in hs { h.await.unwrap(); }
}`);
    // The list is newest-first and 1.24's WakeList wakes last-in first: the oldest waiter runs first.
    expect(r.stdout).toBe('0\n1\n2\n');
    const regs = of(r, 'register').filter((e) => e.dir === 'read' && e.task >= 2);
    expect(regs.map((e) => e.task)).toEqual([2, 3, 4]);
  });

  it('try_read with no readiness is WouldBlock without a syscall; after the syscall blocks it clears', () => {
    const r = sim(
      program(
        'ab',
        'let mut b = [0u8; 8]; println!("{:?}", c.try_read(&mut b).map_err(|e| e.kind())); c.readable().await.unwrap(); println!("{:?}", c.try_read(&mut b).map_err(|e| e.kind())); println!("{:?}", c.try_read(&mut b).map_err(|e| e.kind()));',
      ),
    );
    expect(r.stdout).toBe('Err(WouldBlock)\nOk(2)\nErr(WouldBlock)\n');
    expect(of(r, 'io-clear').length).toBe(1);
  });
});

describe('many sockets on multi_thread', () => {
  it('eight concurrent clients on four workers finish with the same output under every seed', () => {
    const src = readFileSync('tests/conformance/net_concurrent_mt.rs', 'utf8');
    const want = readFileSync('tests/conformance/net_concurrent_mt.stdout', 'utf8');
    for (let seed = 1; seed <= 8; seed++) {
      const r = simulate(src, { seed, limits: { maxEvents: 400_000 } });
      expect(r.outcome.kind, `seed ${seed}: ${r.outcome.message}`).toBe('completed');
      expect(r.stdout).toBe(want);
    }
  });
});
