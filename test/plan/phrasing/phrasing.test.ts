import { describe, expect, it } from 'vitest';
import { answerOf } from './answers.js';
import { FRESH_SET } from './fresh-set.js';
import { ISSUE_EXAMPLES } from './issue-examples.js';
import { COUNCIL_QUESTIONS, POLICE_QUESTIONS } from './table-police-council.js';
import { BUSINESS_QUESTIONS, FAITH_QUESTIONS, HEALTH_QUESTIONS, PROBATION_QUESTIONS, SCHOOL_QUESTIONS } from './table-partners.js';
import { COORDINATOR_QUESTIONS } from './table-coordinator.js';

/** Each partner's questions on the demo plan (today 22 November 2026), with the exact answer expected. */
const TABLES = {
  police: POLICE_QUESTIONS,
  council: COUNCIL_QUESTIONS,
  schools: SCHOOL_QUESTIONS,
  health: HEALTH_QUESTIONS,
  probation: PROBATION_QUESTIONS,
  faith: FAITH_QUESTIONS,
  business: BUSINESS_QUESTIONS,
  coordinator: COORDINATOR_QUESTIONS,
};

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
