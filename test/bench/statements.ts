import { createRequire } from 'node:module';
import { VERBS } from '../../cards/verbs.js';
import { grantRole } from '../../bot/store/people.js';
import { loadPlanView } from '../../bot/store/plans.js';
import { asPerson, makeInstall, makeInvoke, makeMessage, TEAMS } from '../support/activities.js';
import { startTestBot } from '../support/bot.js';
import { JSON_TYPE, startSlackBot } from '../support/slack.js';
import { answeredWorkDone } from '../../bot/core/after-answer.js';

// How many statements the server sends the database for one question and one card update, counted at the driver
// (every statement, BEGIN and COMMIT included): `npx tsx test/bench/statements.ts` (SQLite) or with
// TEST_DATABASE_URL=postgres://… (PostgreSQL); `--sql` prints them.

const require = createRequire(import.meta.url);
const seen: string[] = [];
const counting = { on: false };
const note = (sql: unknown) => {
  if (counting.on) seen.push(String(typeof sql === 'object' && sql ? (sql as { text?: string }).text : sql).replace(/\s+/g, ' '));
};
// SQLite: where a statement runs (the store keeps prepared statements, so preparing them counts nothing)
type Statement = { source: string } & Record<'run' | 'get' | 'all' | 'iterate', (...args: unknown[]) => unknown>;
const Sqlite = require('better-sqlite3') as new (file: string) => { prepare(sql: string): Statement; close(): void };
const probe = new Sqlite(':memory:');
const statementPrototype = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Statement;
probe.close();
for (const method of ['run', 'get', 'all', 'iterate'] as const) {
  const original = statementPrototype[method];
  statementPrototype[method] = function (this: Statement, ...args: unknown[]) {
    note(this.source);
    return original.apply(this, args);
  };
}
const pg = require('pg') as { Client: { prototype: { query(...args: unknown[]): unknown } } };
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: unknown, ...args: unknown[]) {
  note(args[0]);
  return query.apply(this, args);
};

const showSql = process.argv.includes('--sql');
const bot = await startTestBot();
const ali = TEAMS.user('Ali Burlington', '29:ali');
await grantRole(bot.store.db, { partnership: 'City of London', person: asPerson(ali), role: 'lead', organisation: 'CST' });
await bot.post(makeInstall(bot.connector.url));

/** Posts an activity as the Bot Service does and counts the statements until it is answered (not the outbox's sending after). */
async function count(label: string, activity: () => Promise<unknown>): Promise<void> {
  const post = async () => {
    const body = JSON.stringify(await activity());
    counting.on = true;
    await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    counting.on = false;
    await bot.delivered();
  };
  await post(); // warm: the plan cache, the sender's first contact
  seen.length = 0;
  await post();
  console.log(`${label}: ${seen.length} statements`);
  if (showSql) for (const sql of seen) console.log(`  ${sql.slice(0, 160)}`);
}

const a18 = async () => (await loadPlanView(bot.store.db, 'City of London'))!.actions.find((a) => a.ref === 18)!;
await count('question ("what\'s amber?")', async () => makeMessage(bot.connector.url, { text: "what's amber?", mention: true, from: ali }));
await count('card update, note only (Action.Execute)', async () => {
  const { id, version, rag } = await a18();
  return makeInvoke(bot.connector.url, VERBS.submitUpdate, { actionId: id, version, rag, note: `note ${version}` }, { from: ali });
});
await count('card update, RAG change (Action.Execute)', async () => {
  const { id, version, rag } = await a18();
  return makeInvoke(
    bot.connector.url,
    VERBS.submitUpdate,
    { actionId: id, version, rag: rag === 'AMBER' ? 'GREEN' : 'AMBER', note: 'change' },
    { from: ali },
  );
});
await bot.close();

// "@Prevent what's amber?" in a Slack channel: from the signed event to the answer posted and the turn's end recorded
const s = await startSlackBot();
s.slack.addUser({ id: 'U0ALI', name: 'ali', real_name: 'Ali Burlington', email: 'ali.burlington@cityoflondon.gov.uk' });
const askInSlack = async () => {
  await s.signed(s.mention('U0ALI', "what's amber?"), JSON_TYPE);
  await s.slack.waitFor('chat.postMessage', (a) => a.channel === 'C0PARTNERS');
  await answeredWorkDone(s.bot.services);
};
await askInSlack(); // warm: the plan cache, the sender's first contact, the channel's kind
counting.on = true;
seen.length = 0;
await askInSlack();
counting.on = false;
console.log(`question in Slack ("@Prevent what's amber?"): ${seen.length} statements`);
if (showSql) for (const sql of seen) console.log(`  ${sql.slice(0, 160)}`);
await s.close();
