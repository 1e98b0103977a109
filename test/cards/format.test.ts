import { describe, expect, it } from 'vitest';
import { actionLabel, deadlineWords, progressWords, ragChange, ragChoiceTitle, sourceWords } from '../../cards/describe.js';
import { formatDueDate, formatInstant, joinLeads, plainText, plural, shorten } from '../../cards/format.js';

describe('format', () => {
  it('writes dates the British way', () => {
    expect(formatDueDate('2021-10-31')).toBe('31 October 2021');
    expect(formatDueDate('2022-03-01')).toBe('1 March 2022');
    expect(formatDueDate('October 2021')).toBe('October 2021');
  });

  it('writes instants in Europe/London, across the clock change', () => {
    expect(formatInstant('2026-11-22T14:05:00Z')).toEqual({ date: '22 November 2026', time: '14:05' });
    expect(formatInstant('2026-07-01T13:05:00Z')).toEqual({ date: '1 July 2026', time: '14:05' });
    expect(formatInstant('2026-03-28T23:30:00Z', 'Europe/London').date).toBe('28 March 2026');
    expect(formatInstant('2026-03-29T23:30:00Z', 'Europe/London')).toEqual({ date: '30 March 2026', time: '00:30' });
  });

  it('joins leads, and says when there is none', () => {
    expect(joinLeads(['CoLC CST', 'CoLP Prevent team'])).toBe('CoLC CST, CoLP Prevent team');
    expect(joinLeads([])).toBe('No lead assigned');
  });

  it('shortens, pluralises and defuses markdown in echoed text', () => {
    expect(shorten('abcdef', 4)).toBe('abc…');
    expect(shorten('abc', 4)).toBe('abc');
    expect(plural(1, 'action')).toBe('1 action');
    expect(plural(12, 'action')).toBe('12 actions');
    expect(plainText('[click](http://x) **now**')).toBe('click http://x now');
  });
});

describe('describe', () => {
  it('labels actions and writes deadlines with due dates and repeats', () => {
    expect(actionLabel({ ref: 18, title: 'Engage with and support faith groups' })).toBe(
      'Action 18 · Engage with and support faith groups',
    );
    expect(deadlineWords({ deadlineText: 'October 2021', dueDate: '2021-10-31', recurrence: null })).toBe(
      'October 2021 (due 31 October 2021)',
    );
    expect(deadlineWords({ deadlineText: 'Ongoing – bi-weekly', dueDate: null, recurrence: 'bi-weekly' })).toBe(
      'Ongoing – bi-weekly (repeats every two weeks)',
    );
    expect(deadlineWords({ deadlineText: '', dueDate: '2022-03-31', recurrence: null })).toBe('Due 31 March 2022');
    expect(deadlineWords({ deadlineText: '', dueDate: null, recurrence: null })).toBe('No deadline given');
  });

  it('writes progress, RAG changes, choices and sources in words', () => {
    expect(progressWords({ target: 6, progress: 3 })).toBe('3 of 6');
    expect(progressWords({ target: 6, progress: null })).toBe('None recorded yet (target 6)');
    expect(progressWords({ target: null, progress: null })).toBeNull();
    expect(ragChange('RED', 'AMBER')).toBe('RED → AMBER');
    expect(ragChange('AMBER', 'AMBER')).toBe('AMBER (no change)');
    expect(ragChange('UNRATED', 'GREEN')).toBe('Not yet rated → GREEN');
    expect(ragChoiceTitle('RED')).toBe('RED – off track');
    expect(sourceWords('card')).toBe('from a card');
    expect(sourceWords('chat')).toBe('in chat');
    expect(sourceWords('import')).toBe('by import');
  });
});
