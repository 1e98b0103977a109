import { TurnContext } from 'botbuilder';
import { rememberConversation } from '../store/conversations.js';
import type { ConversationKind, Services } from './context.js';

const partnershipOf = new WeakMap<object, Map<string, string>>();

/**
 * The partnership a conversation belongs to: the one it was registered with, else the default one.
 * Also stores or refreshes the conversation reference, so proactive messages can reach it.
 */
export async function partnershipForTurn(services: Services, context: TurnContext, kind: ConversationKind): Promise<string> {
  const { db } = services.store;
  const activity = context.activity;
  let cache = partnershipOf.get(db);
  if (!cache) partnershipOf.set(db, (cache = new Map()));
  let partnership = cache.get(activity.conversation.id);
  if (!partnership) {
    const row = await db.conversationRef.findUnique({ where: { conversationId: activity.conversation.id }, include: { partnership: { select: { name: true } } } });
    partnership = row?.partnership.name ?? services.config.DEFAULT_PARTNERSHIP;
    cache.set(activity.conversation.id, partnership);
  }
  await rememberConversation(db, {
    partnership,
    conversationId: activity.conversation.id,
    kind,
    reference: TurnContext.getConversationReference(activity) as Record<string, unknown>,
    serviceUrl: activity.serviceUrl,
    tenantId: activity.conversation.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id,
    userChatId: activity.from?.id,
    now: services.now(),
  });
  return partnership;
}
