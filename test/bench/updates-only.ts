// npm run bench:updates [-- --seconds 10 --warmup 3 --partnerships 40]: only the card-update figure of `npm run bench`
// (50 leads updating their own actions from cards on PostgreSQL, every tenth a RAG change that is announced), for
// comparing a change's overhead before and after without the rest of the benchmark.
import { parseArgs } from 'node:util';
import { loadavg } from 'node:os';
import { runCommand } from '../../bot/cli/index.js';
import { configureLogging } from '../../bot/logger.js';
import { openStore } from '../../bot/store/database.js';
import { startFakeConnector } from '../support/fake-connector.js';
import { startChild } from './child.js';
import { postgresDatabase } from './databases.js';
import { generateCommand } from './generate/command.js';
import { loadChannels, pickUpdaters } from './national.js';
import { measureUpdates } from './updates.js';

const { values } = parseArgs({ options: { seconds: { type: 'string' }, warmup: { type: 'string' }, partnerships: { type: 'string' } } });
const seconds = Number(values.seconds ?? 10);
const warmupSeconds = Number(values.warmup ?? 3);
configureLogging('warn');
const connector = await startFakeConnector();
const db = await postgresDatabase('prevent_bench_updates');
const store = await openStore(db.url);
const out: string[] = [];
const code = await runCommand(
  generateCommand,
  ['--partnerships', values.partnerships ?? '40', '--seed', '1', '--service-url', connector.url],
  { DATABASE_URL: db.url, LOG_LEVEL: 'warn' },
  (t) => void out.push(t),
  (t) => void out.push(t),
);
if (code !== 0) throw new Error(`generate failed:\n${out.join('\n')}`);
const channels = await loadChannels(store);
const updaters = await pickUpdaters(store, channels, 50);
const bot = await startChild('bot-server.ts', { DATABASE_URL: db.url, LOG_LEVEL: 'warn', DEMO_PLAN: 'off' });
const w = await measureUpdates({ baseUrl: bot.url, connector, store, updaters, seconds, warmupSeconds, runId: Date.now().toString(36) });
process.stdout.write(
  `${JSON.stringify({
    load: loadavg().map((l) => Number(l.toFixed(1))),
    perSecond: Number(w.perSecond.toFixed(1)),
    p50: Number(w.p50.toFixed(1)),
    p99: Number(w.p99.toFixed(1)),
    saved: w.saved,
    announcements: w.announcements,
    lost: w.lost,
    duplicated: w.duplicated,
  })}\n`,
);
await bot.stop();
await store.close();
await db.drop();
await connector.close();
