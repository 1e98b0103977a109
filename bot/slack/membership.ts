import type { App } from '@slack/bolt';
import { buildMessageCard } from '../../cards/message-card.js';
import type { Services } from '../core/context.js';
import { logger } from '../logger.js';
import { coordinatorNotices } from '../notify/messages.js';
import type { Payload } from './interactions.js';
import { slackConversationId } from '../store/slack.js';
import { once } from './reply.js';

const log = logger('slack');
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * Slack telling the bot that people or places are gone, kept in step as the Teams roster is: someone deactivated in the
 * workspace (user_change), the bot removed from a channel (channel_left, group_left), the app uninstalled or its token
 * revoked (app_uninstalled, tokens_revoked). Each runs once per event id, like every Slack event.
 */
export function registerSlackMembership(app: App, services: Services): void {
  app.event('user_change', async ({ event, body }) => {
    const user = ((event as unknown as Payload).user ?? {}) as Payload;
    if (user.deleted !== true) return;
    const teamId = str(user.team_id) || str((body as Payload).team_id);
    await once(services, str((body as Payload).event_id), async () => {
      const removed = await services.store.slack.memberLeft({ teamId, userId: str(user.id), now: services.now() });
      log.info({ teamId, userId: str(user.id), removed }, 'Someone was deactivated in a Slack workspace: their DM is no longer used');
    });
  });

  for (const name of ['channel_left', 'group_left'] as const)
    app.event(name, async ({ event, body }) => {
      const teamId = str((body as Payload).team_id);
      const channel = str((event as unknown as Payload).channel);
      await once(services, str((body as Payload).event_id), () => channelsLeft(services, teamId, channel));
    });

  for (const name of ['app_uninstalled', 'tokens_revoked'] as const)
    app.event(name, async ({ body }) => {
      const teamId = str((body as Payload).team_id);
      await once(services, str((body as Payload).event_id), async () => {
        const stopped = await services.store.slack.conversationsLeft({ teamId });
        log.warn(
          { teamId, event: name, stopped: stopped.length },
          'The Slack app was removed from a workspace: nothing is posted there any more',
        );
      });
    });
}

/** The bot was removed from a channel: it is not posted to again; if RAG changes went there, coordinators are told where they go now. */
async function channelsLeft(services: Services, teamId: string, channel: string): Promise<void> {
  const { conversations } = services.store;
  const conversationId = slackConversationId(teamId, channel);
  const partnership = await conversations.partnershipOf(conversationId);
  const announcedHere = partnership ? (await conversations.announcement(partnership, 'slack'))?.conversationId === conversationId : false;
  const stopped = await services.store.slack.conversationsLeft({ teamId, channel });
  if (!partnership || !announcedHere || !stopped.length) return;
  const next = await conversations.announcement(partnership, 'slack');
  const at = services.now();
  const notices = await coordinatorNotices(
    services.store,
    partnership,
    `notice:slack-left:${conversationId}:${at.toISOString()}`,
    buildMessageCard({
      title: 'I was removed from the Slack channel that got RAG changes',
      lines: [
        next
          ? 'I will not post there any more. RAG changes in Slack now go to another channel I am in; a coordinator can say "@Prevent post updates here" in the channel that should get them.'
          : 'I will not post there any more, and I am in no other Slack channel of the partnership, so RAG changes are not posted in Slack until I am added to one ("/invite @Prevent").',
      ],
    }),
  );
  await services.store.outbox.queue(notices, at);
}
