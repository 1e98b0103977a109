import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isSignpostingQuestion } from '../../../bot/plan/signposting/matcher.js';

describe('safeguarding signposting', () => {
  it.each([
    'how do I make a referral?',
    'How do I make a Prevent referral',
    'how can we submit a referral',
    'how to make a referral',
    'I want to make a referral',
    'make a referral',
    "I'm worried about someone",
    'I am really worried about a pupil in my class',
    'I’m concerned about a colleague',
    'We are worried about a young person at the mosque',
    'I have concerns about a student',
    'who do I call?',
    'Who should I contact?',
    'who do I speak to about a concern',
    'what number do I call?',
    'where do I report it?',
    'how do I report a concern',
    "what's the referral route?",
    'what is the referral process',
    'someone is being radicalised',
    'I think a student might be radicalised',
    'is it an emergency?',
  ])('recognises "%s"', (text) => {
    expect(isSignpostingQuestion(text)).toBe(true);
  });

  it.each([
    "what's amber?",
    'show action 13',
    'anything on referrals?',
    'what is CoLP leading?',
    'update action 18',
    'history of action 13',
    'who are the leads?',
    'what changed this week?',
    'summary',
    'privacy',
    'Referral pathway refreshed and circulated to all DSLs',
    'Staff survey: 72% feel confident to make a referral',
  ])('leaves "%s" to the plan', (text) => {
    expect(isSignpostingQuestion(text)).toBe(false);
  });

  it('takes none of the plan questions the question parser is tested with', () => {
    const source = readFileSync(new URL('../questions.test.ts', import.meta.url), 'utf8');
    const questions = [...source.matchAll(/^\s*\[\s*(["'])(.+?)\1,/gm)].map((m) => m[2] ?? '');
    expect(questions.length).toBeGreaterThan(20);
    expect(questions.filter(isSignpostingQuestion)).toEqual([]);
  });
});
