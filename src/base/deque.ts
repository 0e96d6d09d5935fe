/**
 * A double-ended queue on a growable ring buffer: O(1) push/pop at both ends and O(1) indexing.
 * The scheduler's run queues (tokio's `VecDeque`) are these.
 */
export class Deque<T> {
  private buf: (T | undefined)[];
  private head = 0;
  private len = 0;

  constructor(capacity = 16) {
    this.buf = new Array<T | undefined>(Math.max(4, capacity));
  }

  get length(): number {
    return this.len;
  }

  pushBack(x: T): void {
    if (this.len === this.buf.length) this.grow();
    this.buf[(this.head + this.len) % this.buf.length] = x;
    this.len++;
  }

  pushFront(x: T): void {
    if (this.len === this.buf.length) this.grow();
    this.head = (this.head - 1 + this.buf.length) % this.buf.length;
    this.buf[this.head] = x;
    this.len++;
  }

  popFront(): T | undefined {
    if (this.len === 0) return undefined;
    const x = this.buf[this.head];
    this.buf[this.head] = undefined;
    this.head = (this.head + 1) % this.buf.length;
    this.len--;
    return x;
  }

  popBack(): T | undefined {
    if (this.len === 0) return undefined;
    const i = (this.head + this.len - 1) % this.buf.length;
    const x = this.buf[i];
    this.buf[i] = undefined;
    this.len--;
    return x;
  }

  peekFront(): T | undefined {
    return this.len === 0 ? undefined : this.buf[this.head];
  }

  at(i: number): T | undefined {
    if (i < 0 || i >= this.len) return undefined;
    return this.buf[(this.head + i) % this.buf.length];
  }

  /** Removes the first element equal to `x`; returns whether it was found. O(n). */
  remove(x: T): boolean {
    for (let i = 0; i < this.len; i++) {
      if (this.at(i) === x) {
        for (let j = i; j < this.len - 1; j++) this.buf[(this.head + j) % this.buf.length] = this.at(j + 1);
        this.buf[(this.head + this.len - 1) % this.buf.length] = undefined;
        this.len--;
        return true;
      }
    }
    return false;
  }

  toArray(): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.len; i++) out.push(this.at(i)!);
    return out;
  }

  clear(): void {
    this.buf = new Array<T | undefined>(this.buf.length);
    this.head = 0;
    this.len = 0;
  }

  private grow(): void {
    const next = new Array<T | undefined>(this.buf.length * 2);
    for (let i = 0; i < this.len; i++) next[i] = this.at(i);
    this.buf = next;
    this.head = 0;
  }
}
