import { buildActionCard } from '../../cards/action-card.js';
import { buildListCard } from '../../cards/list-card.js';
import { buildMessageCard } from '../../cards/message-card.js';
import { canUpdate } from '../plan/permissions.js';
import { actionByRef } from '../plan/query.js';
import type { PlanAction, PlanView } from '../plan/types.js';
import type { Reply, TurnInput } from '../core/context.js';
import { actionCardFor } from '../features/updates/action-view.js';

/** Actions per card: a typical answer (up to 15) fits on one card; longer ones page with "Show more". */
export const LIST_PAGE_SIZE = 15;

/** A page of a list answer, with Update buttons on the actions this person may update. The more-token is the original question. */
export async function listReply(
  input: TurnInput,
  list: { heading: string; actions: PlanAction[]; offset: number; moreToken: string; live?: boolean },
): Promise<Reply> {
  const person = input.person;
  return buildListCard({
    ...list,
    pageSize: LIST_PAGE_SIZE,
    moreToken: list.moreToken.slice(0, 500),
    canUpdate: (a) => person !== null && (list.live ?? true) && canUpdate(person, a),
  });
}

/** One action with everything (and the update form for those who may update), or a polite "no such action". */
export async function showActionReply(input: TurnInput, plan: PlanView, ref: string | number): Promise<Reply> {
  const action = actionByRef(plan.actions, String(ref));
  if (!action) {
    const first = plan.actions[0]?.label ?? '1';
    const last = plan.actions.at(-1)?.label ?? '1';
    return buildMessageCard({
      lines: [`There is no action ${ref} in ${plan.title}. Actions are numbered ${first} to ${last}.`],
    });
  }
  if (plan.status && plan.status !== 'live')
    return buildActionCard({
      action,
      canUpdate: false,
      timeZone: plan.timeZone,
      readOnlyReason:
        plan.status === 'draft'
          ? 'This plan is not live yet: its actions can be updated once a coordinator makes it live.'
          : 'This plan is archived: it is kept as a record and its actions are not updated.',
    });
  return actionCardFor(input.services, input.partnership, input.person, action, { timeZone: plan.timeZone });
}
