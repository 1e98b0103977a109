import { loadConfig } from '../../bot/config.js';
import { loadDemoPlanIfEmpty } from '../../bot/demo.js';
import { openStore } from '../../bot/store/database.js';
import { createHttpApp, listen } from '../../bot/server.js';
import { createBot } from '../../bot/app.js';
import type { AdapterAuthOptions } from '../../bot/adapter.js';
import { createTestDatabase } from './database.js';
import { startFakeConnector, type FakeConnector } from './fake-connector.js';
import { wordsOf } from '../../bot/local-connector.js';
import { answeredWorkDone } from '../../bot/core/after-answer.js';

/** A fake clock: fixed until moved. */
export function fakeClock(start: string | Date) {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (to: string | Date) => void (current = new Date(to)),
    advance: (ms: number) => void (current = new Date(current.getTime() + ms)),
  };
}

/** The real bot over real HTTP, on a fresh database with the demo plan, replying to a fake connector. */
export async function startTestBot(
  options: {
    env?: Record<string, string>;
    now?: string;
    demo?: boolean;
    databaseUrl?: string;
    /** key discovery and outgoing credentials for tests with an app id (see identity-provider.ts) */
    auth?: AdapterAuthOptions & { tabJwksUrl?: string };
  } = {},
) {
  const database = options.databaseUrl ? { url: options.databaseUrl, drop: async () => undefined } : await createTestDatabase();
  const config = loadConfig({ DATABASE_URL: database.url, PORT: '3978', ...options.env });
  const store = await openStore(config.DATABASE_URL);
  const clock = fakeClock(options.now ?? '2026-11-22T10:00:00Z');
  if (options.demo !== false) await loadDemoPlanIfEmpty(store, config.DEFAULT_PARTNERSHIP, clock.now());
  const connector: FakeConnector = await startFakeConnector();
  const { services, adapter } = createBot({ config, store, now: clock.now, sleep: async () => undefined, auth: options.auth });
  const server = await listen(createHttpApp(services, adapter, { tabJwksUrl: options.auth?.tabJwksUrl }), config, 0);
  return {
    url: server.url,
    config,
    store,
    services,
    clock,
    connector,
    /**
     * POSTs an activity to /api/messages the way the Bot Service does, then waits until the turn's end is recorded and
     * the outbox has sent what the turn queued (announcements, round requests), as the sender woken by the commit would.
     */
    async post(activity: unknown, headers: Record<string, string> = {}) {
      const res = await fetch(`${server.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof activity === 'string' ? activity : JSON.stringify(activity),
      });
      const text = await res.text();
      // the turn's end is written down after the platform is answered (see answerOnce)
      await answeredWorkDone(services);
      await services.outbox.drain();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        // not JSON: keep the text
      }
      return { status: res.status, body: body as any };
    },
    /** Sends everything the outbox holds that is due (what the running sender does after each commit); resolves when it is done. */
    delivered: () => services.outbox.drain(),
    /** Stops the server; `keepDatabase` leaves the database for a second server (a restart), which must then drop it. */
    async close(closeOptions: { keepDatabase?: boolean } = {}) {
      await services.outbox.stop();
      await server.close();
      await answeredWorkDone(services);
      await connector.close();
      await store.close();
      if (!closeOptions.keepDatabase) await database.drop();
    },
    /** Drops the database this server created, after `close({ keepDatabase: true })` and the second server has closed. */
    dropDatabase() {
      return database.drop();
    },
  };
}

export type TestBot = Awaited<ReturnType<typeof startTestBot>>;

/** The adaptive card of a sent activity, if any. */
export function cardOf(activity: { attachments?: { contentType: string; content: unknown }[] }): any {
  return activity.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
}

/**
 * The words of a sent activity as a person reads them: its text, or, for a reply whose content is all in its
 * card, the card's fallbackText (the full text Teams uses for notifications and screen readers), then its summary;
 * '' when there is no activity. New tests read replies through this so that they do not depend on where the renderer
 * puts the words.
 */
export function textOf(activity: Parameters<typeof wordsOf>[0] | undefined): string {
  return activity ? wordsOf(activity) : '';
}
