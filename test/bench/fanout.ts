// npm run bench:fanout [-- --conversations 1000 --rate 50 --postgres]
// The weekly digest fanned out to many coordinators at once against a connector that allows `rate` requests a
// second (429 with Retry-After beyond that): elapsed time against the floor (conversations / rate), none lost or duplicated.
import { parseArgs } from 'node:util';
import { createBot } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { loadDemoPlanIfEmpty } from '../../bot/demo.js';
import { configureLogging } from '../../bot/logger.js';
import { rememberConversation } from '../../bot/store/conversations.js';
import { openStore } from '../../bot/store/database.js';
import { grantRole } from '../../bot/store/people.js';
import { RunCoordinator } from '../../jobs/run-coordinator.js';
import { weeklyDigestJob } from '../../jobs/weekly-digest.js';
import { startThrottledConnector } from './throttled-connector.js';

const { values } = parseArgs({ options: { conversations: { type: 'string' }, rate: { type: 'string' }, postgres: { type: 'boolean' } } });
const count = Number(values.conversations ?? 1000);
const rate = Number(values.rate ?? 50);
if (values.postgres) process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
const say = (text: string) => process.stdout.write(`${text}\n`);
configureLogging('silent');

const PARTNERSHIP = 'City of London';
const AT = new Date('2026-11-23T09:00:00Z');
const { createTestDatabase } = await import('../support/database.js');
const connector = await startThrottledConnector(rate);
const database = await createTestDatabase();
const store = await openStore(database.url);
try {
  await loadDemoPlanIfEmpty(store, PARTNERSHIP, new Date('2026-10-01T09:00:00Z'));
  say(`Setting up ${count} coordinators with personal chats on ${store.kind}...`);
  for (let i = 0; i < count; i++) {
    const chatId = `29:coordinator-${i}`;
    await grantRole(store.db, { partnership: PARTNERSHIP, who: chatId, role: 'coordinator', chatId, displayName: `Coordinator ${i}` });
    const conversationId = `a:personal-${chatId}`;
    const reference = {
      channelId: 'msteams',
      serviceUrl: connector.url,
      conversation: { id: conversationId, conversationType: 'personal' },
      user: { id: chatId },
      bot: { id: '28:bot' },
    };
    await rememberConversation(store.db, {
      partnership: PARTNERSHIP,
      conversationId,
      kind: 'personal',
      reference,
      serviceUrl: connector.url,
      userChatId: chatId,
      now: AT,
    });
  }
  const config = loadConfig({ DATABASE_URL: database.url, DEMO_PLAN: 'off', SEND_RATE_PER_SECOND: String(rate) });
  const { services } = createBot({ config, store, now: () => AT });
  const coordinator = new RunCoordinator(services, [weeklyDigestJob], { instanceId: 'bench' });
  say(`Fanning out the weekly digest to ${count} conversations; the connector allows ${rate} requests a second...`);
  const started = performance.now();
  const reports = await coordinator.tick(new Date(AT.getTime() - 60_000), AT);
  const seconds = (performance.now() - started) / 1000;
  const floor = count / rate;
  const delivered = [...connector.deliveries.values()];
  const duplicated = delivered.filter((n) => n > 1).length;
  const lost = count - connector.deliveries.size;
  say(`Elapsed: ${seconds.toFixed(2)} s; floor ${floor.toFixed(1)} s; ratio ${(seconds / floor).toFixed(3)} (aim: within 1.2)`);
  say(
    `Delivered to ${connector.deliveries.size} of ${count} conversations; lost ${lost}; duplicated ${duplicated}; 429s answered ${connector.throttled()}`,
  );
  say(
    `Job runs: ${reports.filter((r) => r.status === 'done').length} done, ${reports.filter((r) => r.status === 'failed').length} failed${reports.find((r) => r.status === 'failed') ? ` (first: ${reports.find((r) => r.status === 'failed')!.detail})` : ''}`,
  );
  process.exitCode = lost === 0 && duplicated === 0 ? 0 : 1;
} finally {
  await store.close();
  await database.drop();
  await connector.close();
}
