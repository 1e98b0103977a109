import type { HistoryEntry, PlanAction } from '../bot/plan/types.js';
import { largestFitting } from './budget.js';
import { ragChange, sourceWords } from './describe.js';
import { adaptiveCard, heading, text, type CardResult, type Element } from './elements.js';
import { formatInstant, shorten } from './format.js';

export interface HistoryCardInput {
  action: PlanAction;
  /** newest first */
  entries: HistoryEntry[];
  timeZone: string;
}

const MAX_ENTRIES = 25;
const NOTE_LIMIT = 600;

/** One entry in words: "22 November 2026 14:05 · Ali Burlington · RED → AMBER · from a card". */
export function historyEntryWords(entry: HistoryEntry, action: PlanAction, timeZone: string): string {
  const { date, time } = formatInstant(entry.at, timeZone);
  const parts = [`${date} ${time}`, entry.by, ragChange(entry.ragFrom, entry.ragTo), sourceWords(entry.source)];
  if (entry.progress !== null) {
    parts.push(action.target !== null ? `progress ${entry.progress} of ${action.target}` : `progress ${entry.progress}`);
  }
  return parts.join(' · ');
}

function build(input: HistoryCardInput, count: number): CardResult {
  const title = `History of action ${input.action.ref} · ${shorten(input.action.title, 300)}`;
  const body: Element[] = [heading(title)];
  const lines = [title];
  const total = input.entries.length;
  if (total === 0) {
    body.push(text('No changes recorded yet.'));
    lines.push('No changes recorded yet.');
  } else if (count < total) {
    const showing = `Showing the ${count} most recent of ${total} changes.`;
    body.push(text(showing, { isSubtle: true, spacing: 'None' }));
    lines.push(showing);
  }
  for (const entry of input.entries.slice(0, count)) {
    const summary = historyEntryWords(entry, input.action, input.timeZone);
    const note = shorten(entry.note.trim(), NOTE_LIMIT);
    const items = [text(summary, { weight: 'Bolder' })];
    if (note) items.push(text(note, { spacing: 'None' }));
    body.push({ type: 'Container', separator: true, items });
    lines.push(note ? `${summary} · ${note}` : summary);
  }
  return { card: adaptiveCard(body), text: lines.join('\n') };
}

/** The changes to one action, newest first, as many as fit (at most 25). */
export function buildHistoryCard(input: HistoryCardInput): CardResult {
  const most = Math.min(input.entries.length, MAX_ENTRIES);
  return largestFitting(most, Math.min(1, most), (count) => build(input, count));
}
