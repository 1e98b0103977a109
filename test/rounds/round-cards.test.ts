import { describe, expect, it } from 'vitest';
import { buildRoundRequestCard } from '../../cards/round-request.js';
import { buildRoundStatusCard } from '../../cards/round-status.js';
import { validateCard } from '../../cards/validate.js';
import { ALL_VERBS } from '../../cards/verbs.js';
import { roundProgress, type RoundItemView } from '../../bot/plan/rounds.js';
import { buttons, ofType } from '../cards/card-walk.js';
import { manyLongActions } from '../cards/factories.js';

const round = {
  title: 'board meeting',
  meetingDate: '2026-12-04',
  deadline: new Date('2026-12-03T17:00:00Z'),
  status: 'open' as const,
  createdAt: new Date('2026-11-23T10:00:00Z'),
  reminderSentAt: null,
  closedAt: null,
};
const long = manyLongActions(200);
const items: RoundItemView[] = long.flatMap((a, i) =>
  [0, 1].map((p) => ({
    actionId: a.id,
    ref: a.ref,
    title: a.title,
    personId: (i % 40) * 2 + p,
    personName: `Lead ${(i % 40) * 2 + p}`,
    organisation: `Organisation ${i % 40}`,
    unreachable: i % 7 === 0,
  })),
);
const progress = roundProgress(
  items,
  long.slice(0, 90).map((a, i) => ({ actionId: a.id, at: '2026-11-25T10:00:00.000Z', by: 'Someone', historyId: i + 1 })),
  '2026-11-23T10:00:00.000Z',
);

const cards: [string, { card: object; text: string }][] = [
  ['request, 3 actions', buildRoundRequestCard({ round, timeZone: 'Europe/London', organisation: 'CST', actions: long.slice(0, 3) })],
  ['request, 200 long actions', buildRoundRequestCard({ round, timeZone: 'Europe/London', organisation: 'CST', actions: long })],
  ['reminder', buildRoundRequestCard({ round, timeZone: 'Europe/London', organisation: 'CST', actions: long.slice(0, 1), reminder: true })],
  [
    'status, 80 leads',
    buildRoundStatusCard({
      round,
      timeZone: 'Europe/London',
      progress,
      reminderAt: new Date('2026-12-01T10:00:00Z'),
      now: new Date('2026-11-24T10:00:00Z'),
    }),
  ],
  [
    'closing summary',
    buildRoundStatusCard({
      round: { ...round, status: 'closed', closedAt: round.deadline },
      timeZone: 'Europe/London',
      progress,
      reminderAt: new Date('2026-12-01T10:00:00Z'),
      now: new Date('2026-11-24T10:00:00Z'),
      closing: true,
    }),
  ],
];

describe.each(cards)('%s', (_name, { card, text }) => {
  it('validates, fits under 28 KB, and every button has an Action.Submit fallback with the same data', () => {
    expect(validateCard(card)).toEqual([]);
    for (const b of buttons(card)) {
      expect(ALL_VERBS).toContain(b.verb);
      expect((b.fallback as { data: unknown }).data).toEqual(b.data);
    }
    expect(ofType(card, 'Action.Submit')).toHaveLength(buttons(card).length);
    expect(text.length).toBeGreaterThan(0);
  });
});

describe('round cards', () => {
  it('a long request lists as many actions as fit and says how to update the rest', () => {
    const { text } = buildRoundRequestCard({ round, timeZone: 'Europe/London', organisation: 'CST', actions: long });
    expect(text).toContain('Please update the 200 actions you lead for CST by 17:00 on Thursday 3 December 2026.');
    expect(text).toMatch(/\d+ more actions not shown/);
  });

  it('a status too long for one card keeps the totals and every lead, with details for as many as fit', () => {
    const { text } = buildRoundStatusCard({
      round,
      timeZone: 'Europe/London',
      progress,
      reminderAt: new Date('2026-12-01T10:00:00Z'),
      now: new Date('2026-11-24T10:00:00Z'),
    });
    expect(text).toContain(`${progress.leadsAnswered} of 80 leads have replied; 90 of 200 actions have been updated.`);
    for (const lead of progress.leads) expect(text).toContain(`- ${lead.name} (`);
  });
});
