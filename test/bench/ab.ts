// npx tsx test/bench/ab.ts --a DIR --b DIR [--db sqlite|postgresql] [--rounds 8] [--slot 3] [--concurrency 1] [--v8-b=--flag]
// [--updates]: two checkouts of the bot (each run as `npm start` runs it: DIR/bin/start.mjs) answering "what's amber?" (with
// --updates: Ali saving updates from action cards, one CST action per conversation, every tenth a RAG change) in turns of
// `slot` seconds, A then B, for `rounds` rounds, so both see the same load from the rest of the machine. Prints each one's
// server CPU per request (from /proc) and its throughput and p99 over all its slots. Each gets its own database.
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { configureLogging } from '../../bot/logger.js';
import { startFakeConnector } from '../support/fake-connector.js';
import { postgresDatabase, sqliteDatabase } from './databases.js';
import { measureQuestions } from './questions.js';
import { demoAsker, DEMO_PARTNERSHIP, prepareDemo } from './setup.js';
import { measureUpdates, type Updater } from './updates.js';
import { openStore } from '../../bot/store/database.js';
import { TEAMS } from '../support/activities.js';

const { values } = parseArgs({
  options: {
    a: { type: 'string' },
    b: { type: 'string' },
    db: { type: 'string' },
    rounds: { type: 'string' },
    slot: { type: 'string' },
    concurrency: { type: 'string' },
    'v8-a': { type: 'string' },
    'v8-b': { type: 'string' },
    updates: { type: 'boolean' },
  },
});
if (!values.a || !values.b) throw new Error('Say which two checkouts: --a DIR --b DIR');
configureLogging('warn');
const rounds = Number(values.rounds ?? 8);
const slot = Number(values.slot ?? 3);
const concurrency = Number(values.concurrency ?? 1);
/** CPU seconds a process has used so far (user + system), from /proc. */
const cpuSeconds = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const healthy = (url: string) =>
  new Promise<boolean>((resolve) => {
    http
      .get(`${url}/healthz`, { agent: false }, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      })
      .on('error', () => resolve(false));
  });

const connector = await startFakeConnector();
async function start(label: 'A' | 'B', dir: string, port: number, v8?: string) {
  const db = values.db === 'postgresql' ? await postgresDatabase(`prevent_bench_ab_${label.toLowerCase()}`) : sqliteDatabase();
  await prepareDemo(db.url);
  const child = fork(path.join(path.resolve(dir), 'bin', 'start.mjs'), [], {
    cwd: dir,
    execArgv: v8 ? v8.split(' ') : [],
    env: { ...process.env, DATABASE_URL: db.url, PORT: String(port), LOG_LEVEL: 'warn', DEMO_PLAN: 'off' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = `http://127.0.0.1:${port}`;
  while (!(await healthy(url))) await new Promise((r) => setTimeout(r, 50));
  return { label, dir, url, child, db, store: await openStore(db.url), cpu: 0, requests: 0, seconds: 0, p99s: [] as number[], bad: 0 };
}
/** One updater per conversation: Ali, each on a CST action of the demo plan at its current version. */
async function updaters(store: Awaited<ReturnType<typeof openStore>>): Promise<Updater[]> {
  const plan = await store.plans.require(DEMO_PARTNERSHIP);
  const cst = plan.actions.filter((a) => a.leads.some((l) => l.startsWith('CoLC Community Safety')));
  return cst.slice(0, concurrency).map((a, i) => ({
    ...demoAsker(2 * i),
    from: TEAMS.user('Ali Burlington', '29:ali'),
    actionId: a.id,
    ref: a.ref,
    version: a.version,
    rag: a.rag,
  }));
}
const sides = [await start('A', values.a, 39781, values['v8-a']), await start('B', values.b, 39782, values['v8-b'])];
process.stdout.write(
  `A: ${values.a}  B: ${values.b}  ${values.db ?? 'sqlite'}, ${concurrency} conversation(s), ${rounds} rounds of ${slot} s each\n`,
);
process.stdout.write(
  `load average at start ${loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')}\n`,
);
for (let round = 0; round <= rounds; round++) {
  for (const side of round % 2 ? sides : [...sides].reverse()) {
    const pid = side.child.pid!;
    let before = 0;
    const timing = { seconds: slot, warmupSeconds: round === 0 ? 3 : 0.5, onMeasureStart: () => void (before = cpuSeconds(pid)) };
    const r = values.updates
      ? await measureUpdates({
          baseUrl: side.url,
          connector,
          store: side.store,
          updaters: await updaters(side.store),
          runId: `${side.label}${round}`,
          ...timing,
        })
      : await measureQuestions({ baseUrl: side.url, connector, concurrency, askerFor: demoAsker, ...timing });
    if (round === 0) continue; // warm-up round
    side.cpu += cpuSeconds(pid) - before;
    side.requests += r.requests;
    side.seconds += r.seconds;
    side.p99s.push(r.p99);
    side.bad += r.bad + ('unanswered' in r ? r.unanswered : r.lost + r.duplicated);
  }
}
for (const side of sides) {
  const p99 = [...side.p99s].sort((x, y) => x - y)[Math.floor(side.p99s.length / 2)]!;
  process.stdout.write(
    `${side.label}: ${((side.cpu * 1000) / side.requests).toFixed(2)} CPU ms/req, ${(side.requests / side.seconds).toFixed(0)} req/s, median of slot p99s ${p99.toFixed(1)} ms, ${side.requests} requests, ${side.bad} bad, RSS ${rssMb(side.child.pid!).toFixed(0)} MB\n`,
  );
}
process.stdout.write(
  `load average at end ${loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')}\n`,
);
for (const side of sides) {
  side.child.kill('SIGTERM');
  await new Promise((r) => side.child.once('exit', r));
  await side.store.close();
  await side.db.drop();
}
await connector.close();
