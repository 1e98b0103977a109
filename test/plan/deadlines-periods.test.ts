import { describe, expect, it } from 'vitest';
import { parseDeadline } from '../../bot/plan/deadlines.js';

describe('deadlines in the public sector and school calendars', () => {
  it.each([
    ['Q1 2025/26', '2025-06-30'],
    ['Q2 2025/26', '2025-09-30'],
    ['Q3 2025/26', '2025-12-31'],
    ['Q4 2025/26', '2026-03-31'],
    ['q3 2025-2026', '2025-12-31'],
    ['Autumn term 2025', '2025-12-31'],
    ['Spring term 2026', '2026-03-31'],
    ['Summer term 2026', '2026-07-31'],
    ['Autumn term 2025/26', '2025-12-31'],
    ['Summer term 2025/26', '2026-07-31'],
    ['Sep-25', '2025-09-30'],
    ['31/03/2026', '2026-03-31'],
    ['2026-01-15', '2026-01-15'],
    ['TBC', null],
  ])('reads %j as due %s', (text, dueDate) => {
    expect(parseDeadline(text).dueDate).toBe(dueDate);
  });

  it('refuses a quarter of a year that is not a financial year', () => {
    expect(parseDeadline('Q3 2025/27').dueDate).toBeNull();
  });

  it('reads "end of March" as the coming March, and only when today is known', () => {
    expect(parseDeadline('end of March', '2025-11-28').dueDate).toBe('2026-03-31');
    expect(parseDeadline('by March', '2026-03-10').dueDate).toBe('2026-03-31');
    expect(parseDeadline('End of December', '2025-11-28').dueDate).toBe('2025-12-31');
    expect(parseDeadline('end of March').dueDate).toBeNull();
    expect(parseDeadline('March and annual review', '2025-11-28').dueDate).toBeNull();
  });

  it('reads "Monthly" as a repeat with no date', () => {
    expect(parseDeadline('Monthly')).toEqual({ dueDate: null, recurrence: 'monthly', refersTo: null });
  });
});
