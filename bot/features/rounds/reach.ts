import type { Reply, Services } from '../../core/context.js';

/** Why a lead could not be sent a message, in words for the coordinator. */
export type UnreachableReason = 'has not added me in personal chat' | 'has removed or blocked me' | 'could not be sent a message just now';

/** Sends a personal message to a person: 'sent', or why not. */
export async function sendPersonal(services: Services, chatId: string, reply: Reply): Promise<'sent' | UnreachableReason> {
  if (chatId.startsWith('pending:')) return 'has not added me in personal chat';
  const conversation = await services.store.conversations.personal(chatId);
  if (!conversation) return 'has not added me in personal chat';
  if (!conversation.active) return 'has removed or blocked me';
  const outcome = await services.notifier.send(conversation, reply);
  if (outcome === 'sent') return 'sent';
  return outcome === 'gone' ? 'has removed or blocked me' : 'could not be sent a message just now';
}
