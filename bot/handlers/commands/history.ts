import { buildHistoryCard } from '../../../cards/history-card.js';
import { buildMessageCard } from '../../../cards/message-card.js';
import { actionByRef } from '../../plan/query.js';
import { listHistory } from '../../store/updates.js';
import type { MessageInput, Reply } from '../context.js';
import { planAndToday } from '../plan-source.js';

/** "history of action 18": every change to the action, newest first. */
export async function historyHandler(input: MessageInput, match: RegExpMatchArray): Promise<Reply> {
  const ref = match[1] ?? '';
  const { plan } = await planAndToday(input.services, input.partnership);
  const action = actionByRef(plan.actions, ref);
  if (!action) return buildMessageCard({ lines: [`There is no action ${ref} in ${plan.title}.`] });
  const entries = await listHistory(input.services.store.db, action.id);
  return buildHistoryCard({ action, entries, timeZone: plan.timeZone });
}
