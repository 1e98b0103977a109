import type { AuthenticatingAdapter } from './auth/authenticating-adapter.js';
import type { Config } from './config.js';
import { createAdapter, type AdapterAuthOptions } from './adapter.js';
import type { Services } from './core/context.js';
import { buildMessageCard } from '../cards/message-card.js';
import { createNotifier } from './notify/notifier.js';
import { byPlatform } from './notify/platforms.js';
import { tellCoordinators } from './notify/coordinators.js';
import { createSlackDelivery, lazySlackClient } from './slack/delivery.js';
import type { StoredConversation } from './store/conversations.js';
import type { Store } from './store/database.js';

/** The bot's parts wired together once: adapter, notifier (a delivery function per platform) and the services handlers receive. */
export function createBot(input: {
  config: Config;
  store: Store;
  now: () => Date;
  sleep?: (ms: number) => Promise<void>;
  auth?: AdapterAuthOptions;
}): {
  services: Services;
  adapter: AuthenticatingAdapter;
} {
  const adapter = createAdapter(input.config, input.auth);
  const services: Services = { config: input.config, store: input.store, now: input.now, notifier: undefined as never };
  const onGone = (conversation: StoredConversation, reason: string) => conversationGone(services, conversation, reason);
  const teams = createNotifier({
    adapter,
    appId: input.config.MicrosoftAppId ?? '',
    rateLimits: { perSecond: input.config.SEND_RATE_PER_SECOND },
    sleep: input.sleep,
    onGone,
  });
  const slack = input.config.slack
    ? createSlackDelivery({ client: lazySlackClient(input.config.slack), sleep: input.sleep, onGone })
    : null;
  services.notifier = byPlatform({ teams, slack });
  return { services, adapter };
}

/** A conversation refused the bot for good: stop posting there, and tell the coordinators when it was a channel. */
async function conversationGone(services: Services, conversation: StoredConversation, reason: string): Promise<void> {
  const { store } = services;
  await store.conversations.markInactive(conversation.conversationId);
  if (conversation.kind === 'personal') return;
  const partnership = await store.conversations.partnershipOf(conversation.conversationId);
  if (!partnership) return;
  const where = conversation.platform === 'slack' ? 'Slack channel' : conversation.kind === 'channel' ? 'team channel' : 'group chat';
  await tellCoordinators(
    store,
    services.notifier,
    partnership,
    buildMessageCard({
      title: 'I can no longer post to a channel',
      lines: [
        `My messages to a ${where} were refused (${reason}). I have stopped posting there. Add me back, or say "post updates here" in the channel that should get updates.`,
      ],
    }),
  );
}
