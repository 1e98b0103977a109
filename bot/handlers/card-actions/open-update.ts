import { z } from 'zod';
import type { CardActionInput } from '../../core/context.js';
import { actionCardFor } from '../../features/updates/action-view.js';
import { actionOfPartnership } from '../../features/updates/update-service.js';
import type { CardActionResult } from '../../core/context.js';

/** What Update, Refresh and Cancel send: the action's id. */
export const ActionIdData = z.object({ actionId: z.coerce.number().int().positive() });
type ActionIdData = z.infer<typeof ActionIdData>;

async function currentCard(input: CardActionInput, data: ActionIdData, showForm: boolean) {
  const action = await actionOfPartnership(input.services, input.partnership, data.actionId);
  return { action, card: await actionCardFor(input.services, input.partnership, input.person, action, { showForm }) };
}

/** "Update" on a list item: posts the action's card with its update form (the list stays as it was). */
export async function openUpdateHandler(input: CardActionInput, data: ActionIdData): Promise<CardActionResult> {
  const { action, card } = await currentCard(input, data, true);
  return { messages: [card], toast: `Action ${action.ref} is below, ready to update.` };
}

/** Universal Actions refresh: the card as it is now, for whoever is looking at it. */
export async function refreshActionHandler(input: CardActionInput, data: ActionIdData): Promise<CardActionResult> {
  return { replaceCard: (await currentCard(input, data, true)).card };
}

/** "Cancel" on an update form: the card without the form. */
export async function cancelUpdateHandler(input: CardActionInput, data: ActionIdData): Promise<CardActionResult> {
  return { replaceCard: (await currentCard(input, data, false)).card };
}
