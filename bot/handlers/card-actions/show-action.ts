import { z } from 'zod';
import { AppError } from '../../errors.js';
import type { CardActionInput } from '../../core/context.js';
import { planAndToday } from '../plan-source.js';
import { showActionReply } from '../replies.js';
import type { CardActionResult } from '../../core/context.js';

/** What Show sends: the action's id. */
export const ShowActionData = z.object({ actionId: z.coerce.number().int().positive() });

/** "Show": posts the whole action as a new message, leaving the list where it is. */
export async function showActionHandler(input: CardActionInput, data: z.infer<typeof ShowActionData>): Promise<CardActionResult> {
  const { plan } = await planAndToday(input.services, input.partnership);
  const action = plan.actions.find((a) => a.id === data.actionId);
  if (!action) throw new AppError('NOT_FOUND', 'That action is no longer in the plan. Ask "summary" to see the current plan.');
  return { messages: [await showActionReply(input, plan, action.label)], toast: `Action ${action.ref} is below.` };
}
