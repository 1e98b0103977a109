import { describe, expect, it } from 'vitest';
import { buildListCard } from '../../cards/list-card.js';
import { buildMessageCard } from '../../cards/message-card.js';
import { adaptiveCard, text } from '../../cards/elements.js';
import { escapeText, toSlackMessages } from '../../bot/slack/render.js';
import { plainOf } from '../../bot/slack/blocks.js';
import { slackWords } from '../support/fake-slack.js';
import type { PlanAction } from '../../bot/plan/types.js';

const action = (ref: number): PlanAction =>
  ({
    id: ref,
    ref,
    label: String(ref),
    title: `Action title ${ref} with *stars* and <!channel>`,
    theme: 'Training',
    deadlineText: 'March 2027',
    dueDate: '2027-03-31',
    recurrence: null,
    outcome: '',
    notes: '',
    rag: 'AMBER',
    leads: ['CST'],
    target: null,
    progress: null,
    version: 1,
    lastUpdate: null,
    extras: {},
  }) as unknown as PlanAction;

describe('the Block Kit renderer', () => {
  it('a long card is paged over messages of at most 50 blocks, each with its notification text', () => {
    const body = Array.from({ length: 130 }, (_, i) => ({ type: 'Container', separator: true, items: [text(`Item ${i}`)] }));
    const pages = toSlackMessages({ text: 'A long answer\nmore', card: adaptiveCard(body) });
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) {
      expect(page.blocks!.length).toBeLessThanOrEqual(50);
      expect(page.text.startsWith('A long answer')).toBe(true);
    }
    const all = pages.map((p) => slackWords(p)).join('\n');
    expect(all).toContain('Item 0');
    expect(all).toContain('Item 129');
  });

  it('a page of ten actions fits in one message, with Show and Update buttons carrying the card verbs', () => {
    const actions = Array.from({ length: 12 }, (_, i) => action(i + 1));
    const list = buildListCard({ heading: '12 actions are AMBER', actions, offset: 0, moreToken: 'amber', canUpdate: () => true });
    const [page, ...rest] = toSlackMessages(list);
    expect(rest).toEqual([]);
    expect(page!.blocks!.length).toBeLessThanOrEqual(50);
    const buttons = page!.blocks!.filter((b) => b.type === 'actions').flatMap((b) => b.elements as any[]);
    expect(buttons.map((b) => b.text.text)).toContain('Show more');
    const values = buttons.map((b) => JSON.parse(b.value));
    expect(values.some((v) => v.verb === 'plan.showAction' && v.actionId === 1)).toBe(true);
    expect(new Set(buttons.map((b) => b.action_id)).size).toBe(buttons.length);
  });

  it('text people typed is shown as typed: no mrkdwn, mentions or links become active', () => {
    const reply = buildMessageCard({ title: 'Note', lines: ['Call <!channel> *now* at https://evil.example/x & <@U123>'] });
    const [page] = toSlackMessages(reply);
    const json = JSON.stringify(page!.blocks);
    expect(json).not.toContain('"mrkdwn"');
    expect(slackWords(page!)).toContain('Call <!channel> *now* at https:\u200B//evil.example/x & <@U123>');
    const [plainPage] = toSlackMessages({ text: 'Hello <!here> & <@U1>' });
    expect(plainPage).toEqual({ text: 'Hello &lt;!here&gt; &amp; &lt;@U1&gt;' });
    expect(escapeText('a<b>&c')).toBe('a&lt;b&gt;&amp;c');
    expect(plainOf('1\\. Train \\*staff\\* \\[x\\]')).toBe('1. Train *staff* [x]');
  });

  it('plain text over 3,500 characters is split at line ends', () => {
    const long = Array.from({ length: 200 }, (_, i) => `Line ${i} ${'x'.repeat(40)}`).join('\n');
    const pages = toSlackMessages({ text: long });
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) expect(p.text.length).toBeLessThanOrEqual(3500);
    expect(pages.map((p) => p.text).join('\n')).toBe(long);
  });
});

describe('what Slack cannot show', () => {
  it("a Teams file offer (a board report's Word file) says where to get the file instead of asking to accept it", () => {
    const [page] = toSlackMessages({
      text: 'Board report 2 for Safer City Partnership as a Word file: accept to save it to your OneDrive.',
      attachments: [
        { contentType: 'application/vnd.microsoft.teams.card.file.consent', name: 'Prevent-Update-2026-12-04-v2.docx', content: {} },
      ],
    });
    expect(page!.text).toContain('Prevent-Update-2026-12-04-v2.docx: this bot cannot send files in Slack');
    expect(page!.text).not.toContain('OneDrive');
  });
});
