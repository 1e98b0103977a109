import type { Services, TurnInput } from '../core/context.js';
import type { ConversationKind, Sender } from '../core/types.js';

/** Who is speaking, where, and about which partnership: resolved once per turn (one query for the person) and handed to every handler. */
export async function resolveTurn(
  services: Services,
  turn: { partnership: string; sender: Sender; conversation: { id: string; kind: ConversationKind }; activityId: string },
): Promise<TurnInput> {
  const person = await services.store.people.identify(turn.partnership, turn.sender);
  return { services, ...turn, person };
}
