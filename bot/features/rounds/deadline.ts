import { roundName } from '../../../cards/round-words.js';
import { logger } from '../../logger.js';
import { personalMessage, personalMessages } from '../../notify/messages.js';
import type { Services } from '../../core/context.js';
import type { OutboxInput } from '../../store/outbox.js';
import type { RoundInfo } from '../../store/rounds.js';
import type { Reply } from '../../core/types.js';
import { loadRoundProgress, roundStatusReply } from './progress.js';
import { leadAsks, roundMessages } from './requests.js';

const log = logger('rounds');

/** Reminds, once, the leads of an open round who have not answered, about the actions still waiting. */
export async function remindRound(services: Services, roundId: number): Promise<string> {
  const round = await services.store.rounds.find(roundId);
  if (round?.status !== 'open') return `Round ${roundId} is not open: no reminder`;
  const { items, progress } = await loadRoundProgress(services, round);
  const waitingLeads = new Set(progress.leads.filter((l) => !l.answered && !l.unreachable).map((l) => l.personId));
  const updated = new Set(progress.leads.flatMap((l) => l.actions.filter((a) => a.update).map((a) => a.actionId)));
  const waiting = items.filter((i) => waitingLeads.has(i.personId) && !updated.has(i.actionId) && !i.unreachable);
  if (!waiting.length) return `Round ${roundId}: everyone reachable has replied, no reminder needed`;
  const byLead = new Map<number, { personId: number; name: string; organisation: string | null; chatId: string; actionIds: number[] }>();
  for (const i of waiting) {
    const lead = byLead.get(i.personId) ?? {
      personId: i.personId,
      name: i.personName,
      organisation: i.organisation,
      chatId: i.chatId,
      actionIds: [],
    };
    lead.actionIds.push(i.actionId);
    byLead.set(i.personId, lead);
  }
  const asks = await leadAsks(services, [...byLead.values()]);
  const plan = await services.store.plans.require(round.partnership);
  const messages = roundMessages(round, plan, asks, true);
  if (!(await services.store.rounds.claimReminder(roundId, services.now(), messages))) return `Round ${roundId}: reminder already sent`;
  const unreachable = messages.filter((m) => m.unreachable).length;
  return `Round ${roundId}: reminded ${messages.length - unreachable}, could not reach ${unreachable}`;
}

/** The summary to the coordinator who started the round when they can be reached, else to every coordinator. */
async function summaryMessages(services: Services, round: RoundInfo, summary: Reply): Promise<{ messages: OutboxInput[]; to: string }> {
  const coordinators = await services.store.people.coordinators(round.partnership);
  const keyPrefix = `round:${round.id}:summary`;
  const creator = coordinators.find((c) => c.chatId === round.createdByChatId);
  if (creator) {
    const message = await personalMessage(services.store, {
      key: `${keyPrefix}:person:${creator.id}`,
      partnership: round.partnership,
      kind: 'round-summary',
      person: creator,
      reply: summary,
    });
    if (!message.unreachable) return { messages: [message], to: `summary sent to ${round.createdBy}` };
  }
  const messages = await personalMessages(services.store, {
    keyPrefix,
    partnership: round.partnership,
    kind: 'round-summary',
    people: coordinators,
    reply: summary,
  });
  const reached = messages.filter((m) => !m.unreachable).length;
  if (!reached) log.warn({ round: round.id, name: roundName(round) }, 'Round closing but no coordinator can be sent its summary');
  return { messages, to: `summary to coordinators: ${reached} reached` };
}

/** Closes an open round at its deadline and queues the summary for the coordinator who started it (else every coordinator). */
export async function closeDueRound(services: Services, roundId: number): Promise<string> {
  const { store } = services;
  const round = await store.rounds.find(roundId);
  if (round?.status !== 'open') return `Round ${roundId} is already closed`;
  const { items, updates, progress } = await loadRoundProgress(services, round);
  const latest = new Map(updates.map((u) => [u.actionId, u]));
  const answered = items.flatMap((i) => {
    const update = latest.get(i.actionId);
    return update ? [{ itemId: i.itemId, answeredAt: new Date(update.at), updateId: update.historyId }] : [];
  });
  const now = services.now();
  const summary = await roundStatusReply(services, { ...round, status: 'closed', closedAt: now }, true);
  const { messages, to } = await summaryMessages(services, round, summary);
  if (!(await store.rounds.close(roundId, now, answered, messages))) return `Round ${roundId} is already closed`;
  return `Round ${roundId} closed (${progress.leadsAnswered} of ${progress.leads.length} replied); ${to}`;
}
