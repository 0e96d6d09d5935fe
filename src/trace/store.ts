/**
 * Struct-of-arrays storage for trace events (DESIGN.md §4).
 *
 * Events live in fixed-size chunks of typed arrays: a kind byte, a thread id, a float64 machine time, four
 * int32 field slots and two enum bytes — 29 bytes per event — plus a string table shared by the whole trace.
 * Chunks never move once full, so the worker can transfer a finished chunk's buffers to the UI without
 * copying, and readers can index any event in O(1).
 */
import { assert, machineTime } from '../base';
import { EVENT_KINDS, EVENT_SCHEMA, type EventFields, type EventKind, type TraceEvent } from './events';
import { PackedStrings } from './strings';

export const CHUNK_SIZE = 1 << 16;
const INT_SLOTS = 4;
const ENUM_SLOTS = 2;
/** Bytes of column data per event (kind + thread + time + int slots + enum slots). */
export const BYTES_PER_EVENT = 1 + 2 + 8 + 4 * INT_SLOTS + ENUM_SLOTS;

type FieldLayout =
  | { readonly name: string; readonly type: 'int' | 'str' | 'text'; readonly slot: number }
  | { readonly name: string; readonly type: 'f64'; readonly slot: number }
  | {
      readonly name: string;
      readonly type: 'enum';
      readonly slot: number;
      readonly values: readonly string[];
    };

/** Where each field of each kind is stored; computed once from the schema. */
const LAYOUTS: readonly (readonly FieldLayout[])[] = EVENT_KINDS.map((kind) => {
  let intSlot = 0;
  let enumSlot = 0;
  const fields: FieldLayout[] = [];
  for (const [name, type] of Object.entries(EVENT_SCHEMA[kind]) as [string, unknown][]) {
    assert(
      name !== 'kind' && name !== 'seq' && name !== 'time' && name !== 'thread',
      `event ${kind} redefines the header field ${name}`,
    );
    if (Array.isArray(type)) {
      fields.push({ name, type: 'enum', slot: enumSlot++, values: type as readonly string[] });
    } else if (type === 'f64') {
      fields.push({ name, type: 'f64', slot: intSlot });
      intSlot += 2;
    } else {
      fields.push({ name, type: type as 'int' | 'str' | 'text', slot: intSlot++ });
    }
  }
  assert(intSlot <= INT_SLOTS && enumSlot <= ENUM_SLOTS, `event ${kind} has too many fields for the columns`);
  return fields;
});

/** Per kind: the int slot of each string field (for reading a string's id without decoding it). */
const STRING_SLOTS: readonly ReadonlyMap<string, number>[] = LAYOUTS.map(
  (layout) =>
    new Map(layout.filter((f) => f.type === 'str' || f.type === 'text').map((f) => [f.name, f.slot])),
);

// f64 fields are stored bit-exactly in two int32 slots.
const f64Scratch = new Float64Array(1);
const i32Scratch = new Int32Array(f64Scratch.buffer);

type Encoder = (w: TraceWriter, c: ChunkBuffers, j: number, fields: Record<string, unknown>) => void;

/** One specialised encoder per kind: a list of small closures, no per-event schema walking. */
const ENCODERS: readonly Encoder[] = LAYOUTS.map((layout) => {
  const steps = layout.map((f): Encoder => {
    const { name, slot } = f;
    switch (f.type) {
      case 'int':
        return (_w, c, j, o) => {
          c.ints[j * INT_SLOTS + slot] = o[name] as number;
        };
      case 'str':
        return (w, c, j, o) => {
          c.ints[j * INT_SLOTS + slot] = w.intern(o[name] as string);
        };
      case 'text':
        return (w, c, j, o) => {
          c.ints[j * INT_SLOTS + slot] = w.addText(o[name] as string);
        };
      case 'f64':
        return (_w, c, j, o) => {
          f64Scratch[0] = o[name] as number;
          c.ints[j * INT_SLOTS + slot] = i32Scratch[0]!;
          c.ints[j * INT_SLOTS + slot + 1] = i32Scratch[1]!;
        };
      case 'enum': {
        const index = new Map(f.values.map((v, i) => [v, i]));
        return (_w, c, j, o) => {
          const i = index.get(o[name] as string);
          assert(i !== undefined, `bad value ${String(o[name])} for ${name}`);
          c.enums[j * ENUM_SLOTS + slot] = i;
        };
      }
    }
  });
  if (steps.length === 0) return () => {};
  if (steps.length === 1) return steps[0]!;
  return (w, c, j, o) => {
    for (let i = 0; i < steps.length; i++) steps[i]!(w, c, j, o);
  };
});

