import { roundName, timeAndDay } from '../../../cards/round-words.js';
import { AppError } from '../../errors.js';
import { reminderTime, roundDatesProblem, roundDeadline } from '../../plan/rounds.js';
import type { RoundInfo } from '../../store/rounds.js';
import type { Services } from '../../core/context.js';
import { todayIn } from '../../handlers/plan-source.js';
import { closeDueRound } from './deadline.js';
import { assertNoPersonalData } from '../../handlers/privacy/guard.js';
import { describeAsks, leadAsks, roundMessages, type RequestsQueued } from './requests.js';

/** What a coordinator (in chat or at the command line) asks for. */
export interface OpenRoundRequest {
  partnership: string;
  title: string;
  /** YYYY-MM-DD */
  meetingDate: string;
  /** YYYY-MM-DD when updates are due; null for the working day before the meeting */
  dueDate: string | null;
  createdBy: string;
  createdByChatId: string | null;
}

/** A round just opened: who was asked, and which actions nobody was asked about. */
export interface OpenedRound {
  round: RoundInfo;
  requests: RequestsQueued;
  actions: number;
  /** refs of actions needing an update that no lead was asked about */
  uncovered: number[];
}

function alreadyOpen(round: RoundInfo): AppError {
  return new AppError(
    'INVALID_INPUT',
    `There is already an open update round for ${roundName(round)}; it closes at ${timeAndDay(round.deadline, round.timeZone)}. Ask "update round status" to see it.`,
  );
}

/** Opens a round: every lead is asked about their organisation's actions that are not COMPLETE, in personal chat. */
export async function openUpdateRound(services: Services, req: OpenRoundRequest): Promise<OpenedRound> {
  const { store } = services;
  const plan = await store.plans.require(req.partnership);
  const now = services.now();
  assertNoPersonalData(req.title, now, 'the round title');
  const deadline = roundDeadline({ meetingDate: req.meetingDate, dueDate: req.dueDate, timeZone: plan.timeZone });
  const problem = roundDatesProblem({
    meetingDate: req.meetingDate,
    dueDate: req.dueDate,
    deadline,
    today: todayIn(plan.timeZone, now),
    now,
  });
  if (problem) throw new AppError('INVALID_INPUT', problem);
  const open = await store.rounds.latest(req.partnership, { open: true });
  if (open && open.deadline <= now) await closeDueRound(services, open.id);
  else if (open) throw alreadyOpen(open);
  const leads = (await store.people.list(req.partnership)).filter((p) => p.role === 'lead' && p.organisation);
  const needing = plan.actions.filter((a) => a.rag !== 'COMPLETE');
  const items = leads.flatMap((lead) =>
    needing
      .filter((a) => lead.organisation !== null && a.leads.includes(lead.organisation))
      .map((a) => ({ actionId: a.id, personId: lead.id })),
  );
  if (!items.length)
    throw new AppError(
      'INVALID_INPUT',
      'No lead has an action that needs an update, so there is nobody to ask. Name leads first, e.g. "make @Ali Burlington a lead for CST".',
    );
  const asks = await leadAsks(
    services,
    leads.flatMap((lead) => {
      const actionIds = items.filter((i) => i.personId === lead.id).map((i) => i.actionId);
      return actionIds.length
        ? [{ personId: lead.id, name: lead.displayName, organisation: lead.organisation, chatId: lead.chatId, actionIds }]
        : [];
    }),
  );
  const round = await store.rounds.create({
    ...req,
    deadline,
    createdAt: now,
    items,
    unreachable: asks.filter((a) => a.unreachable).map((a) => a.personId),
    messages: (created) => roundMessages(created, plan, asks),
  });
  if (!round) {
    // another coordinator opened one at the same moment
    const existing = await store.rounds.latest(req.partnership, { open: true });
    if (existing) throw alreadyOpen(existing);
    throw new AppError('STALE_VERSION', 'Another update round was being opened at the same moment. Ask "update round status" to see it.');
  }
  const requests = describeAsks(asks);
  const asked = new Set(items.map((i) => i.actionId));
  return { round, requests, actions: asked.size, uncovered: needing.filter((a) => !asked.has(a.id)).map((a) => a.ref) };
}

/** The coordinator's confirmation, in lines: when things happen, who was asked, who could not be reached. */
export function describeOpenedRound(opened: OpenedRound): { title: string; lines: string[] } {
  const { round, requests } = opened;
  const leads = requests.sent.length + requests.unreachable.length;
  const lines = [
    `${opened.actions} action${opened.actions === 1 ? ' needs' : 's need'} an update from ${leads} lead${leads === 1 ? '' : 's'}. Updates are due by ${timeAndDay(round.deadline, round.timeZone)}.`,
  ];
  const remindAt = reminderTime(round.deadline, round.timeZone);
  if (remindAt > round.createdAt)
    lines.push(
      `I will remind anyone who has not replied at ${timeAndDay(remindAt, round.timeZone)}, and send a summary when the round closes.`,
    );
  else lines.push('There is not time for a reminder before the deadline; I will send a summary when the round closes.');
  if (requests.sent.length) lines.push(`Sending to: ${requests.sent.join(', ')}.`);
  if (requests.unreachable.length) {
    lines.push(
      `I could not reach: ${requests.unreachable.map((u) => `${u.name} (${u.reason})`).join('; ')}. Please ask them directly; they or you can still update their actions.`,
    );
  }
  if (opened.uncovered.length)
    lines.push(
      `No lead is named for action${opened.uncovered.length === 1 ? '' : 's'} ${opened.uncovered.join(', ')}, so nobody was asked about ${opened.uncovered.length === 1 ? 'it' : 'them'}.`,
    );
  return { title: `Update round started for ${roundName(round)}`, lines };
}
