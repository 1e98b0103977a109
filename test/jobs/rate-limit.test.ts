import { describe, expect, it } from 'vitest';
import { createSendPacer, tokenBucket } from '../../bot/notify/rate-limit.js';

/** A clock where sleeping moves time on at once. */
function virtualClock() {
  let now = 0;
  return { now: () => now, sleep: async (ms: number) => void (now += ms), advance: (ms: number) => void (now += ms) };
}

describe('client-side pacing of proactive sends', () => {
  it('a token bucket lets a burst through, then one request every 1/rate seconds', async () => {
    const clock = virtualClock();
    const bucket = tokenBucket(50, 5, clock);
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      await bucket.take();
      times.push(clock.now());
    }
    expect(times.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(times[14]).toBeCloseTo(200, 5);
  });

  it('concurrent takers queue in order and share the rate: 100 at once take two seconds at 50 a second', async () => {
    const wakeUps: number[] = [];
    const clock = { now: () => 0, sleep: async (ms: number) => void wakeUps.push(ms) };
    const bucket = tokenBucket(50, 1, clock);
    await Promise.all(Array.from({ length: 100 }, () => bucket.take()));
    expect(Math.max(...wakeUps)).toBeCloseTo(1980, 5);
    expect(new Set(wakeUps.map((w) => Math.round(w))).size).toBe(99);
  });

  it('paces one conversation at about 7 a second while others go on', async () => {
    const clock = virtualClock();
    const pacer = createSendPacer({ perSecond: 1000, burst: 100 }, clock);
    for (let i = 0; i < 8; i++) await pacer.acquire('a:personal-1');
    expect(clock.now()).toBeCloseTo(1000, 5);
    const before = clock.now();
    await pacer.acquire('a:personal-2');
    expect(clock.now()).toBe(before);
  });

  it('defaults to 50 a second per app and 7 a second per conversation', () => {
    expect(createSendPacer().limits).toEqual({ perSecond: 50, burst: 1, perConversationPerSecond: 7 });
  });
});
