// npx tsx test/bench/slack.ts [-- --seconds 10 --warmup 3]: "what's amber?" over Slack beside the same over Teams, on the
// demo plan (SQLite), one bot in a child process answering both. The full table is `npm run bench`.
import { parseArgs } from 'node:util';
import { configureLogging } from '../../bot/logger.js';
import { startFakeConnector } from '../support/fake-connector.js';
import { startChild } from './child.js';
import { sqliteDatabase } from './databases.js';
import { measureQuestions } from './questions.js';
import { demoAsker, prepareDemo } from './setup.js';
import { measureSlackQuestions, startBenchSlack } from './slack-questions.js';
import { formatTable, type Row } from './table.js';

const { values } = parseArgs({ options: { seconds: { type: 'string' }, warmup: { type: 'string' } } });
const timing = { seconds: Number(values.seconds ?? 10), warmupSeconds: Number(values.warmup ?? 3) };
configureLogging('warn');
const connector = await startFakeConnector();
const slack = await startBenchSlack();
const db = sqliteDatabase();
await prepareDemo(db.url);
const bot = await startChild('bot-server.ts', { NODE_OPTIONS: '--expose-gc', DATABASE_URL: db.url, ...slack.env });
const rows: Row[] = [];
for (const concurrency of [1, 50]) {
  for (const platform of ['Teams', 'Slack'] as const) {
    const cpuBefore = await bot.cpuMs();
    let start = cpuBefore;
    const onMeasureStart = async () => {
      start = await bot.cpuMs();
    };
    const r =
      platform === 'Teams'
        ? await measureQuestions({ baseUrl: bot.url, connector, concurrency, ...timing, askerFor: demoAsker, onMeasureStart })
        : await measureSlackQuestions({ baseUrl: bot.url, slack, concurrency, ...timing, onMeasureStart });
    const cpuMs = ((await bot.cpuMs()) - start) / Math.max(1, r.requests);
    rows.push({
      figure: `"what's amber?" over ${platform}, SQLite, demo plan`,
      concurrency,
      perSecond: r.perSecond,
      p50: r.p50,
      p99: r.p99,
      cpuMs,
      notes: r.bad || r.unanswered ? `${r.bad} bad, ${r.unanswered} unanswered` : 'all answered correctly',
    });
  }
}
await bot.stop();
await db.drop();
await slack.close();
await connector.close();
process.stdout.write(`${formatTable(rows)}\n`);
