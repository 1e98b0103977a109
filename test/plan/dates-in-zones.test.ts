import { describe, expect, it } from 'vitest';
import { dateIn } from '../../bot/plan/dates.js';

describe('the calendar date of an instant in a time zone (dateIn)', () => {
  it('turns at midnight in London, in winter and in summer time, not at midnight UTC', () => {
    expect(dateIn(new Date('2026-01-14T23:59:59.999Z'), 'Europe/London')).toBe('2026-01-14');
    expect(dateIn(new Date('2026-01-15T00:00:00.000Z'), 'Europe/London')).toBe('2026-01-15');
    expect(dateIn(new Date('2026-07-14T22:59:59.999Z'), 'Europe/London')).toBe('2026-07-14');
    expect(dateIn(new Date('2026-07-14T23:00:00.000Z'), 'Europe/London')).toBe('2026-07-15');
  });

  it('asked again and again, in turn for different zones and instants, gives each its own date', () => {
    const asked = [
      ['2026-07-14T23:00:00.000Z', 'Europe/London', '2026-07-15'],
      ['2026-07-14T23:00:00.000Z', 'UTC', '2026-07-14'],
      ['2026-07-14T22:59:59.999Z', 'Europe/London', '2026-07-14'],
      ['2026-07-14T23:00:00.000Z', 'Europe/London', '2026-07-15'],
      ['2026-07-14T23:00:00.500Z', 'Europe/London', '2026-07-15'],
      ['2026-07-15T12:00:00.000Z', 'Pacific/Auckland', '2026-07-16'],
      ['2026-07-14T23:00:00.000Z', 'Europe/London', '2026-07-15'],
    ] as const;
    for (const [instant, zone, date] of asked) expect(dateIn(new Date(instant), zone), `${instant} in ${zone}`).toBe(date);
  });

  it('refuses an instant that is not a date, every time', () => {
    expect(() => dateIn(new Date('not a date'), 'Europe/London')).toThrow(RangeError);
    expect(() => dateIn(new Date('not a date'), 'Europe/London')).toThrow(RangeError);
  });
});
