import { describe, expect, it } from 'vitest';
import { buildHistoryCard } from '../../cards/history-card.js';
import { buildSummaryCard } from '../../cards/summary-card.js';
import { validateCard } from '../../cards/validate.js';
import { firstBodyElement, visibleText } from './card-walk.js';
import { citySummary, makeAction, makeHistory } from './factories.js';
import { at } from '../support/at.js';

describe('buildSummaryCard', () => {
  it('counts by RAG in words, overdue, and by theme', () => {
    const { card, text } = buildSummaryCard(citySummary());
    expect(validateCard(card)).toEqual([]);
    expect(firstBodyElement(card)).toMatchObject({ text: 'City of London Prevent Action Plan 2020–2024' });
    for (const words of [
      '24 actions in total',
      'GREEN: 8 actions',
      'AMBER: 12 actions',
      'RED: 2 actions',
      'COMPLETE: 2 actions',
      '3 actions are overdue',
      'Awareness: 5 actions: 1 RED, 3 AMBER, 1 GREEN',
    ]) {
      expect(text).toContain(words);
    }
    const seen = visibleText(card);
    expect(seen).toContain('12 actions');
    expect(seen).toContain('Training and engagement');
    expect(seen).toContain('11 actions: 5 AMBER, 6 GREEN');
    expect(text).not.toContain('Not yet rated');
  });

  it('keeps many themes under the size limit', () => {
    const one = at(citySummary().byTheme, 0);
    const byTheme = Array.from({ length: 400 }, (_, i) => ({ ...one, theme: `Theme ${i} ${'with a long name '.repeat(5)}` }));
    const { card, text } = buildSummaryCard({ ...citySummary(), byTheme });
    expect(validateCard(card)).toEqual([]);
    expect(text).toMatch(/\d+ more themes not shown\./);
  });
});

describe('buildHistoryCard', () => {
  const action = makeAction({ target: 6 });

  it('lists entries newest first with time, who, RAG change in words, source and note', () => {
    const entries = makeHistory(3, 60);
    const { card, text } = buildHistoryCard({ action, entries, timeZone: 'Europe/London' });
    expect(validateCard(card)).toEqual([]);
    const title = 'History of action 18 · Engage with and support faith groups';
    expect(firstBodyElement(card)).toMatchObject({ text: title });
    const lines = text.split('\n');
    expect(lines[0]).toBe(title);
    expect(lines[1]).toBe(
      `22 November 2026 14:05 · Ali Burlington · AMBER → RED · from a card · progress 0 of 6 · ${at(entries, 0).note.trim()}`,
    );
    expect(lines[2]).toMatch(/^21 November 2026 14:05 · Sam Okafor · GREEN → AMBER · in chat · /);
    expect(lines[3]).toMatch(/· by import · /);
    expect(visibleText(card)).toContain('22 November 2026 14:05 · Ali Burlington · AMBER → RED · from a card');
  });

  it('says when nothing has been recorded', () => {
    const { card, text } = buildHistoryCard({ action, entries: [], timeZone: 'Europe/London' });
    expect(validateCard(card)).toEqual([]);
    expect(text).toContain('No changes recorded yet');
  });

  it('shows as many of 50 long entries as fit, and says how many', () => {
    const { card, text } = buildHistoryCard({ action, entries: makeHistory(50, 2000), timeZone: 'Europe/London' });
    expect(validateCard(card)).toEqual([]);
    const shown = Number(/Showing the (\d+) most recent of 50 changes\./.exec(text)?.[1]);
    expect(shown).toBeGreaterThan(5);
    expect(text.split('\n')).toHaveLength(shown + 2);
  });
});
