import { type Activity, ActivityTypes, TurnContext } from 'botbuilder';
import { VERBS } from '../../cards/verbs.js';
import type { ConversationKind } from '../core/types.js';
import type { Services } from '../core/context.js';
import { defaultPolicy } from '../identity/tenancy.js';
import { bareConversationId, newPostReference } from './thread.js';
import { turnClaimOf } from './answer-once.js';
import type { TurnReadAhead } from '../store/turn-start.js';

/** The kind of conversation an activity comes from. */
export function conversationKind(activity: Activity): ConversationKind {
  const t = activity.conversation?.conversationType;
  return t === 'channel' ? 'channel' : t === 'groupChat' ? 'groupChat' : 'personal';
}

/** The conversation an activity belongs to, as the bot stores it: a channel by its bare id, whichever thread the message is in. */
export function conversationIdOf(activity: Activity): string {
  return bareConversationId(activity.conversation.id);
}

/** Who sent an activity, as a turn's first reads look them up (see resolveTurn). */
export function senderOf(activity: Activity): { id: string; name: string; aadObjectId?: string } {
  return { id: activity.from?.id ?? 'unknown', name: activity.from?.name ?? 'Someone', aadObjectId: activity.from?.aadObjectId };
}

/** The Microsoft 365 tenant an activity comes from. */
function tenantOf(activity: Activity): string | undefined {
  return activity.conversation.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
}

/**
 * The partnership a conversation belongs to: the one it was first seen with, else the one linked to its
 * tenant (see partnershipForTenant); null when it belongs to none. Also stores or refreshes the
 * conversation reference, so proactive messages can reach it: a channel by its bare id, so that they are new posts
 * in the channel, not replies in the thread the message came from. Where the store can, the same statement claims the
 * turn and makes its first reads for the sender (`ahead`; see enterConversation).
 */
export async function partnershipForTurn(
  services: Services,
  activity: Activity,
): Promise<{ partnership: string | null; claimed?: boolean; ahead?: TurnReadAhead }> {
  const tenantId = tenantOf(activity);
  const now = services.now();
  return services.store.conversations.enter(
    {
      conversationId: conversationIdOf(activity),
      kind: conversationKind(activity),
      reference: newPostReference(TurnContext.getConversationReference(activity) as Record<string, unknown>),
      serviceUrl: activity.serviceUrl,
      tenantId,
      userChatId: activity.from?.id,
      now,
    },
    () => services.store.partnerships.forTenant(tenantId, services.config.DEFAULT_PARTNERSHIP, defaultPolicy(services.config)),
    turnClaimOf(activity, now),
    senderOf(activity),
    { updaters: showsAnAction(activity) },
  );
}

/** Card verbs whose answer is an action's card, which lists who may update it. */
const ACTION_CARD_VERBS = new Set<string>([
  VERBS.showAction,
  VERBS.openUpdate,
  VERBS.submitUpdate,
  VERBS.refreshAction,
  VERBS.cancelUpdate,
]);

/** Whether an activity is a press on a card whose answer is an action's card (so the turn reads who may update it up front). */
function showsAnAction(activity: Activity): boolean {
  if (activity.type !== ActivityTypes.Invoke || activity.name !== 'adaptiveCard/action') return false;
  const verb = (activity.value as { action?: { verb?: unknown } } | undefined)?.action?.verb;
  return typeof verb === 'string' && ACTION_CARD_VERBS.has(verb);
}
