import { describe, expect, it } from 'vitest';
import { answerOf } from './answers.js';
import { FRESH_SET } from './fresh-set.js';
import { ISSUE_EXAMPLES } from './issue-examples.js';
import { TABLES } from './tables.js';

describe('the phrasing table: every partner, in their own words', () => {
  it('has at least 300 questions', () => {
    expect(Object.values(TABLES).flat().length).toBeGreaterThanOrEqual(300);
  });

  for (const [partner, table] of Object.entries(TABLES)) {
    describe(partner, () => {
      it.each(table)('%s', (text, want, speaker) => {
        expect(answerOf(text, speaker)).toEqual(want);
      });
    });
  }
});

describe('every example in issue 15', () => {
  it.each(ISSUE_EXAMPLES)('%s', (text, want, speaker) => {
    expect(answerOf(text, speaker)).toEqual(want);
  });
});

describe('the fresh set written before the parser changed', () => {
  it.each(FRESH_SET)('%s', (text, want, speaker) => {
    expect(answerOf(text, speaker)).toEqual(want);
  });
});
