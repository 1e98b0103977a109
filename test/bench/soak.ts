// npm run soak [-- --minutes 20 --partnerships 400 --questions 6 --cards 4 --typed 3 --think 200 --pause 20]
// Mixed load on two bot processes sharing a throwaway PostgreSQL server, with one PostgreSQL restart and one kill -9
// part-way, then checks that nothing was lost or duplicated. Prints a table; writes test-artifacts/soak-<date>.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build, isStale } from '../../bin/build.mjs';
import { runCommand } from '../../bot/cli/index.js';
import { configureLogging } from '../../bot/logger.js';
import { openStore, type OpenStore as Store } from '../../bot/store/database.js';
import { BOT_SERVICE_ISSUER, startIdentityProvider, type IdentityProvider } from '../support/identity-provider.js';
import { generateCommand } from './generate/command.js';
import { createRandom } from './generate/random.js';
import { loadChannels, pickUpdaters } from './national.js';
import { createBalancer } from './soak/balancer.js';
import { checkAnnouncements, checkHistory, checkScheduled, scheduledComplete } from './soak/checks.js';
import { startCluster, type Cluster } from './soak/cluster.js';
import { startInstance, type Instance } from './soak/instances.js';
import { checkOutbox, outboxTable } from './soak/outbox.js';
import { formatReport } from './soak/report.js';
import { scheduleDuringRun } from './soak/scheduled.js';
import { byPhase, rssTrend, type RssSample, type Window } from './soak/stats.js';
import { startTap, type Tap } from './soak/tap.js';
import { cardWorker, questionWorker, typedWorker, type AcceptedUpdate, type RequestRecord, type WorkerContext } from './soak/workers.js';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string' },
    partnerships: { type: 'string' },
    questions: { type: 'string' },
    cards: { type: 'string' },
    typed: { type: 'string' },
    think: { type: 'string' },
    pause: { type: 'string' },
  },
});
const minutes = Number(values.minutes ?? 20);
const partnerships = Number(values.partnerships ?? 400);
const workers = { questions: Number(values.questions ?? 6), cards: Number(values.cards ?? 4), typed: Number(values.typed ?? 3) };
const thinkMs = Number(values.think ?? 200);
const pauseMs = Number(values.pause ?? 20) * 1000;
for (const [name, v] of Object.entries({ minutes, partnerships, ...workers, thinkMs, pauseMs }))
  if (!Number.isFinite(v) || v < 0 || (name === 'minutes' && v < 1)) throw new Error(`--${name} must be a number (minutes at least 1)`);

const say = (text: string) => process.stdout.write(`${text}\n`);
const durationMs = minutes * 60_000;
const runId = Date.now().toString(36);
const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
const outDir = path.resolve('test-artifacts');
const logDir = path.join(outDir, `soak-${stamp}`);
mkdirSync(logDir, { recursive: true });
configureLogging('warn');

let cluster: Cluster | null = null;
let tap: Tap | null = null;
let idp: IdentityProvider | null = null;
let store: Store | null = null;
const instances: Instance[] = [];
const cleanUp = async () => {
  await Promise.all(instances.map((i) => i.stop().catch(() => undefined)));
  await store?.close().catch(() => undefined);
  await tap?.close().catch(() => undefined);
  await idp?.close().catch(() => undefined);
  cluster?.destroy();
};
process.on('SIGINT', () => void cleanUp().then(() => process.exit(130)));

