import { TurnContext } from 'botbuilder';
import { rememberConversation } from '../store/conversations.js';
import { partnershipForTenant } from '../store/partnerships.js';
import { defaultPolicy } from '../identity/tenancy.js';
import type { ConversationKind, Services } from './context.js';

const partnershipOf = new WeakMap<object, Map<string, string>>();

/** The Microsoft 365 tenant an activity comes from. */
function tenantOf(context: TurnContext): string | undefined {
  const activity = context.activity;
  return activity.conversation.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
}

/**
 * The partnership a conversation belongs to: the one it was first seen with, else the one linked to its
 * tenant (see partnershipForTenant); null when it belongs to none. Also stores or refreshes the
 * conversation reference, so proactive messages can reach it.
 */
export async function partnershipForTurn(services: Services, context: TurnContext, kind: ConversationKind): Promise<string | null> {
  const { db } = services.store;
  const activity = context.activity;
  let cache = partnershipOf.get(db);
  if (!cache) partnershipOf.set(db, (cache = new Map()));
  let partnership: string | null = cache.get(activity.conversation.id) ?? null;
  if (!partnership) {
    const row = await db.conversationRef.findUnique({
      where: { conversationId: activity.conversation.id },
      include: { partnership: { select: { name: true } } },
    });
    partnership =
      row?.partnership.name ??
      (await partnershipForTenant(db, tenantOf(context), services.config.DEFAULT_PARTNERSHIP, defaultPolicy(services.config)));
    if (!partnership) return null;
    cache.set(activity.conversation.id, partnership);
  }
  await rememberConversation(db, {
    partnership,
    conversationId: activity.conversation.id,
    kind,
    reference: TurnContext.getConversationReference(activity) as Record<string, unknown>,
    serviceUrl: activity.serviceUrl,
    tenantId: tenantOf(context),
    userChatId: activity.from?.id,
    now: services.now(),
  });
  return partnership;
}
