import { textOf } from '../support/bot.js';
import { afterEach, describe, expect, it } from 'vitest';
import { findConversation } from '../../bot/store/conversations.js';
import type { Job } from '../../jobs/job.js';
import { startScheduler } from '../../jobs/scheduler.js';
import type { TestBot } from '../support/bot.js';
import { CLEO, coordinatorFor, person, say, secondInstance, startJobsBot, TEAMS, tickAt } from './support.js';

let bot: TestBot;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  await bot?.close();
});

const PAT = TEAMS.user('Pat Panel', '29:pat');
const JO = TEAMS.user('Jo Panel', '29:jo');
const AMI = TEAMS.user('Ami Panel', '29:ami');
const personal = (id: string) => TEAMS.personalOf(id).id;
const MONDAY_0900 = '2026-11-23T09:00:00Z';

async function panelBot() {
  bot = await startJobsBot('2026-11-22T12:00:00Z');
  for (const p of [PAT, JO, AMI]) await person(bot, p, 'member', { panel: true });
  await say(bot, CLEO, 'schedule the Channel panel monthly on the first Tuesday at 10:00');
  await say(bot, CLEO, 'schedule the stakeholder forum on 1 December 2026 at 14:00');
  bot.connector.clear();
}

const digestsTo = (id: string) => bot.connector.to(personal(id)).filter((s) => textOf(s.activity).startsWith('Weekly digest'));

describe('each occurrence fires exactly once', () => {
  it('two scheduler instances (two coordinators, two Services, one database) send each reminder once', async () => {
    await panelBot();
    const other = await secondInstance(bot);
    closers.push(other.close);
    const a = coordinatorFor(bot.services, { instanceId: 'instance-a' });
    const b = coordinatorFor(other.services, { instanceId: 'instance-b' });
    bot.clock.set('2026-11-24T10:00:00Z');
    const window = [new Date('2026-11-24T09:59:00Z'), new Date('2026-11-24T10:00:00Z')] as const;
    const [ra, rb] = await Promise.all([a.tick(...window), b.tick(...window)]);
    await Promise.all([bot.delivered(), other.services.outbox.drain()]);
    const done = [...ra, ...rb].filter((r) => r.status === 'done');
    expect(done).toHaveLength(1);
    expect([...ra, ...rb].filter((r) => r.status === 'taken').length).toBeLessThanOrEqual(1);
    expect(bot.connector.sent.map((s) => s.conversationId).sort()).toEqual([personal(AMI.id), personal(JO.id), personal(PAT.id)]);
    const runs = await bot.store.db.jobRun.findMany({ where: { jobKey: 'schedule-reminders' } });
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'done', claimedBy: expect.stringMatching(/^instance-[ab]$/) });
  });

  it('two instances catching up at the same start send a missed digest once', async () => {
    bot = await startJobsBot('2026-11-22T12:00:00Z');
    const other = await secondInstance(bot);
    closers.push(other.close);
    bot.clock.set('2026-11-23T10:30:00Z');
    await Promise.all([
      coordinatorFor(bot.services, { instanceId: 'a' }).catchUp(bot.clock.now()),
      coordinatorFor(other.services, { instanceId: 'b' }).catchUp(bot.clock.now()),
    ]);
    await Promise.all([bot.delivered(), other.services.outbox.drain()]);
    expect(digestsTo(CLEO.id)).toHaveLength(1);
  });

  it('a restart after a missed digest sends it once; a second restart sends nothing more', async () => {
    bot = await startJobsBot('2026-11-22T12:00:00Z');
    bot.clock.set('2026-11-23T11:00:00Z');
    const first = await startScheduler(bot.services, { cron: false, instanceId: 'first' });
    await first.stop();
    await bot.delivered();
    expect(digestsTo(CLEO.id)).toHaveLength(1);
    expect(textOf(digestsTo(CLEO.id)[0]!.activity)).toContain('12 AMBER');
    bot.clock.set('2026-11-23T11:30:00Z');
    const second = await startScheduler(bot.services, { cron: false, instanceId: 'second' });
    bot.clock.set('2026-11-23T11:31:00Z');
    await second.tickNow();
    await second.stop();
    await bot.delivered();
    expect(digestsTo(CLEO.id)).toHaveLength(1);
    const run = await bot.store.db.jobRun.findFirstOrThrow({ where: { jobKey: 'weekly-digest' } });
    expect(run).toMatchObject({ occurrence: expect.stringMatching(/^digest:person:\d+:2026-11-23$/), status: 'done', claimedBy: 'first' });
  });

  it('a digest missed by more than the grace window is recorded as skipped and not sent', async () => {
    bot = await startJobsBot('2026-11-22T12:00:00Z');
    bot.clock.set('2026-11-23T15:01:00Z');
    const scheduler = await startScheduler(bot.services, { cron: false, instanceId: 'late' });
    await scheduler.stop();
    expect(digestsTo(CLEO.id)).toHaveLength(0);
    const runs = await bot.store.db.jobRun.findMany({ where: { jobKey: 'weekly-digest' } });
    expect(runs).toEqual([
      expect.objectContaining({ status: 'skipped', detail: expect.stringContaining('Missed by more than 360 minutes') }),
    ]);
  });

  it('the scheduler ticks contiguous windows: an occurrence between two ticks runs once', async () => {
    bot = await startJobsBot('2026-11-23T08:58:30Z');
    const scheduler = await startScheduler(bot.services, { cron: false });
    for (const t of ['08:59:30', '09:00:00', '09:00:00', '09:01:05']) {
      bot.clock.set(`2026-11-23T${t}Z`);
      await scheduler.tickNow();
    }
    await scheduler.stop();
    await bot.delivered();
    expect(digestsTo(CLEO.id)).toHaveLength(1);
  });

  it('a claim left running by a dead instance is taken over after the lease; a fresh one is not', async () => {
    bot = await startJobsBot('2026-11-22T12:00:00Z');
    const key = { jobKey: 'weekly-digest', claimedBy: 'dead', status: 'running' };
    const person = await bot.store.db.person.findFirstOrThrow({ where: { chatId: CLEO.id } });
    await bot.store.db.jobRun.create({
      data: { ...key, occurrence: `digest:person:${person.id}:2026-11-23`, claimedAt: new Date('2026-11-23T09:00:00Z') },
    });
    const c = coordinatorFor(bot.services, { leaseMs: 30 * 60_000 });
    bot.clock.set('2026-11-23T09:10:00Z');
    expect((await c.catchUp(bot.clock.now())).filter((r) => r.job === 'weekly-digest')).toEqual([]);
    await bot.delivered();
    expect(digestsTo(CLEO.id)).toHaveLength(0);
    bot.clock.set('2026-11-23T09:45:00Z');
    const reports = await c.catchUp(bot.clock.now());
    expect(reports.find((r) => r.job === 'weekly-digest')).toMatchObject({ status: 'done' });
    await bot.delivered();
    expect(digestsTo(CLEO.id)).toHaveLength(1);
    expect(await bot.store.db.jobRun.findFirst({ where: { jobKey: 'weekly-digest' } })).toMatchObject({
      status: 'done',
      claimedBy: 'test-a',
    });
  });
});

