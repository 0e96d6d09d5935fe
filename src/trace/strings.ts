/**
 * The UI-side string table of a trace: every string packed as UTF-8 in one byte array, front-coded.
 *
 * Why: a million-event run carries ~120k strings (mostly future locals such as `i: {integer} = 4711, tx:
 * Sender`). As JS strings they cost 2 bytes a character plus a ~16-byte header each — 7 bytes per event,
 * a fifth of the trace. Packed, a string costs its UTF-8 bytes minus the prefix it shares with the string
 * before it (consecutive locals differ in a few characters), plus two varints.
 *
 * Layout: strings in blocks of BLOCK. The first string of a block is stored whole (shared prefix 0); each
 * other stores `varint shared, varint suffixLength, suffix bytes` against its predecessor. `blocks` holds
 * each block's byte offset, so reading string `id` decodes at most BLOCK entries — and a cursor makes the
 * common sequential read (indexing the trace in order) one entry per string.
 *
 * Encoding is WTF-8 (lone surrogates get 3 bytes), so any JS string round-trips exactly.
 */
import { GrowableInt32 } from '../base';

const BLOCK = 16;

export class PackedStrings {
  private bytes = new Uint8Array(1 << 16);
  private used = 0;
  private readonly blocks = new GrowableInt32(64);
  private count = 0;
  /** The last pushed string's bytes (front coding compares against it), and a buffer for the next one. */
  private prev = new Uint8Array(256);
  private prevLen = 0;
  private next = new Uint8Array(256);
  /** Read cursor: the bytes of string `curId`, and where the entry after it starts. */
  private cur = new Uint8Array(256);
  private curLen = 0;
  private curId = -1;
  private curPos = 0;
  /** The last string read (panels ask for the same locals several times per render). */
  private lastId = -1;
  private last = '';

  get length(): number {
    return this.count;
  }

  push(s: string): number {
    if (this.next.length < s.length * 3) this.next = new Uint8Array(s.length * 3);
    const n = encode(s, this.next);
    let shared = 0;
    if (this.count % BLOCK === 0) this.blocks.push(this.used);
    else {
      const max = Math.min(n, this.prevLen);
      while (shared < max && this.prev[shared] === this.next[shared]) shared++;
    }
    this.reserve(10 + n - shared);
    this.writeVarint(shared);
    this.writeVarint(n - shared);
    this.bytes.set(this.next.subarray(shared, n), this.used);
    this.used += n - shared;
    [this.prev, this.next] = [this.next, this.prev];
    this.prevLen = n;
    return this.count++;
  }

  /** String `id`, or '' if there is none. */
  get(id: number): string {
    if (id < 0 || id >= this.count) return '';
    if (id === this.lastId) return this.last;
    const block = Math.floor(id / BLOCK);
    // Continue from the cursor when it is earlier in the same block; else start at the block.
    if (!(this.curId >= 0 && this.curId < id && Math.floor(this.curId / BLOCK) === block)) {
      this.curId = block * BLOCK - 1;
      this.curPos = this.blocks.get(block);
      this.curLen = 0;
    }
    const bytes = this.bytes;
    while (this.curId < id) {
      let pos = this.curPos;
      let shared = 0;
      let shift = 0;
      for (let b = 0x80; b & 0x80; shift += 7) {
        b = bytes[pos++]!;
        shared |= (b & 0x7f) << shift;
      }
      let suffix = 0;
      shift = 0;
      for (let b = 0x80; b & 0x80; shift += 7) {
        b = bytes[pos++]!;
        suffix |= (b & 0x7f) << shift;
      }
      if (this.cur.length < shared + suffix) {
        const grown = new Uint8Array(Math.max(2 * this.cur.length, shared + suffix));
        grown.set(this.cur.subarray(0, shared));
        this.cur = grown;
      }
      this.cur.set(bytes.subarray(pos, pos + suffix), shared);
      this.curLen = shared + suffix;
      this.curPos = pos + suffix;
      this.curId++;
    }
    this.lastId = id;
    this.last = decode(this.cur, this.curLen);
    return this.last;
  }

  /** Bytes allocated: the byte array's capacity and the block offsets (the cursors are a few hundred bytes). */
  get byteLength(): number {
    return this.bytes.byteLength + this.blocks.byteLength;
  }

  private reserve(extra: number): void {
    if (this.used + extra <= this.bytes.length) return;
    // Grows by half, not double, so the unused tail stays under a third of what is allocated.
    const grown = new Uint8Array(Math.max(this.used + extra, Math.ceil(this.bytes.length * 1.5)));
    grown.set(this.bytes.subarray(0, this.used));
    this.bytes = grown;
  }

  private writeVarint(v: number): void {
    while (v >= 0x80) {
      this.bytes[this.used++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.bytes[this.used++] = v;
  }
}

/** WTF-8 encoding of `s` into `out` (which has room for 3 bytes per UTF-16 unit); returns the length. */
function encode(s: string, out: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      out[n++] = c;
      continue;
    }
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
        out[n++] = 0xf0 | (c >> 18);
        out[n++] = 0x80 | ((c >> 12) & 63);
        out[n++] = 0x80 | ((c >> 6) & 63);
        out[n++] = 0x80 | (c & 63);
        continue;
      }
    }
    if (c < 0x800) {
      out[n++] = 0xc0 | (c >> 6);
      out[n++] = 0x80 | (c & 63);
    } else {
      out[n++] = 0xe0 | (c >> 12);
      out[n++] = 0x80 | ((c >> 6) & 63);
      out[n++] = 0x80 | (c & 63);
    }
  }
  return n;
}

let units = new Uint16Array(256);

/** Decodes bytes written by `encode` (trusted input: no validation). */
function decode(bytes: Uint8Array, len: number): string {
  if (units.length < len) units = new Uint16Array(Math.max(len, 2 * units.length));
  let n = 0;
  for (let i = 0; i < len;) {
    const b = bytes[i]!;
    if (b < 0x80) {
      units[n++] = b;
      i++;
    } else if (b < 0xe0) {
      units[n++] = ((b & 31) << 6) | (bytes[i + 1]! & 63);
      i += 2;
    } else if (b < 0xf0) {
      units[n++] = ((b & 15) << 12) | ((bytes[i + 1]! & 63) << 6) | (bytes[i + 2]! & 63);
      i += 3;
    } else {
      const c =
        (((b & 7) << 18) |
          ((bytes[i + 1]! & 63) << 12) |
          ((bytes[i + 2]! & 63) << 6) |
          (bytes[i + 3]! & 63)) -
        0x10000;
      units[n++] = 0xd800 + (c >> 10);
      units[n++] = 0xdc00 + (c & 1023);
      i += 4;
    }
  }
  // In slices: `fromCharCode.apply` takes one argument per unit, and engines cap the argument count.
  let out = '';
  for (let i = 0; i < n; i += 8192)
    out += String.fromCharCode.apply(null, units.subarray(i, Math.min(n, i + 8192)) as unknown as number[]);
  return out;
}
