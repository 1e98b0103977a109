import { describe, expect, it } from 'vitest';
import { localTimesBetween, localWall, resolveLocal, wallMinus, weekdayOf } from '../../bot/plan/schedule/local-time.js';
import { formatWhen } from '../../bot/plan/schedule/describe.js';

const LONDON = 'Europe/London';
const iso = (d: Date) => d.toISOString();

describe('local times in Europe/London', () => {
  it('09:00 stays 09:00 local either side of both clock changes', () => {
    expect(iso(resolveLocal('2026-03-28', '09:00', LONDON))).toBe('2026-03-28T09:00:00.000Z');
    expect(iso(resolveLocal('2026-03-30', '09:00', LONDON))).toBe('2026-03-30T08:00:00.000Z');
    expect(iso(resolveLocal('2026-10-24', '09:00', LONDON))).toBe('2026-10-24T08:00:00.000Z');
    expect(iso(resolveLocal('2026-10-26', '09:00', LONDON))).toBe('2026-10-26T09:00:00.000Z');
  });

  it('a time in the spring-forward gap (29 March 2026, 01:00-01:59) fires when the clocks go forward: 02:00 BST', () => {
    for (const time of ['01:00', '01:30', '01:59']) {
      const at = resolveLocal('2026-03-29', time, LONDON);
      expect(iso(at)).toBe('2026-03-29T01:00:00.000Z');
      expect(formatWhen(at, LONDON)).toBe('Sunday 29 March 2026 at 02:00');
    }
    expect(iso(resolveLocal('2026-03-29', '00:59', LONDON))).toBe('2026-03-29T00:59:00.000Z');
    expect(iso(resolveLocal('2026-03-29', '02:00', LONDON))).toBe('2026-03-29T01:00:00.000Z');
  });

  it('asked again (every scheduler tick asks the same), gives the same instant each time, in a Date of its own', () => {
    const first = resolveLocal('2026-03-29', '01:30', LONDON);
    first.setTime(0); // a caller changing its Date changes nothing for the next
    const again = resolveLocal('2026-03-29', '01:30', LONDON);
    expect(iso(again)).toBe('2026-03-29T01:00:00.000Z');
    expect(again).not.toBe(resolveLocal('2026-03-29', '01:30', LONDON));
    expect(iso(resolveLocal('2026-03-29', '01:30', 'Australia/Lord_Howe'))).toBe('2026-03-28T14:30:00.000Z');
  });

  it('a time in the repeated autumn hour (25 October 2026, 01:00-01:59) resolves to its first occurrence, BST', () => {
    expect(iso(resolveLocal('2026-10-25', '01:30', LONDON))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(resolveLocal('2026-10-25', '01:00', LONDON))).toBe('2026-10-25T00:00:00.000Z');
    expect(iso(resolveLocal('2026-10-25', '02:00', LONDON))).toBe('2026-10-25T02:00:00.000Z');
  });

  it('fires a 01:30 daily time once on the autumn day, not twice', () => {
    const found = localTimesBetween(new Date('2026-10-24T12:00:00Z'), new Date('2026-10-25T12:00:00Z'), LONDON, '01:30', () => true);
    expect(found.map((f) => iso(f.at))).toEqual(['2026-10-25T00:30:00.000Z']);
  });

  it('finds every Monday 09:00 in a window, as an exclusive-inclusive range', () => {
    const mondays = (date: string) => weekdayOf(date) === 1;
    const from = new Date('2026-11-23T09:00:00Z');
    expect(localTimesBetween(from, new Date('2026-12-07T09:00:00Z'), LONDON, '09:00', mondays).map((f) => f.date)).toEqual([
      '2026-11-30',
      '2026-12-07',
    ]);
    expect(localTimesBetween(new Date('2026-11-23T08:59:00Z'), from, LONDON, '09:00', mondays).map((f) => f.date)).toEqual(['2026-11-23']);
  });

  it('moves a wall time back on the calendar, across month ends', () => {
    expect(wallMinus('2026-12-01', '10:00', 10080)).toEqual({ date: '2026-11-24', time: '10:00' });
    expect(wallMinus('2026-03-01', '00:30', 60)).toEqual({ date: '2026-02-28', time: '23:30' });
    expect(localWall(new Date('2026-07-01T08:00:00Z'), LONDON)).toEqual({ date: '2026-07-01', time: '09:00' });
  });

  it('works in other zones too', () => {
    expect(iso(resolveLocal('2026-07-01', '09:00', 'Europe/Dublin'))).toBe('2026-07-01T08:00:00.000Z');
    expect(iso(resolveLocal('2026-03-08', '02:30', 'America/New_York'))).toBe('2026-03-08T07:00:00.000Z');
  });
});
