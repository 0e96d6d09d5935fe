/**
 * `split` + `unsplit`, `AsyncReadExt::take`, `io::copy_buf` and `BufStream` (take.ts, split.ts,
 * write.ts, buffered.ts): the edges the recorded programs (api_io_split_unsplit_take, api_io_bufstream)
 * do not reach.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../simulate';

const CT = '#[tokio::main(flavor = "current_thread")]';
const USES = 'use tokio::io::{self, AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader, BufStream};';
const run = (body: string) =>
  simulate(`${USES}\n${CT}\nasync fn main() {\n${body}\n}\n`, { limits: { maxEvents: 200_000 } });

describe('split / unsplit (io/split.rs)', () => {
  it('unsplit of halves from two different splits panics with tokio message', () => {
    const r = run(`let (a, _x) = io::duplex(8);
let (b, _y) = io::duplex(8);
let (ra, _wa) = io::split(a);
let (_rb, wb) = io::split(b);
println!("{}", ra.is_pair_of(&wb));
let _ = ra.unsplit(wb);`);
    expect(r.stdout).toBe('false\n');
    expect(r.outcome.kind).toBe('panicked');
    expect(r.outcome.message).toContain('Unrelated `split::Write` passed to `split::Read::unsplit`.');
  });

  it('the reunited stream is the original: its peer still sees it open', () => {
    const r = run(`let (a, mut b) = io::duplex(8);
let (r, w) = io::split(a);
let mut a = r.unsplit(w);
a.write_all(b"hi").await.unwrap();
let mut buf = [0u8; 2];
b.read_exact(&mut buf).await.unwrap();
println!("{:?}", buf);`);
    expect(r.outcome.kind, r.outcome.message).toBe('completed');
    expect(r.stdout).toBe('[104, 105]\n');
  });
});

describe('AsyncReadExt::take (io/util/take.rs)', () => {
  it('over a BufReader it is an AsyncBufRead: read_line stops at the limit', () => {
    const r = run(`let data: &[u8] = b"abcdef\\nxyz\\n";
let mut t = BufReader::new(data).take(4);
let mut line = String::new();
let n = t.read_line(&mut line).await.unwrap();
println!("{n} {line:?} {}", t.limit());
t.set_limit(10);
line.clear();
t.read_line(&mut line).await.unwrap();
println!("{line:?}");`);
    expect(r.outcome.kind, r.outcome.message).toBe('completed');
    expect(r.stdout).toBe('4 "abcd" 0\n"ef\\n"\n');
  });
});

describe('io::copy_buf (io/util/copy_buf.rs)', () => {
  it('copies what the buffered reader shows, refill by refill, and counts the bytes', () => {
    const r = run(`let data: &[u8] = b"0123456789";
let mut rd = BufReader::with_capacity(3, data);
let mut out: Vec<u8> = Vec::new();
let n = io::copy_buf(&mut rd, &mut out).await.unwrap();
println!("{n} {}", String::from_utf8(out).unwrap());`);
    expect(r.outcome.kind, r.outcome.message).toBe('completed');
    expect(r.stdout).toBe('10 0123456789\n');
  });
});

describe('BufStream (io/util/buf_stream.rs)', () => {
  it('holds writes until flush: the peer reads nothing before it', () => {
    const r = run(`let (a, mut b) = io::duplex(64);
let mut s = BufStream::new(a);
s.write_all(b"x").await.unwrap();
let mut buf = [0u8; 1];
let before = tokio::time::timeout(std::time::Duration::from_millis(5), b.read(&mut buf)).await.is_err();
s.flush().await.unwrap();
b.read(&mut buf).await.unwrap();
println!("{before} {:?}", buf);`);
    expect(r.outcome.kind, r.outcome.message).toBe('completed');
    expect(r.stdout).toBe('true [120]\n');
  });
});
