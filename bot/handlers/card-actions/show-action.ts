import { z } from 'zod';
import { AppError } from '../../errors.js';
import type { CardActionInput } from '../../core/context.js';
import { planAndToday } from '../plan-source.js';
import { showActionReply } from '../replies.js';
import { withBanner } from '../../../cards/banner.js';
import { notLiveBanner } from '../../features/plans/words.js';
import type { CardActionResult } from '../../core/context.js';

/** What Show sends: the action's id. */
export const ShowActionData = z.object({ actionId: z.coerce.number().int().positive() });

/** "Show": posts the whole action as a new message, leaving the list where it is. */
export async function showActionHandler(input: CardActionInput, data: z.infer<typeof ShowActionData>): Promise<CardActionResult> {
  const { plan } = await planAndToday(input.services, input.partnership);
  const action = plan.actions.find((a) => a.id === data.actionId);
  if (action) return { messages: [await showActionReply(input, plan, action.label)], toast: `Action ${action.ref} is below.` };
  // Show on a list from an archived plan (or one not live yet): that plan's action, read-only, saying which plan
  const other = await input.services.store.plans.ofAction(input.partnership, data.actionId);
  const view = other && other.status !== 'live' ? await input.services.store.plans.current(input.partnership, other.id) : null;
  if (!other || !view) throw new AppError('NOT_FOUND', 'That action is no longer in the plan. Ask "summary" to see the current plan.');
  const banner = notLiveBanner(view, plan);
  return { messages: [withBanner(await showActionReply(input, view, other.label), banner)], toast: `Action ${other.label} is below.` };
}
