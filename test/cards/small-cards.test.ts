import { describe, expect, it } from 'vitest';
import { buildAnnouncementCard } from '../../cards/announcement-card.js';
import { buildHelpCard } from '../../cards/help-card.js';
import { buildMessageCard } from '../../cards/message-card.js';
import { validateCard } from '../../cards/validate.js';
import { VERBS } from '../../cards/verbs.js';
import { buttonsWithVerb, firstBodyElement, visibleText } from './card-walk.js';
import { makeAction } from './factories.js';

describe('buildHelpCard', () => {
  it('lists the example questions in the card and the text', () => {
    const { card, text } = buildHelpCard();
    expect(validateCard(card)).toEqual([]);
    for (const example of [
      "what's amber?",
      "what's overdue?",
      'what is CoLP leading?',
      'show action 12',
      'anything on faith groups?',
      'summary',
      'update action 18',
      'history of action 18',
    ]) {
      expect(visibleText(card)).toContain(example);
      expect(text).toContain(example);
    }
    expect(text).not.toContain("didn't understand");
  });

  it('starts by saying what it did not understand, without echoing markdown', () => {
    const { card, text } = buildHelpCard({ notUnderstood: 'xyz' });
    expect(firstBodyElement(card)).toMatchObject({ text: 'I didn\'t understand "xyz".' });
    expect(text.split('\n')[0]).toBe('I didn\'t understand "xyz".');
    expect(buildHelpCard({ notUnderstood: '[log in](https://evil.example)' }).text).not.toContain('](');
  });
});

describe('buildAnnouncementCard', () => {
  it('says what changed, who changed it, the note, and offers Show', () => {
    const action = makeAction();
    const { card, text } = buildAnnouncementCard({
      action,
      from: 'RED',
      to: 'AMBER',
      by: 'Ali Burlington',
      byOrganisation: 'CST',
      note: 'Met two faith groups in November.',
    });
    expect(validateCard(card)).toEqual([]);
    const headline = 'Action 18 · Engage with and support faith groups: RED → AMBER, by Ali Burlington (CST)';
    expect(firstBodyElement(card)).toMatchObject({ type: 'Container', style: 'warning', items: [{ text: headline }] });
    expect(text).toBe(`${headline}\nMet two faith groups in November.`);
    expect(visibleText(card)).toContain('Met two faith groups in November.');
    expect(buttonsWithVerb(card, VERBS.showAction)[0]?.data).toEqual({ verb: VERBS.showAction, actionId: 118 });
  });

  it('works without an organisation or a note', () => {
    const { card, text } = buildAnnouncementCard({ action: makeAction(), from: 'AMBER', to: 'AMBER', by: 'Sam Okafor', note: '  ' });
    expect(validateCard(card)).toEqual([]);
    expect(text).toBe('Action 18 · Engage with and support faith groups: AMBER (no change), by Sam Okafor');
  });
});

describe('buildMessageCard', () => {
  it('shows an optional title and lines', () => {
    const { card, text } = buildMessageCard({ title: 'Saved', lines: ['Action 18 is now AMBER.', 'The channel has been told.'] });
    expect(validateCard(card)).toEqual([]);
    expect(text).toBe('Saved\nAction 18 is now AMBER.\nThe channel has been told.');
    expect(visibleText(card)).toContain('The channel has been told.');
    expect(buildMessageCard({ lines: ['Only a line.'] }).text).toBe('Only a line.');
  });

  it('drops lines that would take it over the size limit, and says so', () => {
    const lines = Array.from({ length: 100 }, (_, i) => `Line ${i}: ${'words '.repeat(100)}`);
    const { card, text } = buildMessageCard({ title: 'Import report', lines });
    expect(validateCard(card)).toEqual([]);
    expect(text).toMatch(/\d+ more lines not shown\.$/);
  });
});
