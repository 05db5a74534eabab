import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inReadingOrder } from './reading-order.ts';

const ids = (claims: { id: string }[]) => claims.map((c) => c.id);

describe('inReadingOrder', () => {
  it('orders claims by where their markers stand: after the passage ends', () => {
    // "[outer … [inner] … ]": the inner marker comes first.
    const outer = { id: 'outer', start: 0, end: 50 };
    const inner = { id: 'inner', start: 10, end: 20 };
    assert.deepEqual(ids(inReadingOrder([outer, inner])), ['inner', 'outer']);
  });

  it('puts the inner claim first when two end at the same place', () => {
    const outer = { id: 'outer', start: 0, end: 30 };
    const inner = { id: 'inner', start: 12, end: 30 };
    assert.deepEqual(ids(inReadingOrder([outer, inner])), ['inner', 'outer']);
  });

  it('keeps claims that follow one another in text order, across blocks', () => {
    const a = { id: 'a', start: 0, end: 5 };
    const b = { id: 'b', start: 8, end: 12 };
    const c = { id: 'c', start: 120, end: 140 };
    assert.deepEqual(ids(inReadingOrder([c, a, b])), ['a', 'b', 'c']);
  });

  it('does not reorder the list it is given', () => {
    const list = [{ id: 'o', start: 0, end: 9 }, { id: 'i', start: 2, end: 4 }];
    inReadingOrder(list);
    assert.deepEqual(ids(list), ['o', 'i']);
  });
});
