// npm run bench [-- --seconds 10 --warmup 3 --profile DIR --keep --reuse]: throughput, latency and memory of the bot
// against a bare echo bot on the same stack, on SQLite and PostgreSQL, and at national scale. Prints one table.
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { runCommand } from '../../bot/cli/index.js';
import { generateCommand } from './generate/command.js';
import { createRandom } from './generate/random.js';
import { configureLogging } from '../../bot/logger.js';
import { openStore } from '../../bot/store/database.js';
import { startFakeConnector } from '../support/fake-connector.js';
import { startChild, type ChildServer } from './child.js';
import { postgresDatabase, sqliteDatabase } from './databases.js';
import { timeDigests } from './digests.js';
import { loadChannels, pickUpdaters } from './national.js';
import { measureQuestions } from './questions.js';
import { measureSlackQuestions, startBenchSlack } from './slack-questions.js';
import { demoAsker, prepareDemo } from './setup.js';
import { formatTable, type Row } from './table.js';
import { measureUpdates } from './updates.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string' },
    warmup: { type: 'string' },
    profile: { type: 'string' },
    keep: { type: 'boolean' },
    reuse: { type: 'boolean' },
    partnerships: { type: 'string' },
  },
});
const seconds = Number(values.seconds ?? 10);
const warmupSeconds = Number(values.warmup ?? 3);
const partnerships = Number(values.partnerships ?? 400);
const profileDir = values.profile;
const say = (text: string) => process.stdout.write(`${text}\n`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const memory = (m: { rss: number; heapUsed: number }) => `${mb(m.rss)} (live JS heap after a GC ${mb(m.heapUsed)})`;
/** Lets the memory probe collect garbage first (nothing else calls gc). */
const GC = { NODE_OPTIONS: '--expose-gc' };
configureLogging('warn');

say(`Prevent bot benchmark: ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}`);
say(
  `Each server runs in a child process of its own; the load (keep-alive HTTP, one conversation per worker) and the fake connector run in this process.`,
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

// The baseline: a bare echo bot on the same stack.
const echo = await startChild('echo-server.ts', GC);
const echoAt: Record<number, { perSecond: number; p99: number }> = {};
for (const concurrency of [1, 50]) {
  const r = await withCpu(echo, (onMeasureStart) =>
    measureQuestions({ baseUrl: echo.url, connector, concurrency, ...timing, askerFor: demoAsker, expect: /^You said/, onMeasureStart }),
  );
  echoAt[concurrency] = r;
  rows.push({
    figure: 'echo bot (baseline)',
    concurrency,
    perSecond: r.perSecond,
    p50: r.p50,
    p99: r.p99,
    cpuMs: r.cpuMs,
    notes: problems(r),
  });
}
rss.push(`echo bot ${memory(await echo.rss())}`);
await echo.stop();

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
  cpuMs: r.cpuMs,
  notes,
});

