import { formatDate } from '../dates.js';
import { ragWords, type Rag } from '../types.js';
import type { Findings } from './analyse.js';
import type { ListedAction, Movement, TargetProgress, TypedCounts } from './types.js';

/** "1 action" / "3 actions". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** "a, b and c". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const DIRECTION_WORDS: Record<Movement['direction'], string> = {
  completed: 'completed',
  'newly red': 'newly RED',
  improved: 'improved',
  worsened: 'worsened',
};

/** How a paragraph says an action moved. */
const MOVEMENT_VERBS: Record<Movement['direction'], string> = {
  completed: 'was completed',
  'newly red': 'became RED',
  improved: 'improved',
  worsened: 'worsened',
};

/** RAG counts in words, best first: "2 COMPLETE, 8 GREEN, 12 AMBER and 2 RED". */
export function ragCountWords(counts: { rag: Rag; n: number }[]): string {
  const order: Rag[] = ['COMPLETE', 'GREEN', 'AMBER', 'RED', 'UNRATED'];
  return listWords(
    order
      .map((rag) => counts.find((c) => c.rag === rag))
      .filter((c): c is { rag: Rag; n: number } => c !== undefined && (c.n > 0 || c.rag !== 'UNRATED'))
      .map((c) => `${c.n} ${c.rag === 'UNRATED' ? 'not yet rated' : c.rag}`),
  );
}

/** One movement as a sentence: "Action 18 (Engage with and support faith groups) improved from RED to AMBER on 12 November 2026: “note”". */
export function movementWords(m: Movement): string {
  const note = m.note ? `: “${m.note}”` : '.';
  return `Action ${m.ref} (${m.title}) ${MOVEMENT_VERBS[m.direction]}, from ${ragWords(m.from)} to ${ragWords(m.to)}, on ${formatDate(m.on)}${note}`;
}

/** The movement summary in one sentence: "5 actions moved: 2 improved, 1 completed, 1 worsened and 1 newly RED." */
export function movementSummary(movements: readonly Movement[]): string {
  if (!movements.length) return 'No action changed its RAG rating in the period.';
  const parts = (Object.keys(DIRECTION_WORDS) as Movement['direction'][])
    .map((d) => ({ d, n: movements.filter((m) => m.direction === d).length }))
    .filter((p) => p.n > 0)
    .map((p) => `${p.n} ${DIRECTION_WORDS[p.d]}`);
  return `${count(movements.length, 'action')} changed RAG rating in the period: ${listWords(parts)}.`;
}

/** "Action 3 (…): 4 of 6 sessions delivered (2 at the start of the period)." */
export function targetWords(t: TargetProgress): string {
  const unit = t.unit ? ` ${t.unit}` : '';
  const since =
    t.progressAtStart === null ? '' : t.progressAtStart === t.progress ? ', no change in the period' : `, up from ${t.progressAtStart}`;
  const verb = /session|course|workshop|event|training/.test(t.unit) ? 'delivered' : 'so far';
  return `Action ${t.ref} (${t.title}): ${t.progress} of ${t.target}${unit} ${verb}${since}.`;
}

/** An action with its lead organisations, due date and latest note. */
export function listedWords(a: ListedAction): string {
  const due = a.dueDate ? `due ${formatDate(a.dueDate)}` : 'no set date';
  const leads = a.leads.length ? `; led by ${listWords(a.leads)}` : '';
  const note = a.latestNote
    ? ` Latest note: “${a.latestNote}”`
    : a.noteWithheld
      ? ' Its latest note was left out by the confidentiality check. [Coordinator to complete]'
      : ' No note has been recorded.';
  return `Action ${a.ref} (${a.title}), ${ragWords(a.rag)}, ${due}${leads}.${note}`;
}

/** The Channel paragraph, from typed-in counts only; null when none were typed. */
export function channelWords(counts: TypedCounts, since: string, committee: string): string | null {
  const { channelReferrals: referrals, channelOpenCases: open } = counts;
  if (referrals === undefined && open === undefined) return null;
  const sinceWords = `since the ${committee} meeting of ${formatDate(since)}`;
  const first =
    referrals === undefined
      ? ''
      : referrals === 0
        ? `There have been no new Channel cases ${sinceWords}.`
        : `There ${referrals === 1 ? 'has been 1 new Channel case' : `have been ${referrals} new Channel cases`} ${sinceWords}.`;
  const second = open === undefined ? '' : `${count(open, 'case')} ${open === 1 ? 'is' : 'are'} currently supported through Channel.`;
  return [first, second, 'Channel is confidential: this report gives counts only.'].filter(Boolean).join(' ');
}

/** The training paragraph from typed-in counts; null when none were typed. */
export function trainingWords(counts: TypedCounts): string | null {
  const parts: string[] = [];
  if (counts.trainingSessions !== undefined) parts.push(`${count(counts.trainingSessions, 'training session')} delivered`);
  if (counts.trainingAttendees !== undefined) parts.push(`${count(counts.trainingAttendees, 'person', 'people')} trained`);
  if (counts.businessesEngaged !== undefined) parts.push(`${count(counts.businessesEngaged, 'business', 'businesses')} engaged`);
  return parts.length ? `In the period: ${listWords(parts)}.` : null;
}

/** The summary paragraph. */
export function summaryWords(partnership: string, from: string, to: string, f: Findings): string {
  const total = f.ragCounts.reduce((n, c) => n + c.now, 0);
  const counts = ragCountWords(f.ragCounts.map((c) => ({ rag: c.rag, n: c.now })));
  return [
    `This report updates members on ${partnership} Prevent activity between ${formatDate(from)} and ${formatDate(to)}.`,
    `Of the ${count(total, 'action')} in the Prevent action plan, ${counts}.`,
    movementSummary(f.movements),
    f.overdue.length === 1
      ? '1 action is past its due date.'
      : f.overdue.length
        ? `${f.overdue.length} actions are past their due date.`
        : 'No action is past its due date.',
  ].join(' ');
}
