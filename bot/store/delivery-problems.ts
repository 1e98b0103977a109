import type { DeliveryProblems } from '../plan/delivery/problem-lines.js';
import type { Db } from './client.js';

/** Loads the partnership's delivery problems (people with a role or a panel seat, channels, open rounds). */
export async function loadDeliveryProblems(db: Db, partnership: string): Promise<DeliveryProblems> {
  const people = await db.person.findMany({
    where: { partnership: { name: partnership }, OR: [{ role: { in: ['coordinator', 'lead'] } }, { panelMember: true }] },
    select: { chatId: true, displayName: true, role: true },
    orderBy: { displayName: 'asc' },
  });
  const personal = await db.conversationRef.findMany({
    where: { partnership: { name: partnership }, kind: 'personal' },
    select: { userChatId: true, active: true },
  });
  const active = new Set(personal.filter((c) => c.active).map((c) => c.userChatId));
  const known = new Set(personal.map((c) => c.userChatId));
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
  return {
    people: people
      .filter((p) => !active.has(p.chatId))
      .map((p) => ({ name: p.displayName, role: p.role, problem: known.has(p.chatId) ? 'removed-or-blocked' : 'never-talked' })),
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