const KIND_INDEX = new Map<EventKind, number>(EVENT_KINDS.map((k, i) => [k, i]));
export function kindIndex(kind: EventKind): number {
  return KIND_INDEX.get(kind)!;
}
export function kindName(index: number): EventKind {
  const k = EVENT_KINDS[index];
  assert(k !== undefined, `unknown event kind ${index}`);
  return k;
}

/** The buffers of one chunk: what crosses from the worker to the UI. */
export interface ChunkBuffers {
  kind: Uint8Array;
  thread: Uint16Array;
  time: Float64Array;
  ints: Int32Array;
  enums: Uint8Array;
}

function newChunk(): ChunkBuffers {
  return {
    kind: new Uint8Array(CHUNK_SIZE),
    thread: new Uint16Array(CHUNK_SIZE),
    time: new Float64Array(CHUNK_SIZE),
    ints: new Int32Array(CHUNK_SIZE * INT_SLOTS),
    enums: new Uint8Array(CHUNK_SIZE * ENUM_SLOTS),
  };
}

/** Read access shared by the writer (in the simulator) and the store (in the UI). */
export class TraceReader {
  protected chunks: ChunkBuffers[] = [];
  protected strings: string[] = [];
  protected count = 0;

  get length(): number {
    return this.count;
  }

  string(id: number): string {
    return this.strings[id] ?? '';
  }

  kindAt(i: number): EventKind {
    return kindName(this.chunk(i).kind[i & (CHUNK_SIZE - 1)]!);
  }

  threadAt(i: number): number {
    return this.chunk(i).thread[i & (CHUNK_SIZE - 1)]!;
  }

  timeAt(i: number): number {
    return this.chunk(i).time[i & (CHUNK_SIZE - 1)]!;
  }

  /**
   * The string-table id of a string field of event `i` (-1 if its kind has no such field): for readers that
   * keep a reference to a text rather than a copy of it (the index keeps a million locals this way).
   */
  stringIdAt(i: number, field: string): number {
    const c = this.chunk(i);
    const j = i & (CHUNK_SIZE - 1);
    const slot = STRING_SLOTS[c.kind[j]!]!.get(field);
    return slot === undefined ? -1 : c.ints[j * INT_SLOTS + slot]!;
  }

  /**
   * Decode event `i` into an object. Allocates; hot paths read columns directly. With `strings` false,
   * every string field reads '' (its id is `stringIdAt`): for the index, which needs few of the strings
   * and would otherwise decode a million of them.
   */
  get(i: number, strings = true): TraceEvent {
    assert(i >= 0 && i < this.count, `event ${i} out of range 0..${this.count}`);
    const c = this.chunk(i);
    const j = i & (CHUNK_SIZE - 1);
    const k = c.kind[j]!;
    const ev: Record<string, unknown> = {
      kind: kindName(k),
      seq: i,
      time: machineTime(c.time[j]!),
      thread: c.thread[j]!,
    };
    for (const f of LAYOUTS[k]!) {
      switch (f.type) {
        case 'int':
          ev[f.name] = c.ints[j * INT_SLOTS + f.slot]!;
          break;
        case 'str':
        case 'text':
          ev[f.name] = strings ? this.string(c.ints[j * INT_SLOTS + f.slot]!) : '';
          break;
        case 'f64':
          i32Scratch[0] = c.ints[j * INT_SLOTS + f.slot]!;
          i32Scratch[1] = c.ints[j * INT_SLOTS + f.slot + 1]!;
          ev[f.name] = f64Scratch[0]!;
          break;
        case 'enum':
          ev[f.name] = f.values[c.enums[j * ENUM_SLOTS + f.slot]!];
          break;
      }
    }
    return ev as unknown as TraceEvent;
  }

  *events(from = 0, to = this.count): IterableIterator<TraceEvent> {
    for (let i = from; i < to; i++) yield this.get(i);
  }

  /**
   * Bytes of trace data: the columns of the events recorded plus the string table (UTF-16 as JS stores
   * it, with ~16 bytes of header each). The last chunk's unused tail (under 64 Ki events) is not counted.
   */
  byteSize(): number {
    let strings = 0;
    for (const s of this.strings) strings += 2 * s.length + 16;
    return this.count * BYTES_PER_EVENT + strings;
  }

  protected chunk(i: number): ChunkBuffers {
    const c = this.chunks[i >>> 16];
    assert(c !== undefined, `event ${i} not loaded`);
    return c;
  }
}

