import { z } from 'zod';
import { AppError } from '../../errors.js';
import type { CardActionInput } from '../../core/context.js';
import { actionCardFor } from '../updates/action-view.js';
import { actionOfPartnership } from '../updates/update-service.js';
import type { CardActionResult } from '../../core/context.js';

const ActionIdData = z.object({ actionId: z.coerce.number().int().positive() });

async function currentCard(input: CardActionInput, showForm: boolean) {
  const data = ActionIdData.safeParse(input.data);
  if (!data.success) throw new AppError('INVALID_INPUT', 'That button does not say which action it is for. Try "show action 18".');
  const action = await actionOfPartnership(input.services, input.partnership, data.data.actionId);
  return { action, card: await actionCardFor(input.services, input.partnership, input.sender, action, { showForm }) };
}

/** "Update" on a list item: posts the action's card with its update form (the list stays as it was). */
export async function openUpdateHandler(input: CardActionInput): Promise<CardActionResult> {
  const { action, card } = await currentCard(input, true);
  return { messages: [card], toast: `Action ${action.ref} is below, ready to update.` };
}

/** Universal Actions refresh: the card as it is now, for whoever is looking at it. */
export async function refreshActionHandler(input: CardActionInput): Promise<CardActionResult> {
  return { replaceCard: (await currentCard(input, true)).card };
}

/** "Cancel" on an update form: the card without the form. */
export async function cancelUpdateHandler(input: CardActionInput): Promise<CardActionResult> {
  return { replaceCard: (await currentCard(input, false)).card };
}
