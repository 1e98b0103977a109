import { roundName } from '../../../cards/round-words.js';
import { logger } from '../../logger.js';
import { tellCoordinators } from '../../notify/coordinators.js';
import type { Services } from '../../core/context.js';
import { loadRoundProgress, roundStatusReply } from './progress.js';
import { sendPersonal } from './reach.js';
import { sendRoundRequests } from './requests.js';

const log = logger('rounds');

/** Reminds, once, the leads of an open round who have not answered, about the actions still waiting. */
export async function remindRound(services: Services, roundId: number): Promise<string> {
  const round = await services.store.rounds.find(roundId);
  if (round?.status !== 'open') return `Round ${roundId} is not open: no reminder`;
  const { items, progress } = await loadRoundProgress(services, round);
  const waitingLeads = new Set(progress.leads.filter((l) => !l.answered && !l.unreachable).map((l) => l.personId));
  const updated = new Set(progress.leads.flatMap((l) => l.actions.filter((a) => a.update).map((a) => a.actionId)));
  const waiting = new Set(items.filter((i) => waitingLeads.has(i.personId) && !updated.has(i.actionId)).map((i) => i.itemId));
  if (!waiting.size) return `Round ${roundId}: everyone reachable has replied, no reminder needed`;
  if (!(await services.store.rounds.claimReminder(roundId, services.now()))) return `Round ${roundId}: reminder already sent`;
  const sent = await sendRoundRequests(services, round, { reminder: true, waiting });
  return `Round ${roundId}: reminded ${sent.sent.length}, could not reach ${sent.unreachable.length}`;
}

/** Closes an open round at its deadline and sends the summary to the coordinator who started it (else to every coordinator). */
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
  if (!(await store.rounds.close(roundId, now, answered))) return `Round ${roundId} is already closed`;
  const summary = await roundStatusReply(services, { ...round, status: 'closed', closedAt: now }, true);
  const toCreator = round.createdByChatId ? await sendPersonal(services, round.createdByChatId, summary) : 'no creator in chat';
  if (toCreator !== 'sent') {
    const told = await tellCoordinators(store, services.notifier, round.partnership, summary);
    if (!told.reached.length)
      log.warn({ round: roundId, name: roundName(round) }, 'Round closed but no coordinator could be sent its summary');
    return `Round ${roundId} closed (${progress.leadsAnswered} of ${progress.leads.length} replied); summary to coordinators: ${told.reached.length} reached`;
  }
  return `Round ${roundId} closed (${progress.leadsAnswered} of ${progress.leads.length} replied); summary sent to ${round.createdBy}`;
}
