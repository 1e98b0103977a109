import type { Db } from './client.js';

/** People of a partnership with a role or a panel seat whom the bot cannot reach in personal chat. */
export async function unreachablePeople(db: Db, partnership: string): Promise<string[]> {
  const people = await db.person.findMany({
    where: { partnership: { name: partnership }, OR: [{ role: { in: ['coordinator', 'lead'] } }, { panelMember: true }] },
    select: { chatId: true, displayName: true },
    orderBy: { displayName: 'asc' },
  });
  const ok = new Set<string | null>();
  for (let i = 0; i < people.length; i += 500) {
    const chunk = people.slice(i, i + 500).map((p) => p.chatId);
    const reachable = await db.conversationRef.findMany({
      where: { kind: 'personal', active: true, userChatId: { in: chunk } },
      select: { userChatId: true },
    });
    for (const r of reachable) ok.add(r.userChatId);
  }
  return people.filter((p) => !ok.has(p.chatId)).map((p) => p.displayName);
}

/** Every partnership with its time zone. */
export async function listPartnershipZones(db: Db): Promise<{ id: number; name: string; timeZone: string }[]> {
  return db.partnership.findMany({ select: { id: true, name: true, timeZone: true }, orderBy: { id: 'asc' } });
}
