import { buildMessageCard } from '../../../cards/message-card.js';
import { formatInstant } from '../../../cards/format.js';
import { ragWords } from '../../plan/types.js';
import type { MessageInput, Reply } from '../../core/context.js';
import { planAndToday } from '../plan-source.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Most changes listed in one answer. */
const MAX_LINES = 40;

/** "what changed this week?": RAG changes and notes from the last 7 days (or 30 for "this month"), newest first. */
export async function changesHandler(input: MessageInput, match: RegExpMatchArray): Promise<Reply> {
  const days = /month/i.test(match[0]) ? 30 : 7;
  const { plan } = await planAndToday(input.services, input.partnership);
  const since = new Date(input.services.now().getTime() - days * DAY_MS);
  // a plan's first import is where it came from, not a change
  const changes = (await input.services.store.actions.partnershipChanges(input.partnership, since))
    .filter((c) => !(c.source === 'import' && c.ragFrom === 'UNRATED'))
    .reverse();
  const period = days === 7 ? 'in the last 7 days' : 'in the last 30 days';
  if (!changes.length) return buildMessageCard({ lines: [`No actions have been updated ${period}.`] });
  const titles = new Map(plan.actions.map((a) => [a.ref, a.title]));
  const lines = changes.slice(0, MAX_LINES).map((c) => {
    const { date, time } = formatInstant(c.at, plan.timeZone);
    const rag = c.ragFrom === c.ragTo ? `still ${ragWords(c.ragTo)}` : `${ragWords(c.ragFrom)} → ${ragWords(c.ragTo)}`;
    return `${date} ${time} · Action ${c.actionRef} · ${titles.get(c.actionRef) ?? ''}: ${rag}, by ${c.by}${c.note ? ` – “${c.note}”` : ''}`;
  });
  const more = changes.length > MAX_LINES ? [`…and ${changes.length - MAX_LINES} earlier changes.`] : [];
  return buildMessageCard({ title: `${changes.length} update${changes.length === 1 ? '' : 's'} ${period}`, lines: [...lines, ...more] });
}
