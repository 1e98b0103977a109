import { describe, expect, it } from 'vitest';
import { batchWhileBusy } from '../../bot/store/while-busy.js';

/** A write whose calls are recorded and each finished (or failed) by the test. */
function controlledWrite() {
  const calls: { items: string[]; finish: () => void; fail: (err: Error) => void }[] = [];
  const write = (items: string[]) =>
    new Promise<void>((finish, fail) => {
      calls.push({ items, finish, fail });
    });
  return { calls, write };
}
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('writes grouped while one is in hand (group commit)', () => {
  it('writes a lone item at once, and everything that arrived meanwhile together next', async () => {
    const { calls, write } = controlledWrite();
    const add = batchWhileBusy(write);
    const settled: string[] = [];
    const a = add('a').then(() => settled.push('a'));
    await tick();
    expect(calls.map((c) => c.items)).toEqual([['a']]);
    const rest = ['b', 'c', 'd'].map((x) => add(x).then(() => settled.push(x)));
    await tick();
    expect(calls).toHaveLength(1); // b, c and d wait for a's write
    calls[0]!.finish();
    await a;
    await tick();
    expect(settled).toEqual(['a']);
    expect(calls.map((c) => c.items)).toEqual([['a'], ['b', 'c', 'd']]);
    calls[1]!.finish();
    await Promise.all(rest);
    expect(settled).toEqual(['a', 'b', 'c', 'd']);
    // idle again: the next item is written at once, alone
    const e = add('e');
    await tick();
    expect(calls.map((c) => c.items)).toEqual([['a'], ['b', 'c', 'd'], ['e']]);
    calls[2]!.finish();
    await e;
  });

  it('a failed write fails its own group only, and the next group is still written', async () => {
    const { calls, write } = controlledWrite();
    const add = batchWhileBusy(write);
    const a = add('a');
    await tick();
    const b = add('b');
    const c = add('c');
    calls[0]!.fail(new Error('connection reset'));
    await expect(a).rejects.toThrow('connection reset');
    await tick();
    expect(calls.map((x) => x.items)).toEqual([['a'], ['b', 'c']]);
    calls[1]!.finish();
    await expect(Promise.all([b, c])).resolves.toEqual([undefined, undefined]);
  });
});
