import { buildRoundRequestCard } from '../../../cards/round-request.js';
import { runPool } from '../../notify/fan-out.js';
import { logger } from '../../logger.js';
import type { PlanView } from '../../plan/types.js';
import type { RoundInfo, RoundItemInfo } from '../../store/rounds.js';
import type { Services } from '../../core/context.js';
import { sendPersonal, type UnreachableReason } from './reach.js';

const log = logger('rounds');
/** Leads messaged at once: a round for a large partnership must fit in one chat turn (Teams waits 15 seconds). */
const SEND_CONCURRENCY = 8;

/** Who a round's messages reached, and who they did not (with why). */
export interface RequestsSent {
  sent: string[];
  unreachable: { name: string; reason: UnreachableReason }[];
}

/** Items grouped by lead, in the order stored. */
function byLead(items: RoundItemInfo[]): RoundItemInfo[][] {
  const groups = new Map<number, RoundItemInfo[]>();
  for (const item of items) groups.set(item.personId, [...(groups.get(item.personId) ?? []), item]);
  return [...groups.values()];
}

/**
 * Sends each lead of a round their personal message: every item at the start, or at a reminder only the
 * items in `waiting`. Leads who cannot be reached are marked so the coordinator sees them.
 */
export async function sendRoundRequests(
  services: Services,
  round: RoundInfo,
  options: { reminder?: boolean; waiting?: Set<number> } = {},
): Promise<RequestsSent> {
  const plan: PlanView = await services.store.plans.require(round.partnership);
  const items = (await services.store.rounds.items(round.id)).filter((i) => !options.waiting || options.waiting.has(i.itemId));
  const leads = byLead(items).flatMap((group) => {
    const [lead] = group;
    return lead && !(options.reminder && lead.unreachable) ? [{ lead, group }] : [];
  });
  const outcomes = await runPool(leads, SEND_CONCURRENCY, ({ lead, group }) => {
    const actions = group.flatMap((i) => plan.actions.filter((a) => a.id === i.actionId)).sort((a, b) => a.ref - b.ref);
    const card = buildRoundRequestCard({
      round,
      timeZone: round.timeZone,
      organisation: lead.organisation ?? 'your organisation',
      actions,
      reminder: options.reminder,
    });
    return sendPersonal(services, lead.chatId, card);
  });
  const result: RequestsSent = { sent: [], unreachable: [] };
  const unreachableIds: number[] = [];
  leads.forEach(({ lead }, index) => {
    const outcome = outcomes[index];
    if (outcome === 'sent') result.sent.push(lead.personName);
    else if (outcome) {
      result.unreachable.push({ name: lead.personName, reason: outcome });
      unreachableIds.push(lead.personId);
    }
  });
  if (!options.reminder) await services.store.rounds.markUnreachable(round.id, unreachableIds);
  log.info(
    { round: round.id, reminder: Boolean(options.reminder), sent: result.sent.length, unreachable: result.unreachable.length },
    'Round requests sent',
  );
  return result;
}
