import { buildActionCard } from '../../cards/action-card.js';
import { buildListCard } from '../../cards/list-card.js';
import { buildMessageCard } from '../../cards/message-card.js';
import type { PlanAction, PlanView } from '../plan/types.js';
import type { Reply, TurnInput } from './context.js';

/** Actions per card: a typical answer (up to 15) fits on one card; longer ones page with "Show more". */
export const LIST_PAGE_SIZE = 15;

/** A page of a list answer. The more-token is the original question, asked again for the next page. */
export function listReply(
  _input: TurnInput,
  list: { heading: string; actions: PlanAction[]; offset: number; moreToken: string },
): Reply {
  return buildListCard({ ...list, pageSize: LIST_PAGE_SIZE, moreToken: list.moreToken.slice(0, 500), canUpdate: () => false });
}

/** One action with everything, or a polite "no such action". */
export function showActionReply(_input: TurnInput, plan: PlanView, ref: number): Reply {
  const action = plan.actions.find((a) => a.ref === ref);
  if (!action) {
    const refs = plan.actions.map((a) => a.ref);
    return buildMessageCard({
      lines: [`There is no action ${ref} in ${plan.title}. Actions are numbered ${Math.min(...refs)} to ${Math.max(...refs)}.`],
    });
  }
  return buildActionCard({ action, canUpdate: false });
}
