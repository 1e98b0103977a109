import { describe, expect, it } from 'vitest';
import { coalesced } from '../../bot/store/coalesce.js';

/** A write that records each item list it was given and finishes when the test says so. */
function heldWrites() {
  const writes: { items: number[]; finish: (err?: Error) => void }[] = [];
  const write = (items: number[]) =>
    new Promise<void>((resolve, reject) => {
      writes.push({ items, finish: (err) => (err ? reject(err) : resolve()) });
    });
  return { writes, write };
}
const settled = async <T>(p: Promise<T>) =>
  p.then(
    () => 'resolved',
    (err: Error) => `rejected: ${err.message}`,
  );

describe('writes coalesced while one is in flight', () => {
  it('writes an item added when nothing is in flight at once, alone', () => {
    const { writes, write } = heldWrites();
    const add = coalesced(write);
    void add(1);
    // no tick waited for: the write has begun
    expect(writes.map((w) => w.items)).toEqual([[1]]);
  });

  it('writes the items added during a write together in the next one, and settles each with its own write', async () => {
    const { writes, write } = heldWrites();
    const add = coalesced(write);
    const first = add(1);
    const rest = [add(2), add(3), add(4)];
    expect(writes.map((w) => w.items)).toEqual([[1]]);
    writes[0]!.finish();
    expect(await settled(first)).toBe('resolved');
    await Promise.resolve();
    expect(writes.map((w) => w.items)).toEqual([[1], [2, 3, 4]]);
    let done = false;
    void Promise.all(rest).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 5));
    expect(done).toBe(false);
    writes[1]!.finish();
    await Promise.all(rest);
    // nothing waiting: the next item is written at once again
    void add(5);
    expect(writes.map((w) => w.items)).toEqual([[1], [2, 3, 4], [5]]);
  });

  it('rejects every item of a write that failed, with its error, and writes later items as usual', async () => {
    const { writes, write } = heldWrites();
    const add = coalesced(write);
    const first = add(1);
    const second = [add(2), add(3)];
    writes[0]!.finish();
    await first;
    await Promise.resolve();
    writes[1]!.finish(new Error('database is locked'));
    expect(await Promise.all(second.map(settled))).toEqual(['rejected: database is locked', 'rejected: database is locked']);
    const again = add(2);
    expect(writes.at(-1)!.items).toEqual([2]);
    writes.at(-1)!.finish();
    expect(await settled(again)).toBe('resolved');
  });

  it('writes no more than the most it is given at a time, in the order the items came', async () => {
    const { writes, write } = heldWrites();
    const add = coalesced(write, 3);
    const all = [1, 2, 3, 4, 5, 6, 7, 8].map(add);
    for (let i = 0; i < 4; i++) {
      writes[i]!.finish();
      await new Promise((r) => setTimeout(r, 0));
    }
    await Promise.all(all);
    expect(writes.map((w) => w.items)).toEqual([[1], [2, 3, 4], [5, 6, 7], [8]]);
  });

  it('settles each item with its own result from the write it went in', async () => {
    const add = coalesced(async (items: number[]) => items.map((n) => `answer ${n * 10}`));
    const first = add(1);
    const rest = [add(2), add(3)];
    expect(await first).toBe('answer 10');
    expect(await Promise.all(rest)).toEqual(['answer 20', 'answer 30']);
  });
});