/** The outbox rows of one kind, as the soak benchmark and operators read them. */
async function rows(kind: string) {
  return (await bot.store.outbox.list({ kind: kind as never })).map((r) => ({
    recipient: r.recipient,
    status: r.status,
    attempts: r.attempts,
    lastError: r.lastError,
  }));
}

describe('sends: throttling, refusals and failures', () => {
  it('a 429 with Retry-After followed by success delivers once, after waiting as asked', async () => {
    bot = await startJobsBot('2026-11-22T12:00:00Z');
    const waits: number[] = [];
    const other = await secondInstance(bot, async (ms) => void waits.push(ms));
    closers.push(other.close);
    bot.connector.failNext({ status: 429, headers: { 'Retry-After': '2' } });
    const reports = await coordinatorFor(other.services).tick(new Date('2026-11-23T08:59:00Z'), new Date(MONDAY_0900));
    expect(reports.find((r) => r.job === 'weekly-digest')).toMatchObject({ status: 'done', detail: expect.stringContaining(': queued') });
    await other.services.outbox.drain();
    expect(digestsTo(CLEO.id)).toHaveLength(1);
    expect(await rows('digest')).toEqual([{ recipient: 'Cleo Coordinator', status: 'sent', attempts: 2, lastError: null }]);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThanOrEqual(2000);
    expect(waits[0]).toBeLessThan(2250);
  });

  it('429s that go on past five attempts leave the row pending for a later try, without blocking the next occurrence', async () => {
    bot = await startJobsBot('2026-11-22T12:00:00Z');
    const waits: number[] = [];
    const other = await secondInstance(bot, async (ms) => void waits.push(ms));
    closers.push(other.close);
    bot.connector.failNext(...Array.from({ length: 5 }, () => ({ status: 429, headers: { 'Retry-After': '40' } })));
    await coordinatorFor(other.services).tick(new Date('2026-11-23T08:59:00Z'), new Date(MONDAY_0900));
    await other.services.outbox.drain();
    expect(await rows('digest')).toEqual([
      { recipient: 'Cleo Coordinator', status: 'pending', attempts: 5, lastError: expect.stringMatching(/^429: /) },
    ]);
    expect(waits).toHaveLength(4);
    for (const w of waits) expect(w).toBeLessThanOrEqual(30_000);
    // the 429s go on all day: it is tried again through the day, then given up; the next week's digest still goes out
    bot.connector.goDown({ status: 429, headers: { 'Retry-After': '40' } });
    for (let row = await bot.store.db.outboxMessage.findFirstOrThrow({ where: { kind: 'digest' } }); row.status === 'pending'; ) {
      bot.clock.set(row.availableAt!);
      await other.services.outbox.drain();
      row = await bot.store.db.outboxMessage.findFirstOrThrow({ where: { kind: 'digest' } });
    }
    bot.connector.recover();
    bot.clock.set('2026-11-30T09:00:00Z');
    await coordinatorFor(other.services).tick(new Date('2026-11-30T08:59:00Z'), new Date('2026-11-30T09:00:00Z'));
    await other.services.outbox.drain();
    expect(digestsTo(CLEO.id)).toHaveLength(1);
    expect((await rows('digest')).map((r) => r.status)).toEqual(['failed', 'sent']);
  });

  it('412, 502 and 504 are retried with backoff and deliver once', async () => {
    bot = await startJobsBot('2026-11-22T12:00:00Z');
    const waits: number[] = [];
    const other = await secondInstance(bot, async (ms) => void waits.push(ms));
    closers.push(other.close);
    bot.connector.failNext({ status: 412 }, { status: 412 });
    await coordinatorFor(other.services).tick(new Date('2026-11-23T08:59:00Z'), new Date(MONDAY_0900));
    await other.services.outbox.drain();
    expect(digestsTo(CLEO.id)).toHaveLength(1);
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeLessThanOrEqual(250);
    expect(waits[1]).toBeLessThanOrEqual(500);
    bot.connector.failNext({ status: 502 }, { status: 504 });
    await coordinatorFor(other.services).tick(new Date('2026-11-30T08:59:00Z'), new Date('2026-11-30T09:00:00Z'));
    await other.services.outbox.drain();
    expect(digestsTo(CLEO.id)).toHaveLength(2);
    expect((await rows('digest')).map((r) => [r.status, r.attempts])).toEqual([
      ['sent', 3],
      ['sent', 3],
    ]);
  });

  it('a 403 from a channel (the app removed) marks it inactive, says why, and tells a coordinator', async () => {
    await panelBot();
    bot.connector.failNext({
      status: 403,
      body: { error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } },
    });
    const [report] = await tickAt(bot, '2026-11-24T14:00:00Z');
    expect(report).toMatchObject({ job: 'schedule-reminders', status: 'done', detail: `channel ${TEAMS.channelId}: queued` });
    expect(await rows('meeting-reminder')).toEqual([
      { recipient: 'the partnership channel', status: 'unreachable', attempts: 1, lastError: 'removed' },
    ]);
    expect(await findConversation(bot.store.db, TEAMS.channelId)).toMatchObject({ active: false, inactiveReason: 'removed' });
    expect(bot.connector.to(personal(CLEO.id)).map((s) => textOf(s.activity))).toEqual([
      expect.stringContaining('I can no longer post to a channel'),
    ]);
    expect(textOf(bot.connector.to(personal(CLEO.id))[0]!.activity)).toContain('(the app was removed from it)');
    await tickAt(bot, '2026-11-30T14:00:00Z');
    expect(bot.connector.to(TEAMS.channelId)).toEqual([]);
  });

  it('a 403 from one panel member does not stop the others; the conversation is marked inactive and coordinators are told', async () => {
    await panelBot();
    bot.connector.failNext({ status: 403, body: { error: { code: 'MessageWritesBlocked' } } });
    const [report] = await tickAt(bot, '2026-11-24T10:00:00Z');
    expect(report?.detail).toBe('panel members: queued for 3 of 3');
    const panelRows = await rows('panel-reminder');
    expect(panelRows.map((r) => r.status).sort()).toEqual(['sent', 'sent', 'unreachable']);
    expect(panelRows.find((r) => r.status === 'unreachable')).toMatchObject({ lastError: 'removed-or-blocked' });
    const refs = await bot.store.db.conversationRef.findMany({ where: { kind: 'personal', active: false } });
    expect(refs).toHaveLength(1);
    const panelSends = bot.connector.sent.filter((s) => textOf(s.activity).startsWith('Reminder: Channel panel'));
    expect(panelSends).toHaveLength(2);
    expect(panelSends.map((s) => s.conversationId)).not.toContain(refs[0]!.conversationId);
    expect(textOf(bot.connector.to(personal(CLEO.id))[0]!.activity)).toMatch(
      /I could not send the Channel panel reminder for Tuesday 1 December 2026 at 10:00 to: \w+ Panel\./,
    );
  });

  it('a final failure (400) on one send still delivers to the rest, and is recorded as failed', async () => {
    await panelBot();
    bot.connector.failNext({ status: 400 });
    await tickAt(bot, '2026-11-24T10:00:00Z');
    const panelRows = await rows('panel-reminder');
    expect(panelRows.map((r) => r.status).sort()).toEqual(['failed', 'sent', 'sent']);
    expect(panelRows.find((r) => r.status === 'failed')).toMatchObject({ attempts: 1, lastError: expect.stringMatching(/^400: /) });
    expect(bot.connector.sent.filter((s) => textOf(s.activity).startsWith('Reminder: Channel panel'))).toHaveLength(2);
    expect(await bot.store.db.conversationRef.count({ where: { active: false } })).toBe(0);
  });

  it('a job that throws is recorded as failed and the other jobs still run', async () => {
    bot = await startJobsBot('2026-11-22T12:00:00Z');
    const broken: Job = {
      name: 'broken',
      occurrences: async (_s, from, to) => [{ key: 'broken:1', at: new Date((from.getTime() + to.getTime()) / 2) }],
      run: async () => {
        throw new Error('the database went away');
      },
    };
    const { JOBS } = await import('../../jobs/index.js');
    const reports = await coordinatorFor(bot.services, { jobs: [broken, ...JOBS] }).tick(
      new Date('2026-11-23T08:59:00Z'),
      new Date(MONDAY_0900),
    );
    expect(reports.find((r) => r.job === 'broken')).toMatchObject({ status: 'failed', detail: 'Failed: the database went away' });
    expect(reports.find((r) => r.job === 'weekly-digest')).toMatchObject({ status: 'done' });
    expect(await bot.store.db.jobRun.findFirst({ where: { jobKey: 'broken' } })).toMatchObject({ status: 'failed' });
  });
});

