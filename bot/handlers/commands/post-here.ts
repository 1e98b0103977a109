import { buildMessageCard } from '../../../cards/message-card.js';
import type { MessageInput, Reply } from '../../core/context.js';

/** "post updates here": a coordinator chooses the channel where RAG changes are announced. */
export async function postUpdatesHereHandler(input: MessageInput): Promise<Reply> {
  if (input.conversation.kind !== 'channel') {
    return buildMessageCard({ lines: ['Say "post updates here" in the team channel that should get RAG changes, not in a chat.'] });
  }
  if (input.person?.role !== 'coordinator') return buildMessageCard({ lines: ['Only a coordinator can choose where updates are posted.'] });
  await input.services.store.conversations.setAnnouncement(input.partnership, input.conversation.id);
  return buildMessageCard({ lines: ['From now on I will post RAG changes in this channel.'] });
}
