import type { OpenStore as Store } from '../../bot/store/database.js';
import type { Asker } from './questions.js';
import type { Updater } from './updates.js';

/** A generated partnership's team channel and the people who may ask in it. */
export interface PartnershipChannel {
  partnership: string;
  conversation: Asker['conversation'];
  people: Asker['from'][];
}

/** Every partnership's team channel, with its people (those who have spoken to the bot: not "pending"). */
export async function loadChannels(store: Store): Promise<PartnershipChannel[]> {
  const refs = await store.db.conversationRef.findMany({
    where: { kind: 'channel' },
    include: { partnership: { select: { name: true } } },
    orderBy: { partnershipId: 'asc' },
  });
  const people = await store.db.person.findMany({
    where: { NOT: { chatId: { startsWith: 'pending:' } } },
    select: { partnershipId: true, chatId: true, displayName: true },
  });
  const byPartnership = new Map<number, Asker['from'][]>();
  for (const p of people) {
    const list = byPartnership.get(p.partnershipId) ?? [];
    list.push({ id: p.chatId, name: p.displayName });
    byPartnership.set(p.partnershipId, list);
  }
  return refs.map((r) => ({
    partnership: r.partnership.name,
    conversation: { id: r.conversationId, conversationType: 'channel', tenantId: r.tenantId ?? '', isGroup: true },
    people: byPartnership.get(r.partnershipId) ?? [],
  }));
}

/** `count` leads, each with an action their organisation leads and nobody else in the bench updates; one per partnership while there are enough. */
export async function pickUpdaters(store: Store, channels: PartnershipChannel[], count: number): Promise<Updater[]> {
  const candidates: Updater[][] = [];
  for (const channel of channels.slice(0, count)) {
    const leads = await store.db.person.findMany({
      where: {
        partnership: { name: channel.partnership },
        role: 'lead',
        organisationId: { not: null },
        NOT: { chatId: { startsWith: 'pending:' } },
      },
      orderBy: { id: 'asc' },
    });
    const taken = new Set<number>();
    const pairs: Updater[] = [];
    for (const lead of leads) {
      const action = await store.db.action.findFirst({
        where: {
          id: { notIn: [...taken] },
          leads: { some: { organisationId: lead.organisationId! } },
          plan: { partnership: { name: channel.partnership } },
        },
        orderBy: { ref: 'asc' },
      });
      if (!action) continue;
      taken.add(action.id);
      pairs.push({
        conversation: channel.conversation,
        from: { id: lead.chatId, name: lead.displayName },
        actionId: action.id,
        ref: action.ref,
        version: action.version,
        rag: action.rag,
      });
    }
    candidates.push(pairs);
  }
  const updaters: Updater[] = [];
  for (let round = 0; updaters.length < count && candidates.some((c) => c.length > round); round++) {
    for (const pairs of candidates) if (pairs[round] && updaters.length < count) updaters.push(pairs[round]!);
  }
  if (updaters.length < count) throw new Error(`Only ${updaters.length} of ${count} leads with an action of their own were found`);
  return updaters;
}
