import type { Services, TurnInput } from '../core/context.js';
import type { ConversationKind, Sender } from '../core/types.js';
import type { TurnReadAhead } from '../store/turn-start.js';
import { turnStore } from '../store/turn-store.js';

/**
 * Who is speaking, where, and about which partnership: resolved once per turn and handed to every handler. One statement
 * reads the person, whether they have a conversation in progress here and the live plan's stamp; the turn's handlers get
 * a store that serves their first look at those two from it (see turnStore). When the statement that found the turn's
 * conversation made those reads already (`ahead`, for this sender and conversation), no statement at all.
 */
export async function resolveTurn(
  services: Services,
  turn: { partnership: string; sender: Sender; conversation: { id: string; kind: ConversationKind }; activityId: string },
  ahead?: TurnReadAhead,
): Promise<TurnInput> {
  const opened = ahead
    ? await ahead.open()
    : await services.store.turns.open({ partnership: turn.partnership, sender: turn.sender, conversationId: turn.conversation.id });
  if (!opened) return { services, ...turn, person: null };
  return { services: { ...services, store: turnStore(services.store, opened.reads) }, ...turn, person: opened.person };
}