describe('the scheduler with node-cron', () => {
  it('starts a minute task after the catch-up and stops cleanly', async () => {
    bot = await startJobsBot('2026-11-23T10:00:00Z');
    const cron = await import('node-cron');
    const scheduler = await startScheduler(bot.services, { instanceId: 'cron' });
    await bot.delivered();
    const task = [...cron.getTasks().values()].find((t) => t.name === 'prevent-jobs');
    expect(task?.getPattern()).toBe('* * * * *');
    expect(digestsTo(CLEO.id)).toHaveLength(1);
    await scheduler.stop();
    expect(task?.getStatus()).toBe('destroyed');
  });
});

describe('stopping during the start-up catch-up', () => {
  it('claims nothing more: the run under way finishes and is recorded, the rest are left for the next start', async () => {
    bot = await startJobsBot('2026-11-23T09:00:00Z');
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let began = () => {};
    const firstBegan = new Promise<void>((resolve) => (began = resolve));
    const ran: string[] = [];
    // three occurrences missed in the last hour (inside the grace window), run one at a time
    const slow: Job = {
      name: 'slow-report',
      occurrences: async (_services, from, to) =>
        [10, 20, 30]
          .map((minutes) => ({ key: `slow:${minutes}`, at: new Date(new Date('2026-11-23T09:00:00Z').getTime() - minutes * 60_000) }))
          .filter((o) => o.at > from && o.at <= to),
      run: async (_services, occurrence) => {
        began();
        await gate;
        ran.push(occurrence.key);
        return `ran ${occurrence.key}`;
      },
    };
    const stopping = new AbortController();
    const starting = startScheduler(bot.services, {
      cron: false,
      jobs: [slow],
      concurrency: 1,
      signal: stopping.signal,
      instanceId: 'stopping',
    });
    await firstBegan;
    stopping.abort();
    release();
    const scheduler = await starting;
    await scheduler.stop();
    expect(ran).toEqual(['slow:30']);
    const rows = await bot.store.db.jobRun.findMany({ where: { jobKey: 'slow-report' }, orderBy: { occurrence: 'asc' } });
    expect(rows.map((r) => [r.occurrence, r.status])).toEqual([['slow:30', 'done']]);

    // the next start runs what the stopped one did not reach, and not the one it finished
    const next = await startScheduler(bot.services, { cron: false, jobs: [slow], instanceId: 'next' });
    await next.stop();
    expect(ran).toEqual(['slow:30', 'slow:20', 'slow:10']);
    const after = await bot.store.db.jobRun.findMany({ where: { jobKey: 'slow-report' }, orderBy: { occurrence: 'asc' } });
    expect(after.map((r) => [r.occurrence, r.status, r.claimedBy])).toEqual([
      ['slow:10', 'done', 'next'],
      ['slow:20', 'done', 'next'],
      ['slow:30', 'done', 'stopping'],
    ]);
  });
});
