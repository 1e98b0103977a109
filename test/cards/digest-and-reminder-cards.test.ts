import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../bot/plan/digest.js';
import { buildDigestCard } from '../../cards/digest-card.js';
import { buildCaseReviewCard, buildLeadReminderCard, buildMeetingReminderCard, buildUnreachableCard } from '../../cards/reminder-card.js';
import { validateCard } from '../../cards/validate.js';
import { demoPlanView, makeAction, makePlan } from '../factories/demo-plan.js';

const AT = new Date('2026-11-23T09:00:00Z');

function demoDigest() {
  const plan = demoPlanView();
  return buildDigest({
    plan,
    at: AT,
    today: '2026-11-23',
    changes: [{ actionId: 18, from: 'AMBER', to: 'RED', at: '2026-11-18T14:05:00.000Z', by: 'Ali Burlington', source: 'card' }],
    firstRecorded: Object.fromEntries(plan.actions.map((a) => [a.id, '2026-01-01T00:00:00.000Z'])),
    rounds: [{ title: 'December board update', meetingDate: '2026-12-08', deadline: '2026-12-01T17:00:00.000Z', answered: 3, pending: 5 }],
    unreachable: ['Sam Lead'],
  });
}

describe('digest card', () => {
  it('says everything in words in the card and the text, and validates', () => {
    const { card, text } = buildDigestCard({ digest: demoDigest(), timeZone: 'Europe/London' });
    expect(validateCard(card)).toEqual([]);
    expect(text).toContain('Weekly digest: ');
    expect(text).toContain('City of London, Monday 23 November 2026');
    expect(text).toMatch(
      /2 RED \(up 1 since last week\), 12 AMBER \(down 1 since last week\), 8 GREEN \(no change\), 2 COMPLETE \(no change\)/,
    );
    expect(text).toContain(
      'Action 18 · Engage with and support faith groups: AMBER → RED, by Ali Burlington, Wednesday 18 November 2026 at 14:05',
    );
    expect(text).toContain('Overdue actions (');
    expect(text).toContain(
      'December board update: meeting Tuesday 8 December 2026, answers due Tuesday 1 December 2026 at 17:00; 3 answered, 5 waiting',
    );
    expect(text).toContain('Sam Lead');
    for (const line of text.split('\n').filter(Boolean)) expect(JSON.stringify(card)).toContain(line.replace(/:$/, '').slice(0, 40));
  });

  it('caps long lists to fit the card budget', () => {
    const actions = Array.from({ length: 300 }, (_, i) =>
      makeAction({ ref: i + 1, title: `A long action title ${'x'.repeat(200)}`, dueDate: '2025-01-01' }),
    );
    const plan = makePlan(actions);
    const digest = buildDigest({ plan, at: AT, today: '2026-11-23', changes: [], firstRecorded: {}, rounds: [], unreachable: [] });
    const { card, text } = buildDigestCard({ digest, timeZone: 'Europe/London' });
    expect(validateCard(card)).toEqual([]);
    expect(text).toMatch(/and \d+ more not shown/);
  });
});

describe('reminder cards', () => {
  it('a Channel panel reminder is logistics only', () => {
    const { card, text } = buildMeetingReminderCard({
      name: 'Channel panel',
      kind: 'channel-panel',
      meetingAt: new Date('2026-12-01T10:00:00Z'),
      leadMinutes: 10080,
      timeZone: 'Europe/London',
      repeats: 'monthly on the first Tuesday',
    });
    expect(validateCard(card)).toEqual([]);
    expect(text).toBe(
      'Reminder: Channel panel\nChannel panel: Tuesday 1 December 2026 at 10:00 (in a week).\nIt meets monthly on the first Tuesday.\nSent to panel members only, in personal chat. Case papers come through the usual secure route, never by chat.',
    );
  });

  it('lead, case review and unreachable cards validate and read well', () => {
    const lead = buildLeadReminderCard({
      name: 'Ali',
      items: [
        { ref: 7, title: 'Attend the network', rag: 'AMBER', dueDate: '2026-12-04', kind: 'due-soon' },
        { ref: 9, title: 'Review leads', rag: 'RED', dueDate: '2021-10-31', kind: 'overdue' },
      ],
    });
    const review = buildCaseReviewCard({ caseRef: 'CH-2026-014', reviewDue: '2027-05-03', daysAhead: 7 });
    const unreachable = buildUnreachableCard({ what: 'the Channel panel reminder', people: ['Sam', 'Jo'] });
    for (const r of [lead, review, unreachable]) expect(validateCard(r.card)).toEqual([]);
    expect(lead.text).toContain('Action 7 · Attend the network (AMBER, due Friday 4 December 2026)');
    expect(lead.text).toContain('stop reminding me about action 7 until January');
    expect(review.text).toContain('Case CH-2026-014 is due for its six-month review on Monday 3 May 2027 (in a week).');
    expect(unreachable.text).toContain('I could not send the Channel panel reminder to: Sam, Jo.');
  });
});
