import { buildHistoryCard } from '../../../cards/history-card.js';
import { buildMessageCard } from '../../../cards/message-card.js';
import type { MessageInput, Reply } from '../../core/context.js';
import { actionByRef } from '../../plan/query.js';
import { planAndToday } from '../plan-source.js';

/** "history of action 18": every change to the action, newest first. */
export async function historyHandler(input: MessageInput, match: RegExpMatchArray): Promise<Reply> {
  const ref = match[1] ?? '';
  const { plan } = await planAndToday(input.services, input.partnership);
  const action = actionByRef(plan.actions, ref);
  if (!action) return buildMessageCard({ lines: [`There is no action ${ref} in ${plan.title}.`] });
  const entries = await input.services.store.actions.history(action.id);
  return buildHistoryCard({ action, entries, timeZone: plan.timeZone });
}
