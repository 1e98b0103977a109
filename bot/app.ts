import type { AuthenticatingAdapter } from './auth/authenticating-adapter.js';
import type { Config } from './config.js';
import { createAdapter, type AdapterAuthOptions } from './adapter.js';
import type { Services } from './core/context.js';
import { buildMessageCard } from '../cards/message-card.js';
import { createNotifier } from './notify/notifier.js';
import { tellCoordinators } from './notify/coordinators.js';
import type { Store } from './store/database.js';

/** The bot's parts wired together once: adapter, notifier and the services handlers receive. */
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
  services.notifier = createNotifier({
    adapter,
    appId: input.config.MicrosoftAppId ?? '',
    rateLimits: { perSecond: input.config.SEND_RATE_PER_SECOND },
    sleep: input.sleep,
    async onGone(conversation, reason) {
      await input.store.conversations.markInactive(conversation.conversationId);
      if (conversation.kind === 'personal') return;
      const partnership = await input.store.conversations.partnershipOf(conversation.conversationId);
      if (!partnership) return;
      await tellCoordinators(
        input.store,
        services.notifier,
        partnership,
        buildMessageCard({
          title: 'I can no longer post to a channel',
          lines: [
            `My messages to a ${conversation.kind === 'channel' ? 'team channel' : 'group chat'} were refused (${reason}). I have stopped posting there. Add me back, or say "post updates here" in the channel that should get updates.`,
          ],
        }),
      );
    },
  });
  return { services, adapter };
}
