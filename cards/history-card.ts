import type { HistoryEntry, PlanAction } from '../bot/plan/types.js';
import { largestFitting } from './budget.js';
import { ragChange, sourceWords } from './describe.js';
import { adaptiveCard, heading, text, type CardResult, type Element } from './elements.js';
import { formatInstant, shorten } from './format.js';
import { planShortName } from '../bot/plan/plan-names.js';

export interface HistoryCardInput {
  action: PlanAction;
  /** newest first */
  entries: HistoryEntry[];
  /** the action's history in the plans it was carried over from, the most recent plan first */
  earlier?: { planTitle: string; planPeriod: string; label: string; entries: HistoryEntry[] }[];
  timeZone: string;
}

type Row = { kind: 'entry'; entry: HistoryEntry } | { kind: 'plan'; line: string };

/** The entries and, before each earlier plan's entries, a line saying which plan they are from. */
function rows(input: HistoryCardInput): Row[] {
  const out: Row[] = input.entries.map((entry) => ({ kind: 'entry', entry }));
  for (const e of input.earlier ?? []) {
    out.push({
      kind: 'plan',
      line: `Carried over from the ${planShortName({ title: e.planTitle, period: e.planPeriod })} plan, where it was action ${e.label} ("${shorten(e.planTitle, 150)}"):`,
    });
    out.push(...e.entries.map((entry): Row => ({ kind: 'entry', entry })));
  }
  return out;
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
  const title = `History of action ${input.action.label || input.action.ref} · ${shorten(input.action.title, 300)}`;
  const body: Element[] = [heading(title)];
  const lines = [title];
  const all = rows(input);
  const total = all.filter((r) => r.kind === 'entry').length;
  if (total === 0 && all.length === 0) {
    body.push(text('No changes recorded yet.'));
    lines.push('No changes recorded yet.');
  } else if (count < total) {
    const showing = `Showing the ${count} most recent of ${total} changes.`;
    body.push(text(showing, { isSubtle: true, spacing: 'None' }));
    lines.push(showing);
  }
  let shown = 0;
  for (const row of all) {
    if (row.kind === 'plan') {
      if (shown >= count) break;
      body.push(text(row.line, { weight: 'Bolder', spacing: 'Large', separator: true }));
      lines.push(row.line);
      continue;
    }
    if (shown++ >= count) break;
    const entry = row.entry;
    const summary = historyEntryWords(entry, input.action, input.timeZone);
    const note = shorten(entry.note.trim(), NOTE_LIMIT);
    const items = [text(summary, { weight: 'Bolder' })];
    if (note) items.push(text(note, { spacing: 'None' }));
    body.push({ type: 'Container', separator: true, items });
    lines.push(note ? `${summary} · ${note}` : summary);
  }
  return { card: adaptiveCard(body), text: lines.join('\n') };
}

/** The changes to one action, newest first, then those in the plans it was carried over from, as many as fit (at most 25). */
export function buildHistoryCard(input: HistoryCardInput): CardResult {
  const most = Math.min(rows(input).filter((r) => r.kind === 'entry').length, MAX_ENTRIES);
  return largestFitting(most, Math.min(1, most), (count) => build(input, count));
}
