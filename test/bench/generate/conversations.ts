import type { Random } from './random.js';
import type { GeneratedConversation, GeneratedPerson } from './types.js';

/** The bot as Teams names it in conversation references. */
const BOT = { id: '28:00000000-0000-0000-0000-00000000b07', name: 'Prevent plan' };

/** The channel id of a generated partnership's team channel (stable for a place and seed). */
export function channelIdFor(place: string, random: Random): string {
  return `19:${place.toLowerCase().replace(/[^a-z0-9]+/g, '')}${random.hex(24)}@thread.tacv2`;
}

/** A partnership's team channel (where RAG changes are announced) and each coordinator's personal chat with the bot. */
export function conversationsFor(
  random: Random,
  input: { place: string; tenantId: string; serviceUrl: string; coordinators: GeneratedPerson[]; createdAt: Date },
): GeneratedConversation[] {
  const reference = (conversation: Record<string, unknown>, user: { id: string; name: string }) => ({
    activityId: `1${random.int(100_000_000, 999_999_999)}${random.int(1000, 9999)}`,
    user: { ...user, aadObjectId: `${random.hex(8)}-${random.hex(4)}-${random.hex(4)}-${random.hex(4)}-${random.hex(12)}` },
    bot: BOT,
    conversation: { ...conversation, tenantId: input.tenantId },
    channelId: 'msteams',
    locale: 'en-GB',
    serviceUrl: input.serviceUrl,
  });
  const channelId = channelIdFor(input.place, random);
  const first = input.coordinators[0];
  const channel: GeneratedConversation = {
    conversationId: channelId,
    kind: 'channel',
    reference: reference(
      { id: channelId, conversationType: 'channel', isGroup: true },
      { id: first?.chatId ?? '29:1', name: first?.displayName ?? 'Coordinator' },
    ),
    serviceUrl: input.serviceUrl,
    tenantId: input.tenantId,
    userChatId: null,
    announcements: true,
    createdAt: input.createdAt,
  };
  const personal = input.coordinators.map((p): GeneratedConversation => {
    const id = `a:1${random.hex(48)}`;
    return {
      conversationId: id,
      kind: 'personal',
      reference: reference({ id, conversationType: 'personal' }, { id: p.chatId, name: p.displayName }),
      serviceUrl: input.serviceUrl,
      tenantId: input.tenantId,
      userChatId: p.chatId,
      announcements: false,
      createdAt: p.createdAt,
    };
  });
  return [channel, ...personal];
}
