import { buildHistoryCard } from '../../../cards/history-card.js';
import { buildMessageCard } from '../../../cards/message-card.js';
import type { MessageInput, Reply, TurnInput } from '../../core/context.js';
import { actionByRef } from '../../plan/query.js';
import type { PlanView } from '../../plan/types.js';
import { planAndToday } from '../plan-source.js';

/** "history of action 18": every change to the action, newest first, then its history in the plans it was carried over from. */
export async function historyHandler(input: MessageInput, match: RegExpMatchArray): Promise<Reply> {
  const { plan } = await planAndToday(input.services, input.partnership);
  return historyReply(input, plan, match[1] ?? '');
}

/** The history card of one action of a plan (the live one, or another the question named). */
export async function historyReply(input: TurnInput, plan: PlanView, ref: string): Promise<Reply> {
  const action = actionByRef(plan.actions, ref);
  if (!action) return buildMessageCard({ lines: [`There is no action ${ref} in ${plan.title}.`] });
  const [entries, earlier] = await Promise.all([
    input.services.store.actions.history(action.id),
    input.services.store.actions.earlierHistory(action.id),
  ]);
  // a carried action's first entry repeats the earlier plan's latest note, which the earlier history shows
  const own = earlier.length ? entries.filter((e) => e.source !== 'carry') : entries;
  return buildHistoryCard({ action, entries: own, earlier, timeZone: plan.timeZone });
}
