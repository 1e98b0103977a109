import type { Services, TurnInput } from '../core/context.js';
import type { ConversationKind, Sender } from '../core/types.js';
import { turnStore } from '../store/turn-store.js';

/**
 * Who is speaking, where, and about which partnership: resolved once per turn and handed to every handler. One statement
 * reads the person, whether they have a conversation in progress here and the live plan's stamp; the turn's handlers get
 * a store that serves their first look at those two from it (see turnStore).
 */
export async function resolveTurn(
  services: Services,
  turn: { partnership: string; sender: Sender; conversation: { id: string; kind: ConversationKind }; activityId: string },
): Promise<TurnInput> {
  const opened = await services.store.turns.open({
    partnership: turn.partnership,
    sender: turn.sender,
    conversationId: turn.conversation.id,
  });
  if (!opened) return { services, ...turn, person: null };
  return { services: { ...services, store: turnStore(services.store, opened.reads) }, ...turn, person: opened.person };
}