// "what's amber?" on the demo plan, SQLite then PostgreSQL; on SQLite also over Slack (signed events, answers to a fake Web API).
const slack = await startBenchSlack();
for (const kind of ['SQLite', 'PostgreSQL'] as const) {
  const db = kind === 'SQLite' ? sqliteDatabase() : await postgresDatabase('prevent_bench_demo');
  await prepareDemo(db.url);
  const bot = await startChild('bot-server.ts', { ...GC, BENCH_DATABASE_URL: db.url, ...slack.env }, profileDir);
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
  await store.db.conversationRef.updateMany({ data: { serviceUrl: connector.url } });
  say(`Reusing the national dataset in prevent_bench_national (${await store.db.partnership.count()} partnerships).\n`);
}
const channels = await loadChannels(store);
const random = createRandom(7);
const randomAsker = () => {
  const channel = random.pick(channels);
  return { conversation: channel.conversation, from: random.pick(channel.people) };
};
const bot = await startChild('bot-server.ts', { ...GC, BENCH_DATABASE_URL: national.url }, profileDir);
const cold = await measureQuestions({
  baseUrl: bot.url,
  connector,
  concurrency: 50,
  seconds,
  warmupSeconds: 0,
  limit: channels.length,
  askerFor: (w, n) => ({
    conversation: channels[(w + n * 50) % channels.length]!.conversation,
    from: channels[(w + n * 50) % channels.length]!.people[0]!,
  }),
});
rows.push({
  figure: `first question in each of ${channels.length} partnerships (cold)`,
  concurrency: 50,
  perSecond: cold.perSecond,
  p50: cold.p50,
  p99: cold.p99,
  notes: problems(cold),
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
rows.push(
  compared(
    'card update (action.update), PostgreSQL, national',
    50,
    w,
    `${w.saved} saved, ${w.retriesAnswered} retries answered once, ${w.stale} stale, ${w.announcements} announced; lost ${w.lost}, duplicated ${w.duplicated}, version errors ${w.versionMismatches}${w.bad ? `, ${w.bad} bad` : ''}`,
  ),
);
const nationalMemory = await bot.rss();
const nationalRss = nationalMemory.rss;
rss.push(`national bot ${memory(nationalMemory)}`);
await bot.stop();

const digests = await timeDigests(store, new Date(), 16);
rows.push(
  digests.available
    ? {
        figure: `weekly digests, all ${digests.partnerships} partnerships, PostgreSQL`,
        notes: `${digests.seconds.toFixed(1)} s (${digests.concurrency} at a time, as the run coordinator; this process)${digests.failures ? `; ${digests.failures} without a plan` : ''}`,
      }
    : {
        figure: 'weekly digests, all partnerships, PostgreSQL',
        notes: 'NOT AVAILABLE YET (bot/plan/digest.ts or jobs/digest-reply.ts missing)',
      },
);
rows.push({ figure: 'resident memory after the load (rss)', notes: rss.join('; ') });
await store.close();
if (!values.keep) await national.drop();
await connector.close();
await slack.close();

say(formatTable(rows));
say(
  `\nLoad average at the end: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')}`,
);
say('');
say(targets(rows, w, digests, nationalRss));

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

function targets(all: Row[], write: typeof w, digest: typeof digests, memory: number): string {
  const reads = all.filter((r) => r.figure.startsWith('"what\'s amber?"'));
  const lines = reads.map((r) => {
    const ok = r.perSecond! >= 0.8 * r.echoPerSecond! && r.p99! <= 1.5 * r.echoP99!;
    return `${ok ? 'MET    ' : 'NOT MET'} read ${r.figure.replace('"what\'s amber?" ', '')} at ${r.concurrency}: ${((r.perSecond! / r.echoPerSecond!) * 100).toFixed(0)}% of echo throughput (target >= 80%), p99 ${(r.p99! / r.echoP99!).toFixed(2)}x echo (target <= 1.5x)`;
  });
  const writeOk =
    write.perSecond >= 0.5 * echoAt[50]!.perSecond && write.lost === 0 && write.duplicated === 0 && write.versionMismatches === 0;
  lines.push(
    `${writeOk ? 'MET    ' : 'NOT MET'} write at 50: ${((write.perSecond / echoAt[50]!.perSecond) * 100).toFixed(0)}% of echo throughput (target >= 50%), lost ${write.lost}, duplicated ${write.duplicated} (target 0)`,
  );
  lines.push(
    digest.available
      ? `${digest.seconds < 60 ? 'MET    ' : 'NOT MET'} digests: ${digest.seconds.toFixed(1)} s for ${digest.partnerships} (target < 60 s)`
      : 'N/A     digests: the digest builder is not available yet',
  );
  lines.push(`${memory < 200 * 1024 * 1024 ? 'MET    ' : 'NOT MET'} memory: national bot ${mb(memory)} after the load (target < 200 MB)`);
  return lines.join('\n');
}
