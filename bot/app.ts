import type { AuthenticatingAdapter } from './auth/authenticating-adapter.js';
import type { Config } from './config.js';
import { createAdapter, type AdapterAuthOptions } from './adapter.js';
import type { Services } from './core/context.js';
import { createNotifier } from './notify/notifier.js';
import { createOutboxSender } from './notify/outbox-sender.js';
import { byPlatform } from './notify/platforms.js';
import { createSlackDelivery, lazySlackClient } from './slack/delivery.js';
import type { Store } from './store/database.js';

/**
 * The bot's parts wired together once: adapter, notifier (a delivery function per platform), outbox sender and the
 * services handlers receive.
 */
export function createBot(input: {
  config: Config;
  store: Store;
  now: () => Date;
  sleep?: (ms: number) => Promise<void>;
  auth?: AdapterAuthOptions;
  /** names this instance in outbox leases */
  instanceId?: string;
}): {
  services: Services;
  adapter: AuthenticatingAdapter;
} {
  const adapter = createAdapter(input.config, input.auth);
  const teams = createNotifier({
    adapter,
    appId: input.config.MicrosoftAppId ?? '',
    rateLimits: { perSecond: input.config.SEND_RATE_PER_SECOND },
    sleep: input.sleep,
  });
  const slack = input.config.slack ? createSlackDelivery({ client: lazySlackClient(input.config.slack), sleep: input.sleep }) : null;
  const notifier = byPlatform({ teams, slack });
  const outbox = createOutboxSender({ store: input.store, notifier, now: input.now, instanceId: input.instanceId });
  const services: Services = { config: input.config, store: input.store, now: input.now, notifier, outbox };
  return { services, adapter };
}
