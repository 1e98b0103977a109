import type { AuthenticatingAdapter } from './auth/authenticating-adapter.js';
import type { Config } from './config.js';
import { createAdapter, type AdapterAuthOptions } from './adapter.js';
import type { Services } from './handlers/context.js';
import { buildMessageCard } from '../cards/message-card.js';
import { createNotifier } from './notify/notifier.js';
import { tellCoordinators } from './notify/coordinators.js';
import { markConversationInactive } from './store/conversations.js';
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
      await markConversationInactive(input.store.db, conversation.conversationId);
      if (conversation.kind === 'personal') return;
      const row = await input.store.db.conversationRef.findUnique({
        where: { conversationId: conversation.conversationId },
        include: { partnership: true },
      });
      if (!row) return;
      await tellCoordinators(
        input.store.db,
        services.notifier,
        row.partnership.name,
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
