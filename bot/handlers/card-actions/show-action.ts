import { z } from 'zod';
import { AppError } from '../../errors.js';
import type { CardActionInput } from '../context.js';
import { planAndToday } from '../plan-source.js';
import { showActionReply } from '../replies.js';
import type { CardActionResult } from './index.js';

const ShowActionData = z.object({ actionId: z.coerce.number().int().positive() });

/** "Show": posts the whole action as a new message, leaving the list where it is. */
export async function showActionHandler(input: CardActionInput): Promise<CardActionResult> {
  const data = ShowActionData.safeParse(input.data);
  if (!data.success) throw new AppError('INVALID_INPUT', 'That button does not say which action to show. Try "show action 18".');
  const { plan } = await planAndToday(input.services, input.partnership);
  const action = plan.actions.find((a) => a.id === data.data.actionId);
  if (!action) throw new AppError('NOT_FOUND', 'That action is no longer in the plan. Ask "summary" to see the current plan.');
  return { messages: [await showActionReply(input, plan, action.label)], toast: `Action ${action.ref} is below.` };
}
