import { describe, expect, it } from 'vitest';
import { Deque } from './deque';

describe('Deque', () => {
  it('behaves like an array used as a queue, across growth and wrap-around', () => {
    const d = new Deque<number>(4);
    const model: number[] = [];
    let n = 0;
    for (let round = 0; round < 500; round++) {
      const op = (round * 7919) % 5;
      if (op === 0 || op === 1) {
        d.pushBack(n);
        model.push(n++);
      } else if (op === 2) {
        d.pushFront(n);
        model.unshift(n++);
      } else if (op === 3) {
        expect(d.popFront()).toBe(model.shift());
      } else {
        expect(d.popBack()).toBe(model.pop());
      }
      expect(d.length).toBe(model.length);
    }
    expect(d.toArray()).toEqual(model);
    const victim = model[3]!;
    expect(d.remove(victim)).toBe(true);
    model.splice(3, 1);
    expect(d.toArray()).toEqual(model);
  });
});