/** Appends events; used by the simulator. */
export class TraceWriter extends TraceReader {
  private stringIds = new Map<string, number>();
  private current: ChunkBuffers | undefined;
  /** Streaming: called each time a chunk fills up. The callee may `takeFull()` the finished chunks. */
  onChunkFull: (() => void) | null = null;
  /** Chunks handed off by `takeFull` (the writer no longer reads them: their buffers were transferred). */
  private handedOff = 0;
  private stringsHandedOff = 0;
  /** Bytes of the string table as `byteSize` counts them, kept as strings are added. */
  private stringBytes = 0;
  /**
   * The simulator's memory budget for the trace (sim/memory.ts): after an event takes the trace past this
   * many bytes (`byteCount`), `onByteLimit` is called (and may throw to stop the run).
   */
  byteLimit = Infinity;
  onByteLimit: (() => void) | null = null;

  /** `byteSize()` without the walk over the strings: what the trace holds, as it grows. */
  get byteCount(): number {
    return this.count * BYTES_PER_EVENT + this.stringBytes;
  }

  intern(s: string): number {
    let id = this.stringIds.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.stringIds.set(s, id);
      this.stringBytes += 2 * s.length + 16;
    }
    return id;
  }

  /** A string stored without interning (it rarely repeats, so a lookup would cost more than it saves). */
  addText(s: string): number {
    this.strings.push(s);
    this.stringBytes += 2 * s.length + 16;
    return this.strings.length - 1;
  }

  emit<K extends EventKind>(kind: K, thread: number, time: number, fields: EventFields<K>): number {
    const i = this.count;
    const j = i & (CHUNK_SIZE - 1);
    if (j === 0) {
      if (i > 0) this.onChunkFull?.();
      this.current = newChunk();
      this.chunks.push(this.current);
    }
    const c = this.current!;
    const k = KIND_INDEX.get(kind)!;
    c.kind[j] = k;
    c.thread[j] = thread;
    c.time[j] = time;
    ENCODERS[k]!(this, c, j, fields as Record<string, unknown>);
    this.count = i + 1;
    if (this.count * BYTES_PER_EVENT + this.stringBytes > this.byteLimit) this.onByteLimit?.();
    return i;
  }

  /** Full chunks and the strings added since `fromString`, for streaming to another thread. */
  exportSince(fromEvent: number, fromString: number): TraceSlice {
    return {
      firstEvent: fromEvent,
      count: this.count - fromEvent,
      chunks: this.chunks.slice(fromEvent >>> 16),
      firstString: fromString,
      strings: this.strings.slice(fromString),
    };
  }

  get stringCount(): number {
    return this.strings.length;
  }

  /** The full chunks not yet handed off, with the strings added since; the writer forgets their buffers. */
  takeFull(): TraceSlice | null {
    const full = this.count >>> 16;
    if (full <= this.handedOff) return null;
    return this.takeChunks(full, full * CHUNK_SIZE);
  }

  /** Everything not yet handed off, the growing last chunk included (the run is over). */
  takeRest(): TraceSlice {
    return this.takeChunks(this.chunks.length, this.count);
  }

  private takeChunks(upTo: number, events: number): TraceSlice {
    const first = this.handedOff * CHUNK_SIZE;
    const slice: TraceSlice = {
      firstEvent: first,
      count: events - first,
      chunks: this.chunks.slice(this.handedOff, upTo),
      firstString: this.stringsHandedOff,
      strings: this.strings.slice(this.stringsHandedOff),
    };
    this.handedOff = upTo;
    this.stringsHandedOff = this.strings.length;
    return slice;
  }
}

/** A run of events that starts at a chunk boundary (or inside the last exported, still-growing chunk). */
export interface TraceSlice {
  firstEvent: number;
  count: number;
  chunks: ChunkBuffers[];
  firstString: number;
  strings: string[];
}

/**
 * The UI side: receives slices from the worker and answers the same queries as the writer. It keeps the
 * strings packed (`strings.ts`), not as JS strings: the trace's texts cost about a third as much.
 */
export class TraceStore extends TraceReader {
  private readonly packed = new PackedStrings();

  override string(id: number): string {
    return this.packed.get(id);
  }

  /** Bytes of trace data: the columns of the events recorded plus the packed string table as allocated. */
  override byteSize(): number {
    return this.count * BYTES_PER_EVENT + this.packed.byteLength;
  }

  append(slice: TraceSlice): void {
    assert(
      slice.firstEvent === this.count,
      `trace slice starts at ${slice.firstEvent}, expected ${this.count}`,
    );
    assert(slice.firstString === this.packed.length, 'trace strings out of order');
    const firstChunk = slice.firstEvent >>> 16;
    slice.chunks.forEach((c, n) => {
      this.chunks[firstChunk + n] = c;
    });
    for (const s of slice.strings) this.packed.push(s);
    this.count += slice.count;
  }

  static from(reader: TraceReader): TraceStore {
    const store = new TraceStore();
    if (reader instanceof TraceWriter) store.append(reader.exportSince(0, 0));
    return store;
  }
}
