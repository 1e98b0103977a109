import { buildRoundRequestCard } from '../../../cards/round-request.js';
import { personalReach, REACH_WORDS } from '../../notify/messages.js';
import type { PlanView } from '../../plan/types.js';
import type { OutboxInput, ReachFailure } from '../../store/outbox.js';
import type { RoundInfo } from '../../store/rounds.js';
import type { Services } from '../../core/context.js';

/** One lead of a round and the actions they are asked about, with where their personal messages go. */
export interface LeadAsk {
  personId: number;
  name: string;
  organisation: string | null;
  actionIds: number[];
  conversationId: string | null;
  unreachable?: ReachFailure;
}

/** Who a round's messages are going to, and who they cannot reach (with why, in words). */
export interface RequestsQueued {
  sent: string[];
  unreachable: { name: string; reason: string }[];
}

/** Works out, before the round's transaction, where each lead's message goes (one lookup per lead). */
export async function leadAsks(
  services: Services,
  leads: { personId: number; name: string; organisation: string | null; chatId: string; actionIds: number[] }[],
): Promise<LeadAsk[]> {
  return Promise.all(leads.map(async ({ chatId, ...lead }) => ({ ...lead, ...(await personalReach(services.store, chatId)) })));
}

/**
 * Each lead's personal message of a round (every item at the start; at the reminder only the items still waiting),
 * ready to be queued in the round's own transaction. Pure: it may run inside that transaction.
 */
export function roundMessages(round: RoundInfo, plan: PlanView, asks: LeadAsk[], reminder = false): OutboxInput[] {
  return asks.map((ask) => {
    const actions = plan.actions.filter((a) => ask.actionIds.includes(a.id)).sort((a, b) => a.ref - b.ref);
    return {
      key: `round:${round.id}:${reminder ? 'reminder' : 'request'}:person:${ask.personId}`,
      partnership: round.partnership,
      kind: reminder ? 'round-reminder' : 'round-request',
      conversationId: ask.conversationId,
      personId: ask.personId,
      recipient: ask.name,
      roundId: round.id,
      unreachable: ask.unreachable,
      reply: buildRoundRequestCard({
        round,
        timeZone: round.timeZone,
        organisation: ask.organisation ?? 'your organisation',
        actions,
        reminder,
      }),
    };
  });
}

/** Who was asked and who cannot be reached, for the coordinator's confirmation. */
export function describeAsks(asks: LeadAsk[]): RequestsQueued {
  return {
    sent: asks.filter((a) => !a.unreachable).map((a) => a.name),
    unreachable: asks.flatMap((a) => (a.unreachable ? [{ name: a.name, reason: REACH_WORDS[a.unreachable] }] : [])),
  };
}
