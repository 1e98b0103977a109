// npm run bench [-- --seconds 10 --warmup 3 --profile DIR --keep --reuse --only sqlite,postgresql,national]: throughput,
// latency, CPU and memory of the bot as `npm start` runs it, against Microsoft's echo bot and a transport floor on the
// same machine in the same run, on SQLite and PostgreSQL and at national scale. Prints one table and each target.
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { build, isStale } from '../../bin/build.mjs';
import { runCommand } from '../../bot/cli/index.js';
import { generateCommand } from './generate/command.js';
import { createRandom } from './generate/random.js';
import { configureLogging } from '../../bot/logger.js';
import { openStore } from '../../bot/store/database.js';
import { startFakeConnector } from '../support/fake-connector.js';
import { startChild, type ChildServer } from './child.js';
import type { MemoryFigures } from './child-side.js';
import { postgresDatabase, sqliteDatabase } from './databases.js';
import { timeDigests } from './digests.js';
import { loadChannels, pickUpdaters } from './national.js';
import { measureQuestions } from './questions.js';
import { measureSlackQuestions, startBenchSlack } from './slack-questions.js';
import { demoAsker, prepareDemo } from './setup.js';
import { formatTable, type Row } from './table.js';
import { formatTargets } from './targets.js';
import { measureUpdates } from './updates.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string' },
    warmup: { type: 'string' },
    profile: { type: 'string' },
    keep: { type: 'boolean' },
    reuse: { type: 'boolean' },
    partnerships: { type: 'string' },
    only: { type: 'string' },
  },
});
const seconds = Number(values.seconds ?? 10);
const warmupSeconds = Number(values.warmup ?? 3);
const partnerships = Number(values.partnerships ?? 400);
const profileDir = values.profile;
const only = new Set((values.only ?? 'sqlite,postgresql,national').split(','));
const say = (text: string) => process.stdout.write(`${text}\n`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const memory = (m: MemoryFigures) =>
  `${mb(m.rss)} (after a GC: JS heap ${mb(m.heapUsed)} live of ${mb(m.heapTotal)} reserved, outside it ${mb(m.external)}${m.anonymous === undefined ? '' : `, not file-backed ${mb(m.anonymous)}`}; a second later ${mb(m.settledRss)})`;
/** The bot as `npm start` runs it, quiet (warnings only), without the demo plan (the bench loads its own). */
const BOT_ENV = { LOG_LEVEL: 'warn', DEMO_PLAN: 'off' };
configureLogging('warn');

say(`Prevent bot benchmark: ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}`);
if (isStale()) {
  const { seconds: took, files } = await build();
  say(`Built dist/server.js (what npm start runs) from ${files} files in ${took.toFixed(1)} s.`);
}
say(
  'Each server runs on plain node in a child process of its own: the bot through bin/start.mjs (dist/server.js, what `npm start` runs), the echo bot and the transport floor compiled the same way. The load (keep-alive HTTP, one conversation per worker) and the fake connector run in this process.',
);
say(
  `Load average at start (other work on this machine skews every figure): ${loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')}`,
);
say(`Each figure: ${warmupSeconds} s warm-up, then ${seconds} s measured. Replies are checked as they reach the connector.\n`);

const connector = await startFakeConnector();
const rows: Row[] = [];
const rss: string[] = [];
const timing = { seconds, warmupSeconds };
let echoRss = 0;

// The baselines: Microsoft's echo bot (botbuilder) and the transport floor (no botbuilder), same express server.
const baseline: Record<'echo' | 'floor', Record<number, { perSecond: number; p99: number }>> = { echo: {}, floor: {} };
for (const [kind, script, figure] of [
  ['floor', 'floor-server.ts', 'transport floor (express, one keep-alive agent, no botbuilder)'],
  ['echo', 'echo-server.ts', 'echo bot (Microsoft sample, baseline)'],
] as const) {
  const server = await startChild(script, {}, profileDir && `${profileDir}/${kind}`);
  for (const concurrency of [1, 50]) {
    const r = await withCpu(server, (onMeasureStart) =>
      measureQuestions({
        baseUrl: server.url,
        connector,
        concurrency,
        ...timing,
        askerFor: demoAsker,
        expect: /^You said/,
        onMeasureStart,
      }),
    );
    baseline[kind][concurrency] = r;
    rows.push({ figure, concurrency, perSecond: r.perSecond, p50: r.p50, p99: r.p99, cpuMs: r.cpuMs, notes: problems(r) });
  }
  const m = await server.rss();
  if (kind === 'echo') echoRss = m.rss;
  rss.push(`${kind === 'echo' ? 'echo bot' : 'transport floor'} ${memory(m)}`);
  await server.stop();
}
const echoAt = baseline.echo;
const startups: { figure: string; ms: number }[] = [];

const compared = (
  figure: string,
  concurrency: number,
  r: { perSecond: number; p50: number; p99: number; cpuMs: number },
  notes = '',
): Row => ({
  figure,
  concurrency,
  perSecond: r.perSecond,
  p50: r.p50,
  p99: r.p99,
  echoPerSecond: echoAt[concurrency]?.perSecond,
  echoP99: echoAt[concurrency]?.p99,
  floorPerSecond: baseline.floor[concurrency]?.perSecond,
  cpuMs: r.cpuMs,
  notes,
});

// "what's amber?" on the demo plan, SQLite then PostgreSQL; on SQLite also over Slack (signed events, answers to a fake Web API).
const slack = await startBenchSlack();
for (const kind of ['SQLite', 'PostgreSQL'] as const) {
  if (!only.has(kind.toLowerCase())) continue;
  const db = kind === 'SQLite' ? sqliteDatabase() : await postgresDatabase('prevent_bench_demo');
  await prepareDemo(db.url);
  const bot = await startChild(
    'bot-server.ts',
    { ...BOT_ENV, DATABASE_URL: db.url, ...slack.env },
    profileDir && `${profileDir}/${kind.toLowerCase()}`,
  );
  startups.push({ figure: `${kind} demo`, ms: bot.startupMs });
  for (const concurrency of [1, 50]) {
    const r = await withCpu(bot, (onMeasureStart) =>
      measureQuestions({ baseUrl: bot.url, connector, concurrency, ...timing, askerFor: demoAsker, onMeasureStart }),
    );
    rows.push(compared(`"what's amber?" ${kind}, demo plan`, concurrency, r, problems(r)));
    if (kind !== 'SQLite') continue;
    const overSlack = await withCpu(bot, (onMeasureStart) =>
      measureSlackQuestions({ baseUrl: bot.url, slack, concurrency, ...timing, onMeasureStart }),
    );
    rows.push(compared(`"what's amber?" over Slack, ${kind}, demo plan`, concurrency, overSlack, problems(overSlack)));
  }
  rss.push(`${kind} demo bot ${memory(await bot.rss())}`);
  await bot.stop();
  await db.drop();
}

// National scale on PostgreSQL: the generated dataset, each question in a random partnership's channel.
let update: Awaited<ReturnType<typeof measureUpdates>> | undefined;
let cold: { p99: number } | undefined;
let nationalRss: number | undefined;
let digests: Awaited<ReturnType<typeof timeDigests>> | undefined;
if (only.has('national')) {
  const national = await postgresDatabase('prevent_bench_national', { reuse: values.reuse });
  const store = await openStore(national.url);
  if ((await store.db.partnership.count()) === 0) {
    const started = performance.now();
    const out: string[] = [];
    const code = await runCommand(
      generateCommand,
      ['--partnerships', String(partnerships), '--seed', '1', '--service-url', connector.url],
      { DATABASE_URL: national.url, LOG_LEVEL: 'warn' },
      (t) => void out.push(t),
      (t) => void out.push(t),
    );
    if (code !== 0) throw new Error(`generate failed:\n${out.join('\n')}`);
    say(`Generated the national dataset in ${((performance.now() - started) / 1000).toFixed(1)} s:\n${out.slice(-6).join('\n')}\n`);
  } else {
    // this run's connector: in the column and in the stored reference the bot posts proactive messages with
    await store.db.conversationRef.updateMany({ data: { serviceUrl: connector.url } });
    await store.db
      .$executeRaw`UPDATE "ConversationRef" SET "reference" = regexp_replace("reference", '"serviceUrl":"[^"]*"', ${`"serviceUrl":"${connector.url}"`})`;
    // an earlier run's messages still waiting would be sent at this run's start, beside its first questions
    const leftover = await store.db.outboxMessage.deleteMany({ where: { status: 'pending' } });
    say(
      `Reusing the national dataset in prevent_bench_national (${await store.db.partnership.count()} partnerships; ${leftover.count} messages an earlier run left waiting dropped).\n`,
    );
  }
  const channels = await loadChannels(store);
  const random = createRandom(7);
  const randomAsker = () => {
    const channel = random.pick(channels);
    return { conversation: channel.conversation, from: random.pick(channel.people) };
  };
  const bot = await startChild('bot-server.ts', { ...BOT_ENV, DATABASE_URL: national.url }, profileDir && `${profileDir}/national`);
  startups.push({ figure: `national (${channels.length} partnerships, PostgreSQL)`, ms: bot.startupMs });
  // the bot's CPU from the first question to the last: each question's plan read, and whatever start-up left running
  const first = await withCpu(bot, (onMeasureStart) =>
    measureQuestions({
      baseUrl: bot.url,
      connector,
      concurrency: 50,
      seconds,
      warmupSeconds: 0,
      limit: channels.length,
      onMeasureStart,
      askerFor: (w, n) => ({
        conversation: channels[(w + n * 50) % channels.length]!.conversation,
        from: channels[(w + n * 50) % channels.length]!.people[0]!,
      }),
    }),
  );
  cold = first;
  rows.push({
    figure: `first question in each of ${channels.length} partnerships (cold)`,
    concurrency: 50,
    perSecond: first.perSecond,
    p50: first.p50,
    p99: first.p99,
    cpuMs: first.cpuMs,
    notes: problems(first),
  });
  for (const concurrency of [1, 50]) {
    const r = await withCpu(bot, (onMeasureStart) =>
      measureQuestions({ baseUrl: bot.url, connector, concurrency, ...timing, askerFor: randomAsker, onMeasureStart }),
    );
    rows.push(compared(`"what's amber?" PostgreSQL, national (${channels.length} partnerships)`, concurrency, r, problems(r)));
  }
  const updaters = await pickUpdaters(store, channels, 50);
  const w = await withCpu(bot, (onMeasureStart) =>
    measureUpdates({ baseUrl: bot.url, connector, store, updaters, ...timing, runId: Date.now().toString(36), onMeasureStart }),
  );
  update = w;
  rows.push(
    compared(
      'card update (action.update), PostgreSQL, national',
      50,
      w,
      `${w.saved} saved, ${w.retriesAnswered} retries answered once, ${w.stale} stale, ${w.ragChanges} RAG changes and ${w.announcements} announcements; lost ${w.lost}, duplicated ${w.duplicated}, version errors ${w.versionMismatches}${w.bad ? `, ${w.bad} bad` : ''}`,
    ),
  );
  const nationalMemory = await bot.rss();
  nationalRss = nationalMemory.rss;
  rss.push(`national bot ${memory(nationalMemory)}`);
  await bot.stop();

  digests = await timeDigests(store, new Date(), 16);
  rows.push({
    figure: `weekly digests, all ${digests.partnerships} partnerships, PostgreSQL`,
    notes: `${digests.seconds.toFixed(1)} s (${digests.concurrency} at a time, as the run coordinator; this process)${digests.failures ? `; ${digests.failures} without a plan` : ''}`,
  });
  await store.close();
  if (!values.keep) await national.drop();
}
rows.push({ figure: 'resident memory after the load (rss)', notes: rss.join('; ') });
rows.push({
  figure: 'start-up to a served /healthz, existing database',
  notes: startups.map((s) => `${s.figure} ${(s.ms / 1000).toFixed(2)} s`).join('; '),
});
await connector.close();
await slack.close();

say(formatTable(rows));
say(
  `\nLoad average at the end: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')}`,
);
say('');
say(formatTargets({ rows, echo: echoAt, echoRss, update, cold, nationalRss, digests, startups }));

/** Runs a measurement and adds the server's CPU time per measured request. */
async function withCpu<T extends { requests: number }>(
  child: ChildServer,
  measure: (onMeasureStart: () => Promise<void>) => Promise<T>,
): Promise<T & { cpuMs: number }> {
  let start = 0;
  const result = await measure(async () => {
    start = await child.cpuMs();
  });
  return { ...result, cpuMs: ((await child.cpuMs()) - start) / Math.max(1, result.requests) };
}

function problems(r: { bad: number; unanswered: number }): string {
  return r.bad || r.unanswered ? `${r.bad} bad, ${r.unanswered} unanswered` : 'all answered correctly';
}
