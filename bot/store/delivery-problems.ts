import type { DeliveryProblems, ReachProblem } from '../plan/delivery/problem-lines.js';
import type { Db } from './client.js';
import { partnershipTimeZone } from './schedules.js';

const WEEK_MS = 7 * 86_400_000;

/** What a kind of outbox message is called in "delivery problems". */
const KIND_WORDS: Record<string, string> = {
  announcement: 'RAG change announcement',
  'meeting-reminder': 'meeting reminder',
  'panel-reminder': 'Channel panel reminder',
  'case-review': 'case review reminder',
  'deadline-reminder': 'deadline reminder',
  digest: 'weekly digest',
  'round-request': 'update round request',
  'round-reminder': 'update round reminder',
  'round-summary': 'update round summary',
  notice: 'notice',
};

/** Loads the partnership's delivery problems (people with a role or a panel seat, channels, open rounds, messages that failed this week, messages still being retried). */
export async function loadDeliveryProblems(db: Db, partnership: string, at: Date = new Date()): Promise<DeliveryProblems> {
  const people = await db.person.findMany({
    where: { partnership: { name: partnership }, OR: [{ role: { in: ['coordinator', 'lead'] } }, { panelMember: true }] },
    select: { chatId: true, displayName: true, role: true },
    orderBy: { displayName: 'asc' },
  });
  const personal = await db.conversationRef.findMany({
    where: { partnership: { name: partnership }, kind: 'personal' },
    select: { userChatId: true, active: true, inactiveReason: true },
  });
  const active = new Set(personal.filter((c) => c.active).map((c) => c.userChatId));
  const refused = new Map(
    personal.filter((c) => !c.active).map((c) => [c.userChatId, (c.inactiveReason ?? 'removed-or-blocked') as ReachProblem]),
  );
  const channels = await db.conversationRef.findMany({
    where: { partnership: { name: partnership }, kind: { not: 'personal' }, active: false },
    select: { reference: true, conversationId: true },
  });
  const rounds = await db.updateRound.findMany({
    where: { partnership: { name: partnership }, status: 'open' },
    select: {
      title: true,
      meetingDate: true,
      items: { where: { status: 'unreachable' }, select: { person: { select: { displayName: true } } } },
    },
  });
  const failedRows = await db.outboxMessage.groupBy({
    by: ['recipient', 'kind'],
    where: { partnership: { name: partnership }, status: 'failed', createdAt: { gte: new Date(at.getTime() - WEEK_MS) } },
    _count: { _all: true },
    orderBy: [{ recipient: 'asc' }, { kind: 'asc' }],
  });
  const retrying = await db.outboxMessage.findMany({
    where: { partnership: { name: partnership }, status: 'pending', lastError: { not: null } },
    select: { recipient: true, kind: true, availableAt: true },
    orderBy: [{ availableAt: 'asc' }, { id: 'asc' }],
    take: 50,
  });
  return {
    timeZone: await partnershipTimeZone(db, partnership),
    retrying: retrying.map((r) => ({ recipient: r.recipient, what: KIND_WORDS[r.kind] ?? 'message', nextTry: r.availableAt ?? at })),
    failed: failedRows.map((f) => ({ recipient: f.recipient, what: KIND_WORDS[f.kind] ?? 'message', count: f._count._all })),
    people: people
      .filter((p) => !active.has(p.chatId))
      .map((p) => ({ name: p.displayName, role: p.role, problem: refused.get(p.chatId) ?? 'never-talked' })),
    channels: channels.map((c) => ({ name: channelName(c.reference) ?? 'a channel' })),
    rounds: rounds
      .map((r) => ({ title: r.title, meetingDate: r.meetingDate, people: [...new Set(r.items.map((i) => i.person.displayName))].sort() }))
      .filter((r) => r.people.length > 0),
  };
}

function channelName(reference: string): string | null {
  try {
    const ref = JSON.parse(reference) as { conversation?: { name?: string } };
    return ref.conversation?.name ?? null;
  } catch {
    return null;
  }
}
