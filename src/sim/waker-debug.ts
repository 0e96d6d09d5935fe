/**
 * `{:?}` of a `Waker` and a `Context`. Rust prints the raw pointers: `Waker { data: 0x55…, vtable: 0x55… }`,
 * different on every run (heap and load addresses), so no recording can pin them. Pollscope prints the same
 * shape with made-up addresses that are the same on every run: a vtable per kind of waker (tokio's task
 * waker, `std::task::Wake`, futures' `ArcWake`, the no-op waker with data `0x0`, a thread waker) and a
 * data address per thing woken (a task, an `Arc`), so two wakers of one task print alike and two tasks'
 * differ, as in Rust. docs/supported.md's notes say so.
 */

export type WakerVtable = 'tokio' | 'wake' | 'arcwake' | 'noop' | 'thread';

const VTABLES: Record<WakerVtable, number> = {
  tokio: 0x5555_5574_2c40,
  wake: 0x5555_5574_2d00,
  arcwake: 0x5555_5574_2d40,
  noop: 0x5555_5574_2d80,
  thread: 0x5555_5574_2dc0,
};

/** Where a tokio task's cell "lives" (its header is the waker's data). */
export function taskAddress(taskId: number): number {
  return 0x5555_5580_0000 + taskId * 0x100;
}

/** Where the n-th `Arc` (or thread) a program's own waker points at "lives". */
export function objectAddress(n: number): number {
  return 0x5555_5590_0000 + n * 0x40;
}

/** `{:p}` / `{:#p}` (alternate: zero-padded to 16 digits, as `{:#?}` prints pointers). */
function pointer(n: number, pretty: boolean): string {
  const hex = n.toString(16);
  return pretty ? `0x${hex.padStart(16, '0')}` : `0x${hex}`;
}

export function wakerDebug(data: number, vtable: WakerVtable, pretty: boolean): string {
  const d = pointer(data, pretty);
  const v = pointer(VTABLES[vtable], pretty);
  return pretty ? `Waker {\n    data: ${d},\n    vtable: ${v},\n}` : `Waker { data: ${d}, vtable: ${v} }`;
}

/** `Context { waker: Waker { … } }` around a waker's own Debug. */
export function contextDebug(waker: string, pretty: boolean): string {
  return pretty
    ? `Context {\n    waker: ${waker.replaceAll('\n', '\n    ')},\n}`
    : `Context { waker: ${waker} }`;
}
