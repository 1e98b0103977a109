import { describe, expect, it } from 'vitest';
import { nextRetryAt } from '../../bot/plan/delivery/retry-schedule.js';

const QUEUED = new Date('2026-11-28T14:00:00Z');
const at = (minutes: number) => new Date(QUEUED.getTime() + minutes * 60_000);
const hhmm = (d: Date | null) => d?.toISOString().slice(11, 16) ?? null;

describe('when a message Teams failed to take is tried again', () => {
  it('1, 5 and 30 minutes, then every 2 hours, counted from when it was queued', () => {
    expect(hhmm(nextRetryAt(QUEUED, at(0.1)))).toBe('14:01');
    expect(hhmm(nextRetryAt(QUEUED, at(1)))).toBe('14:06');
    expect(hhmm(nextRetryAt(QUEUED, at(6)))).toBe('14:36');
    expect(hhmm(nextRetryAt(QUEUED, at(36)))).toBe('16:36');
    expect(hhmm(nextRetryAt(QUEUED, at(156)))).toBe('18:36');
  });

  it('never sooner than 30 seconds after a failure, and later when the sender was not running', () => {
    expect(hhmm(nextRetryAt(QUEUED, at(5.9)))).toBe('14:36');
    expect(hhmm(nextRetryAt(QUEUED, at(200)))).toBe('18:36');
  });

  it('gives up once the next try would be more than a day after queueing', () => {
    expect(hhmm(nextRetryAt(QUEUED, at(20 * 60 + 36)))).toBe('12:36');
    // the try at 12:36 the next day is the last: the one after would be 14:36, more than a day after 14:00
    expect(nextRetryAt(QUEUED, at(22 * 60 + 36))).toBeNull();
    expect(nextRetryAt(QUEUED, at(25 * 60))).toBeNull();
    expect(nextRetryAt(QUEUED, at(365 * 24 * 60))).toBeNull();
  });
});