try {
  const loadAtStart = loadavg();
  say(`Prevent bot soak: ${minutes} min, ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}`);
  say(
    `Load average at start: ${loadAtStart.map((l) => l.toFixed(2)).join(', ')} (other sessions share this machine; every figure moves with them)`,
  );

  if (isStale()) {
    // built once here, so the two instances do not both build it as they start
    const built = await build();
    say(`Built dist/server.js (what npm start runs) from ${built.files} files in ${built.seconds.toFixed(1)} s`);
  }
  cluster = await startCluster();
  say(`PostgreSQL ${cluster.version} of the soak's own on port ${cluster.port} (${cluster.dir})`);
  const url = await cluster.createDatabase('prevent_soak');
  // the instances run with an app id, as in production: the load generator signs every activity as the Bot Service does
  // (a token from a local stand-in for Microsoft's sign-in, whose keys the instances are told to trust), and the fake
  // connector takes only calls carrying the token the bot got from that sign-in with its app id and password
  const app = { id: '5a0c5a0c-0000-4000-8000-0000000050a6', password: `soak-${runId}-password` };
  idp = await startIdentityProvider({ apps: { [app.id]: app.password } });
  const signIn = idp;
  tap = await startTap(runId, { authorise: (header) => signIn.verifyBotToken(header, app.id) });
  store = await openStore(url); // migrates, as the bot does at start
  const generated: string[] = [];
  const genStarted = performance.now();
  const code = await runCommand(
    generateCommand,
    ['--partnerships', String(partnerships), '--seed', '1', '--service-url', tap.url],
    { DATABASE_URL: url, LOG_LEVEL: 'warn' },
    (t) => void generated.push(t),
    (t) => void generated.push(t),
  );
  if (code !== 0) throw new Error(`generate failed:\n${generated.join('\n')}`);
  say(`National dataset generated in ${((performance.now() - genStarted) / 1000).toFixed(0)} s: ${generated.at(-5)?.trim() ?? ''}`);

  const channels = (await loadChannels(store)).filter((c) => c.people.length > 0);
  const updaters = await pickUpdaters(store, channels, workers.cards + workers.typed);
  const targets = await store.db.action.findMany({
    where: { id: { in: updaters.map((u) => u.actionId) } },
    select: { id: true, target: true },
  });
  const targetOf = new Map(targets.map((t) => [t.id, t.target]));
  const startVersions = new Map(updaters.map((u) => [u.actionId, u.version]));
  // the note goes with each RAG change to the channel, so each announcement names its update
  for (const name of new Set(
    channels.filter((c) => updaters.some((u) => u.conversation.id === c.conversation.id)).map((c) => c.partnership),
  ))
    await store.privacy.changeSettings({
      partnership: name,
      change: { postNotesToChannel: true },
      actor: { personId: null, label: 'soak' },
      now: new Date(),
    });

  const env = {
    DATABASE_URL: url,
    LOG_LEVEL: 'warn',
    MicrosoftAppId: app.id,
    MicrosoftAppPassword: app.password,
    MicrosoftAppTenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    HOST: '127.0.0.1',
    BOT_OPENID_METADATA_URL: idp.openIdMetadataUrl,
    BOT_TOKEN_URL: idp.tokenUrl,
  };
  const started = await Promise.all(['A', 'B'].map((n) => startInstance(n, env, path.join(logDir, `instance-${n}.log`))));
  instances.push(...started);
  const [a, b] = started as [Instance, Instance];
  say(
    `Two bot processes (bin/start.mjs, as npm start runs them): A pid ${a.pid()} at ${a.url}, B pid ${b.pid()} at ${b.url}; logs in ${logDir}`,
  );

  const t0 = Date.now();
  tap.markStart();
  const clock = () => Date.now() - t0;
  const expected = await scheduleDuringRun(store, channels, t0, minutes);
  say(
    `Scheduled during the run: ${expected.filter((e) => e.kind === 'reminder').length} reminder deliveries, ${expected.filter((e) => e.kind === 'digest').length} digests`,
  );
  say(
    `Load: ${workers.questions} question, ${workers.cards} card-update and ${workers.typed} typed-update workers, ${thinkMs} ms between a worker's requests; round-robin over A and B\n`,
  );

  const records: RequestRecord[] = [];
  const accepted: AcceptedUpdate[] = [];
  const questionIds: string[] = [];
  const counters = { stale: 0, abandoned: 0 };
  // the Bot Service's token for this bot, renewed well before its hour is up
  let token = { value: '', until: 0 };
  const tapUrl = tap.url;
  const authorization = async () => {
    if (Date.now() >= token.until)
      token = {
        value: `Bearer ${await signIn.sign({ iss: BOT_SERVICE_ISSUER, aud: app.id, serviceurl: tapUrl })}`,
        until: Date.now() + 30 * 60_000,
      };
    return token.value;
  };
  const balancer = createBalancer(started, clock, authorization);
  const ctx: WorkerContext = {
    balancer,
    tap,
    store,
    runId,
    clock,
    stopAt: durationMs,
    random: createRandom(11),
    record: (r) => void records.push(r),
    accepted: (u) => void accepted.push(u),
    thinkMs,
  };

  const samples: RssSample[] = [];
  const sample = () =>
    samples.push({
      at: clock(),
      rss: Object.fromEntries(started.map((i) => [i.name, i.rss()])),
      cpuSeconds: Object.fromEntries(started.map((i) => [i.name, i.cpuSeconds()])),
    });
  sample();
  const sampler = setInterval(sample, 30_000);
  const progress = setInterval(() => {
    const last = records.filter((r) => r.at > clock() - 60_000);
    say(
      `  ${(clock() / 60_000).toFixed(1)} min: ${records.length} requests (${last.filter((r) => !r.ok).length} bad in the last minute), ${accepted.length} updates accepted; RSS A ${mb(a.rss())}, B ${mb(b.rss())}`,
    );
  }, 60_000);

  const until = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms - clock())));
  const faults = { pgRestart: { at: 0, ms: 0 }, kill: { at: 0, downMs: 0, restartMs: 0 } };
  const window: Window = { from: 0.3 * durationMs, to: 0.3 * durationMs };
  const faultDriver = (async () => {
    await until(0.3 * durationMs);
    faults.pgRestart.at = clock();
    window.from = faults.pgRestart.at;
    say(`  ${(clock() / 60_000).toFixed(1)} min: restarting PostgreSQL (pg_ctl restart -m fast)`);
    faults.pgRestart.ms = (await cluster!.restart()).ms;
    await until(0.4 * durationMs);
    faults.kill.at = clock();
    say(`  ${(clock() / 60_000).toFixed(1)} min: kill -9 of instance B (pid ${b.pid()}); restarting it in ${pauseMs / 1000} s`);
    await b.kill9();
    await new Promise((r) => setTimeout(r, pauseMs));
    faults.kill.restartMs = (await b.restart()).ms;
    faults.kill.downMs = clock() - faults.kill.at;
    window.to = clock() + 30_000;
    say(`  ${(clock() / 60_000).toFixed(1)} min: instance B is back (pid ${b.pid()})`);
  })();

  await Promise.all([
    ...Array.from({ length: workers.questions }, () => questionWorker(ctx, channels, questionIds)),
    ...updaters.slice(0, workers.cards).map((u, i) => cardWorker(ctx, u, i, counters)),
    ...updaters.slice(workers.cards).map((u, i) => typedWorker(ctx, { ...u, target: targetOf.get(u.actionId) ?? null }, i, counters)),
    faultDriver,
  ]);
  const loadEnded = clock();
  clearInterval(progress);

  // what was due before the end must still arrive: give the jobs (and any outbox) time to finish
  const outbox = await outboxTable(url);
  const waitUntil = Date.now() + 150_000;
  while (Date.now() < waitUntil && !scheduledComplete(expected, tap.counts)) await new Promise((r) => setTimeout(r, 2000));
  // a reply that came after the HTTP answer (the first try still working when a retry was answered) did reach the user
  for (const r of records)
    if (r.problem === 'no reply' && tap.replyCount(r.id) > 0) Object.assign(r, { ok: true, late: true, problem: undefined });
  const outboxResult = outbox ? await checkOutbox(url, outbox, tap) : null;
  sample();
  clearInterval(sampler);

  const history = await checkHistory(store, runId, accepted, startVersions);
  const announcements = checkAnnouncements(accepted, tap.counts);
  const scheduled = checkScheduled(expected, tap.counts);
  const jobRuns = await store.db.jobRun.groupBy({
    by: ['jobKey', 'status'],
    where: { claimedAt: { gte: new Date(t0) }, jobKey: { in: ['schedule-reminders', 'weekly-digest'] } },
    _count: true,
  });
  const replies = questionIds.map((id) => tap!.replyCount(id));
  const questionReplies = {
    asked: questionIds.length,
    unanswered: replies.filter((n) => n === 0).length,
    answeredMoreThanOnce: replies.filter((n) => n > 1).length,
    // each question answered more than once: its attempts and each reply (when, first line), to say why
    duplicates: questionIds
      .filter((id) => tap!.replyCount(id) > 1)
      .slice(0, 20)
      .map((id) => ({ id, tries: records.find((r) => r.id === id)?.tries ?? [], replies: tap!.repliesOf(id) })),
    // and each without a reply: its attempts (an instance killed mid-turn leaves a claim a retry must not answer over)
    unansweredExamples: questionIds
      .filter((id) => tap!.replyCount(id) === 0)
      .slice(0, 20)
      .map((id) => ({ id, tries: records.find((r) => r.id === id)?.tries ?? [] })),
  };
  const phases = byPhase(records, window, loadEnded);
  const warmupMs = Math.min(5 * 60_000, 0.25 * durationMs);
  const marks = [...new Set([5, 10, 20, minutes].filter((m) => m <= minutes))];
  const rss = {
    A: rssTrend(samples, 'A', warmupMs, marks),
    // B was killed and started again: its figures after the restart are a fresh process's
    B: rssTrend(samples, 'B', faults.kill.at + faults.kill.downMs + warmupMs, marks),
    warmupMinutes: warmupMs / 60_000,
    samples: samples.map((s) => ({
      at: s.at,
      rssMb: mapValues(s.rss, (v) => (v === null ? null : v / 1024 / 1024)),
      cpuSeconds: s.cpuSeconds,
    })),
  };
  const result = {
    date: new Date(t0).toISOString(),
    minutes,
    machine: {
      cpus: cpus().length,
      model: cpus()[0]?.model,
      node: process.version,
      postgres: cluster.version,
      loadAverageStart: loadAtStart,
      loadAverageEnd: loadavg(),
      note: 'shared with other sessions: figures move with their load',
    },
    dataset: { partnerships, channels: channels.length },
    load: { ...workers, thinkMs, requests: records.length, acceptedUpdates: accepted.length, ...counters },
    faults: { ...faults, window },
    phases,
    integrity: { history, announcements, scheduled, questionReplies, jobRuns, outbox: outboxResult },
    rss,
    delivered: tap.delivered(),
    auth: {
      signed: 'every activity (Bot Service token, RS256, from the stand-in sign-in); instances with an app id',
      tokensIssuedToBot: idp.tokensIssued,
      refusedByConnector: tap.refused(),
      refusedByBot: records.filter((r) => r.problem === 'HTTP 401').length,
    },
    otherProactive: Object.fromEntries(tap.counts.other),
  };
  const file = path.join(outDir, `soak-${stamp}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  say(`\n${formatReport(result)}`);
  say(`\nJSON: ${file}`);
  say(
    `Load average at the end: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}`,
  );
  balancer.close();
} finally {
  await cleanUp();
}

function mb(bytes: number | null): string {
  return bytes === null ? 'down' : `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

function mapValues<T, U>(o: Record<string, T>, f: (v: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));
}
