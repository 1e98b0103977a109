import { describe, expect, it } from 'vitest';
import { ragWords } from '../../bot/plan/types.js';
import { invokeResponse, toActivity, withFallbackSized } from '../../bot/teams/render.js';
import { messageJson } from '../../cards/card-json.js';
import { buildActionCard } from '../../cards/action-card.js';
import { cardBytes } from '../../cards/budget.js';
import { shorten } from '../../cards/format.js';
import { buildAnnouncementCard } from '../../cards/announcement-card.js';
import { buildHelpCard } from '../../cards/help-card.js';
import { buildHistoryCard } from '../../cards/history-card.js';
import { buildListCard } from '../../cards/list-card.js';
import { buildMessageCard } from '../../cards/message-card.js';
import { buildSummaryCard } from '../../cards/summary-card.js';
import { validateCard } from '../../cards/validate.js';
import { ALL_VERBS } from '../../cards/verbs.js';
import { buttons, ofType, visibleText } from './card-walk.js';
import { citySummary, cityPlanActions, makeAction, makeHistory, manyLongActions } from './factories.js';
import { at } from '../support/at.js';

const plan = cityPlanActions();
const long = manyLongActions(200);
const allowed = () => true;
const listPages = (actions: typeof plan, pageSize = 10) =>
  Array.from({ length: Math.ceil(actions.length / pageSize) }, (_, page) =>
    buildListCard({
      heading: `${actions.length} actions`,
      actions,
      offset: page * pageSize,
      pageSize,
      moreToken: 'q:all',
      canUpdate: allowed,
    }),
  );

const cards: [string, { card: object; text: string }][] = [
  ...listPages(plan).map((r, i) => [`24-action list, page ${i + 1}`, r] as [string, typeof r]),
  ...listPages(long).map((r, i) => [`200 long actions, page ${i + 1}`, r] as [string, typeof r]),
  ['empty list', buildListCard({ heading: '0 actions are RED', actions: [], offset: 0, moreToken: 't', canUpdate: allowed })],
  ['action with target, can update', buildActionCard({ action: at(plan, 2), canUpdate: true, userIds: ['29:a', '29:b'] })],
  ['action without target, can update', buildActionCard({ action: at(plan, 17), canUpdate: true })],
  ['action, read-only', buildActionCard({ action: at(plan, 17), canUpdate: false, whoCanUpdate: 'its leads or the coordinator' })],
  [
    'long action with notice and draft',
    buildActionCard({
      action: { ...at(long, 0), target: 25, progress: 7 },
      canUpdate: true,
      notice: { kind: 'warning', message: 'Someone else saved first.' },
      draft: { rag: 'GREEN', note: 'Draft', progress: 8 },
    }),
  ],
  ['help', buildHelpCard()],
  ['help, not understood', buildHelpCard({ notUnderstood: 'what about the thing?' })],
  ['summary', buildSummaryCard(citySummary())],
  ['history of 50', buildHistoryCard({ action: at(plan, 17), entries: makeHistory(50), timeZone: 'Europe/London' })],
  ['history, none', buildHistoryCard({ action: at(plan, 17), entries: [], timeZone: 'Europe/London' })],
  [
    'announcement',
    buildAnnouncementCard({
      action: makeAction(),
      from: 'RED',
      to: 'AMBER',
      by: 'Ali Burlington',
      byOrganisation: 'CST',
      note: 'Met two groups.',
    }),
  ],
  ['message', buildMessageCard({ title: 'Not saved', lines: ['Action 99 does not exist.'] })],
];

describe.each(cards)('%s', (_name, { card, text }) => {
  it('validates cleanly with the adaptivecards SDK and is under 28 KB', () => {
    expect(validateCard(card)).toEqual([]);
    expect(JSON.stringify(card).length).toBeLessThan(28 * 1024);
  });

  it('is measured exactly, as built and with its fallback text added (the summary is cut to the room left)', () => {
    const bytes = (o: object) => Buffer.byteLength(JSON.stringify(o), 'utf8');
    expect(cardBytes(card)).toBe(bytes(card));
    for (const words of [text, 'Ünïcödé “quotes” and \\ backslashes\n', '']) {
      const sized = withFallbackSized(card, words);
      expect(sized.bytes).toBe(bytes(sized.card));
    }
  });

  it('is sent exactly as JSON.stringify writes it, in a message and in an invoke response', () => {
    for (const reply of [
      { card, text },
      { card, text: 'Ünïcödé “quotes”, \\ and a NUL \u0000 typed' },
      { card, text: '' },
    ]) {
      const activity = toActivity(reply);
      expect(messageJson(activity)).toBe(JSON.stringify(activity));
      const answered = invokeResponse(reply).value as { body: object };
      expect(messageJson(answered.body)).toBe(JSON.stringify(answered.body));
    }
  });

  it('gives every Action.Execute an Action.Submit fallback with the same verb and data', () => {
    for (const action of buttons(card)) {
      expect(ALL_VERBS).toContain(action.verb);
      expect(action.title).toEqual(expect.any(String));
      const fallback = action.fallback as Record<string, unknown>;
      expect(fallback).toMatchObject({ type: 'Action.Submit', title: action.title });
      expect(fallback.data).toEqual(action.data);
      expect((fallback.data as { verb: string }).verb).toBe(action.verb);
    }
    expect(ofType(card, 'Action.Submit')).toHaveLength(buttons(card).length);
  });

  it('keeps button data small', () => {
    for (const action of buttons(card)) expect(JSON.stringify(action.data).length).toBeLessThan(200);
  });

  it('has a text fallback naming the same actions, each with its RAG in words', () => {
    const seen = visibleText(card);
    const labels = (words: string) => [...words.matchAll(/Action (\d+) · /g)].map((m) => m[1]);
    expect(labels(text)).toEqual(labels(seen));
    for (const ref of new Set(labels(seen))) {
      const action = [...plan, ...long].find((a) => String(a.ref) === ref && seen.includes(a.title.slice(0, 40)));
      expect(action).toBeDefined();
      expect(text).toContain(action!.title.slice(0, 40));
    }
    expect(text.trim().length).toBeGreaterThan(0);
  });
});

describe('RAG words in list cards', () => {
  it('appear for every action of the plan in both card and text', () => {
    const covered = new Set<number>();
    for (const { card, text } of listPages(plan, 12)) {
      for (const action of plan.filter((a) => text.includes(`Action ${a.ref} · `))) {
        // lists are compact: a long title is shortened there (the action's own card has it whole)
        const title = shorten(action.title, 120);
        expect(visibleText(card)).toContain(`Action ${action.ref} · ${title}\nRAG: ${ragWords(action.rag)}`);
        expect(text).toContain(`Action ${action.ref} · ${title} · RAG: ${ragWords(action.rag)}`);
        covered.add(action.ref);
      }
    }
    expect(covered.size).toBe(24);
  });
});
