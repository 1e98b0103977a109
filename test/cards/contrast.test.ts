import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RAGS, SETTABLE_RAGS } from '../../bot/plan/types.js';
import { buildActionCard } from '../../cards/action-card.js';
import { buildAnnouncementCard } from '../../cards/announcement-card.js';
import { buildDialogQuestionCard } from '../../cards/dialog-question.js';
import { buildListCard } from '../../cards/list-card.js';
import type { Notice } from '../../cards/notice.js';
import { buildSignpostingCard } from '../../cards/signposting-card.js';
import { buildSummaryCard } from '../../cards/summary-card.js';
import { startUpdateDialog } from '../../bot/plan/dialog/update-dialog.js';
import { contrast, TEAMS_THEMES, type ContainerStyle, type Named } from './teams-themes.js';
import { citySummary, cityPlanActions, makeAction } from './factories.js';

// WCAG AA for text (4.5:1) in Teams' light, dark and high-contrast themes, for every piece of text on the cards the bot
// sends, computed from the colours Teams maps the cards' named colours and container styles to (see teams-themes.ts).

const AA = 4.5;
type Json = Record<string, unknown>;

interface Run {
  where: string;
  style: ContainerStyle;
  colour: Named;
  subtle: boolean;
}

/** Every piece of text on a card with the container style it sits on, its named colour and whether it is subtle. */
function runs(node: unknown, style: ContainerStyle = 'default', path = 'card', found: Run[] = []): Run[] {
  if (Array.isArray(node)) {
    node.forEach((child, i) => runs(child, style, `${path}[${i}]`, found));
    return found;
  }
  if (node === null || typeof node !== 'object') return found;
  const o = node as Json;
  const here = typeof o.style === 'string' && o.type === 'Container' ? (o.style as ContainerStyle) : style;
  if (o.type === 'TextBlock' || o.type === 'FactSet' || (typeof o.type === 'string' && o.type.startsWith('Input.') && o.label)) {
    const colour = String(o.color ?? 'default').toLowerCase() as Named;
    found.push({ where: `${path} ${String(o.text ?? o.label ?? o.type).slice(0, 40)}`, style: here, colour, subtle: o.isSubtle === true });
  }
  for (const [key, child] of Object.entries(o)) if (key !== 'fallback') runs(child, here, `${path}.${key}`, found);
  return found;
}

const actions = cityPlanActions();
const notices: Notice[] = [
  { kind: 'success', message: 'Saved: action 18 is RED → AMBER.' },
  { kind: 'warning', message: 'Someone else saved first.' },
  { kind: 'error', message: 'Nothing was saved.' },
];
const CARDS: [string, object][] = [
  ...RAGS.map((rag): [string, object] => [`action card, ${rag}`, buildActionCard({ action: makeAction({ rag }), canUpdate: true }).card]),
  ...notices.map((notice): [string, object] => [
    `action card with a ${notice.kind} notice`,
    buildActionCard({ action: makeAction(), canUpdate: true, notice }).card,
  ]),
  ['list of every action', buildListCard({ heading: 'All', actions, offset: 0, moreToken: 't', canUpdate: () => true }).card],
  ...SETTABLE_RAGS.map((to): [string, object] => [
    `announcement, to ${to}`,
    buildAnnouncementCard({ action: makeAction(), from: 'RED', to, by: 'Ali Burlington', note: 'Met two groups.' }).card,
  ]),
  ['summary with overdue actions', buildSummaryCard({ ...citySummary(), overdue: 3 }).card],
  [
    'signposting',
    buildSignpostingCard({
      route: { email: 'prevent@example.org', phone: '020 7000 0000', formUrl: null, outOfHours: null },
      national: { actEarly: '0800 011 3764', antiTerroristHotline: '0800 789 321' },
    }).card,
  ],
  ...notices.map((notice): [string, object] => [
    `update question with a ${notice.kind} notice, in a channel`,
    buildDialogQuestionCard({ dialogId: 1, dialog: startUpdateDialog(makeAction()), notice, place: 'channel' }).card,
  ]),
];

describe('colours meet WCAG AA contrast in every Teams theme', () => {
  it.each(TEAMS_THEMES.map((t) => [t.name, t] as const))('%s theme: every text run is at least 4.5:1', (_name, theme) => {
    const failures: string[] = [];
    for (const [card, json] of CARDS) {
      for (const run of runs(json)) {
        const { background, foreground } = theme.styles[run.style];
        const ratio = contrast(foreground[run.colour][run.subtle ? 'subtle' : 'default'], background);
        if (ratio < AA) failures.push(`${card}: ${run.where} (${run.colour} on ${run.style}) ${ratio.toFixed(2)}:1`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('the RAG is a band of its colour with the rating in words, and the banners are the same', () => {
    for (const rag of RAGS) {
      const seen = runs(buildActionCard({ action: makeAction({ rag }), canUpdate: false }).card);
      expect(seen.length).toBeGreaterThan(0);
    }
    const amber = JSON.stringify(buildActionCard({ action: makeAction({ rag: 'AMBER' }), canUpdate: false }).card);
    expect(amber).toContain('"style":"warning","items":[{"type":"TextBlock","text":"RAG: AMBER"');
  });

  it('why: the named text colours themselves fail on Teams backgrounds (so the cards do not use them)', () => {
    const [light, dark] = TEAMS_THEMES;
    expect(contrast(light!.styles.default.foreground.warning.default, light!.styles.default.background)).toBeLessThan(2);
    expect(contrast(light!.styles.good.foreground.good.default, light!.styles.good.background)).toBeLessThan(2);
    expect(contrast(dark!.styles.default.foreground.attention.default, dark!.styles.default.background)).toBeLessThan(AA);
  });

  it('no card builder gives text a named colour (which Teams maps below AA in some theme)', () => {
    const dir = new URL('../../cards/', import.meta.url);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(new URL(file, dir), 'utf8');
      expect(source.match(/\bcolor:\s*['"`](?!default)/gi), file).toBeNull();
    }
  });
});
