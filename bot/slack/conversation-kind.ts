import type { WebClient } from '@slack/web-api';
import type { ConversationKind } from '../core/types.js';
import { logger } from '../logger.js';

const log = logger('slack');

/** Conversations whose kind Slack has told us: a conversation never changes between DM, group DM and channel. */
const known = new Map<string, ConversationKind>();
const MAX_KNOWN = 10_000;
let warned = false;

/**
 * The kind of a Slack conversation an event came from. Events name the conversation only by id (an app_mention carries
 * no channel_type, and a group DM's id starts with C like a channel's), so a conversation not seen before is looked up
 * with conversations.info. A group DM must never be taken for a channel: the first channel becomes the partnership's
 * announcement channel. When Slack will not say (a missing scope, an error), it is taken as a group chat, which gets
 * answers but never announcements.
 */
export async function slackConversationKind(client: WebClient, channel: string, hint?: string): Promise<ConversationKind> {
  if (hint === 'im' || hint === 'directmessage' || channel.startsWith('D')) return 'personal';
  if (hint === 'mpim') return 'groupChat';
  const seen = known.get(channel);
  if (seen) return seen;
  try {
    const info = (await client.conversations.info({ channel })) as { channel?: { is_im?: boolean; is_mpim?: boolean } };
    const kind: ConversationKind = info.channel?.is_im ? 'personal' : info.channel?.is_mpim ? 'groupChat' : 'channel';
    if (known.size >= MAX_KNOWN) known.clear();
    known.set(channel, kind);
    return kind;
  } catch (err) {
    if (!warned) {
      warned = true;
      log.warn(
        { err, channel },
        'Slack would not say what kind of conversation this is, so it is treated as a group DM (answers, no announcements). Give the app the channels:read, groups:read and mpim:read scopes (manifest/slack/manifest.yml).',
      );
    }
    return 'groupChat';
  }
}
