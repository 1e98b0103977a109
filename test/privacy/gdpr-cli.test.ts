import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../bot/cli/index.js';
import { exportCsv } from '../../bot/plan/export.js';
import { grantRole } from '../../bot/store/people.js';
import { loadPlanView } from '../../bot/store/plans.js';
import { purgeExpired } from '../../bot/store/retention.js';
import { applyUpdate } from '../../bot/store/updates.js';
import { muteReminders } from '../../bot/store/mutes.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { parse } from 'csv-parse/sync';

let bot: TestBot;
const PARTNERSHIP = 'City of London';
const EMAIL = 'ali.burlington@cityoflondon.example';

beforeEach(async () => {
  bot = await startTestBot();
});
afterEach(async () => {
  await bot.close();
});

async function cli(...argv: string[]) {
  const out: string[] = [];
  const code = await runCli(
    argv,
    { DATABASE_URL: bot.config.DATABASE_URL },
    (t) => void out.push(t),
    (t) => void out.push(t),
  );
  return { code, out: out.join('\n') };
}

/** Ali's note on the action with this ref (its RAG as it is unless given), from a card; the action as it was. */
async function aliNotes(ref: number, update: { rag?: 'AMBER'; note: string; key: string; at: Date }) {
  const action = (await loadPlanView(bot.store.db, PARTNERSHIP))?.actions.find((a) => a.ref === ref);
  if (!action) throw new Error(`no action ${ref}`);
  await applyUpdate(bot.store.db, {
    actionId: action.id,
    expectedVersion: action.version,
    rag: update.rag ?? action.rag,
    note: update.note,
    progress: null,
    actor: { name: 'Ali Burlington', chatId: '29:ali' },
    source: 'card',
    idempotencyKey: update.key,
    at: update.at,
  });
  return action;
}

/** Ali: a lead with a chat id, an email, a note in the history, a conversation in progress, a pause and a personal chat. */
async function seedAli() {
  const person = await grantRole(bot.store.db, {
    partnership: PARTNERSHIP,
    person: { chatId: '29:ali', displayName: 'Ali Burlington', aadObjectId: null },
    role: 'lead',
    organisation: 'CST',
  });
  await bot.store.db.person.update({ where: { id: person.id }, data: { email: EMAIL } });
  await bot.store.db.auditEntry.deleteMany({ where: { action: { not: 'role.grant' } } });
  const a18 = await aliNotes(18, { rag: 'AMBER', note: 'Faith forum held.', key: 'seed-1', at: new Date('2026-11-20T10:00:00Z') });
  await muteReminders(bot.store.db, { personId: person.id, actionId: a18.id, until: '2027-01-01' });
  const partnershipId = (await bot.store.db.partnership.findUniqueOrThrow({ where: { name: PARTNERSHIP } })).id;
  await bot.store.db.dialogState.create({
    data: {
      partnershipId,
      conversationId: 'a:personal-29:ali',
      userChatId: '29:ali',
      kind: 'update',
      state: '{"step":"note"}',
      updatedAt: new Date(),
      expiresAt: new Date(Date.now() + 60_000),
    },
  });
  await bot.store.db.conversationRef.create({
    data: {
      partnershipId,
      conversationId: 'a:personal-29:ali',
      kind: 'personal',
      reference: '{}',
      serviceUrl: 'http://x',
      userChatId: '29:ali',
    },
  });
  return { person, a18 };
}

describe('person export and erase (UK GDPR)', () => {
  it('export prints everything held about the person, and is audited', async () => {
    const { person } = await seedAli();
    const { code, out } = await cli('person', 'export', EMAIL.toUpperCase());
    expect(code).toBe(0);
    const [held] = JSON.parse(out);
    expect(held.partnership).toBe(PARTNERSHIP);
    expect(held.person).toMatchObject({
      id: person.id,
      chatId: '29:ali',
      displayName: 'Ali Burlington',
      email: EMAIL,
      role: 'lead',
      organisation: 'CoLC Community Safety Team',
    });
    expect(held.person.digest).toEqual({ enabled: true, day: 1, time: '09:00' });
    expect(held.historyWritten).toEqual([
      expect.objectContaining({ action: 18, ragFrom: 'RED', ragTo: 'AMBER', note: 'Faith forum held.' }),
    ]);
    expect(held.dialogs).toHaveLength(1);
    expect(held.personalChats).toHaveLength(1);
    expect(held.reminderPauses).toEqual([{ action: 18, until: '2027-01-01' }]);
    expect(held.auditEntries).toEqual([expect.objectContaining({ action: 'role.grant' })]);
    const audit = await bot.store.db.auditEntry.findMany({ where: { action: 'person.export' } });
    expect(audit).toEqual([expect.objectContaining({ action: 'person.export', subject: `person ${person.id}` })]);
    expect(JSON.stringify(audit)).not.toContain(EMAIL);
  });

  it('erase pseudonymises the history (the RAG trail stays), deletes the rest in one go, and is audited', async () => {
    const { person, a18 } = await seedAli();
    const { code, out } = await cli('person', 'erase', EMAIL);
    expect(code).toBe(0);
    expect(out).toContain(`now say "former member ${person.id}"`);
    const history = await bot.store.db.actionUpdate.findMany({ where: { actionId: a18.id }, orderBy: { id: 'asc' } });
    expect(history.map((h) => [h.actorName, h.actorChatId, h.ragFrom, h.ragTo, h.note])).toEqual([
      ['Demo plan (first start)', null, 'UNRATED', 'RED', 'Imported from demo-plan.md'],
      [`former member ${person.id}`, null, 'RED', 'AMBER', 'Faith forum held.'],
    ]);
    expect(await bot.store.db.person.count({ where: { id: person.id } })).toBe(0);
    expect(await bot.store.db.reminderMute.count()).toBe(0);
    expect(await bot.store.db.dialogState.count()).toBe(0);
    expect(await bot.store.db.conversationRef.count({ where: { userChatId: '29:ali' } })).toBe(0);
    const everything = JSON.stringify([
      await bot.store.db.actionUpdate.findMany(),
      await bot.store.db.person.findMany(),
      await bot.store.db.auditEntry.findMany(),
    ]);
    expect(everything).not.toContain('Ali Burlington');
    expect(everything).not.toContain('29:ali');
    expect(everything).not.toContain(EMAIL);
    expect(await bot.store.db.auditEntry.findMany({ orderBy: { id: 'asc' } })).toEqual([
      expect.objectContaining({ action: 'role.grant', subject: `former member ${person.id}` }),
      expect.objectContaining({ action: 'person.erase', subject: `person ${person.id}` }),
    ]);
    expect((await cli('person', 'export', EMAIL)).code).toBe(1);
  });

  it('erase reaches the running bot’s cached plan: who last updated an action no longer names them', async () => {
    const { person } = await seedAli();
    const a19 = await aliNotes(19, { note: 'Training booked.', key: 'seed-2', at: new Date(Date.now() + 60_000) });
    // the running bot has the plan cached, with Ali as who last updated action 19
    const cached = await loadPlanView(bot.store.db, PARTNERSHIP);
    expect(cached?.actions.find((a) => a.id === a19.id)?.lastUpdate).toMatchObject({ by: 'Ali Burlington', note: 'Training booked.' });
    // the erasure runs in another process (the CLI, its own store): the bot's next look at the plan no longer names Ali
    expect((await cli('person', 'erase', EMAIL)).code).toBe(0);
    const after = await loadPlanView(bot.store.db, PARTNERSHIP);
    expect(after?.actions.find((a) => a.id === a19.id)?.lastUpdate).toMatchObject({
      by: `former member ${person.id}`,
      note: 'Training booked.',
    });
    expect(JSON.stringify(after)).not.toContain('Ali Burlington');
  });

  it('erase clears the actions they own by name and the owner changes that named them; export lists what they own', async () => {
    const { person, a18 } = await seedAli();
    const named = { id: person.id, name: 'Ali Burlington' };
    await applyUpdate(bot.store.db, {
      actionId: a18.id,
      expectedVersion: a18.version + 1,
      rag: 'AMBER',
      note: 'Named owner Ali Burlington (was nobody)',
      progress: null,
      actor: { name: 'Cora Hale', chatId: '29:cora', personId: null },
      source: 'chat',
      idempotencyKey: 'owner-1',
      at: new Date('2026-11-21T10:00:00Z'),
      edit: { ownerId: person.id, changes: [{ field: 'owner', from: null, to: named }] },
    });
    expect((await loadPlanView(bot.store.db, PARTNERSHIP))?.actions.find((a) => a.ref === 18)?.owner).toEqual(named);
    const exported = await cli('person', 'export', EMAIL);
    expect(exported.out).toContain('"actionsOwned"');
    expect(exported.out).toContain('Engage with and support faith groups');
    expect((await cli('person', 'erase', EMAIL)).code).toBe(0);
    const after = (await loadPlanView(bot.store.db, PARTNERSHIP))?.actions.find((a) => a.ref === 18);
    expect(after?.owner).toBeUndefined();
    expect(after?.version).toBe(a18.version + 3);
    const entry = await bot.store.db.actionUpdate.findUniqueOrThrow({ where: { idempotencyKey: 'owner-1' } });
    expect(entry.note).toBe(`Named owner former member ${person.id} (was nobody)`);
    expect(JSON.parse(entry.changes)).toEqual([{ field: 'owner', from: null, to: { id: person.id, name: `former member ${person.id}` } }]);
    expect(JSON.stringify(await bot.store.db.actionUpdate.findMany())).not.toContain('Ali Burlington');
  });

  it('an unknown email or a bad command changes nothing', async () => {
    expect((await cli('person', 'erase', 'nobody@example.org')).out).toContain('nothing was erased');
    expect((await cli('person', 'forget', EMAIL)).code).toBe(2);
    expect(await bot.store.db.auditEntry.count()).toBe(0);
  });

  it('role changes from the CLI are in the audit trail (recorded by the identity store)', async () => {
    await cli('role', 'grant', EMAIL, 'coordinator');
    expect(await bot.store.db.auditEntry.count({ where: { action: { startsWith: 'role.' } } })).toBeGreaterThan(0);
  });
});

describe('retention', () => {
  it('purges conversations, job runs, stopped-note counts and audit entries past their periods, and keeps the rest', async () => {
    const now = new Date('2026-11-28T03:30:00Z');
    const days = (n: number) => new Date(now.getTime() - n * 86_400_000);
    const partnershipId = (await bot.store.db.partnership.findUniqueOrThrow({ where: { name: PARTNERSHIP } })).id;
    const dialog = (n: number, who: string) => ({
      partnershipId,
      conversationId: `c-${who}`,
      userChatId: who,
      kind: 'update',
      state: '{}',
      updatedAt: days(n),
      expiresAt: days(n),
    });
    await bot.store.db.dialogState.createMany({ data: [dialog(31, 'old'), dialog(29, 'recent')] });
    await bot.store.db.jobRun.createMany({
      data: [
        { jobKey: 'j', occurrence: 'old', claimedBy: 'a', claimedAt: days(91), status: 'done' },
        { jobKey: 'j', occurrence: 'recent', claimedBy: 'a', claimedAt: days(89), status: 'done' },
      ],
    });
    await bot.store.db.stoppedNoteCount.createMany({
      data: [
        { partnershipId, day: '2025-11-27', count: 3 },
        { partnershipId, day: '2025-11-29', count: 1 },
      ],
    });
    await bot.store.db.auditEntry.createMany({
      data: [
        { partnershipId, at: days(731), actorLabel: 'cli', action: 'person.export', subject: 'person 1' },
        { partnershipId, at: days(729), actorLabel: 'cli', action: 'person.export', subject: 'person 2' },
      ],
    });
    const purged = await purgeExpired(bot.store.db, now, { dialogDays: 30, jobRunDays: 90, stoppedCountDays: 365, auditDays: 730 });
    expect(purged).toEqual({ dialogs: 1, jobRuns: 1, stoppedCounts: 1, auditEntries: 1 });
    expect((await bot.store.db.dialogState.findMany()).map((d) => d.userChatId)).toEqual(['recent']);
    expect((await bot.store.db.jobRun.findMany()).map((j) => j.occurrence)).toEqual(['recent']);
    expect((await bot.store.db.stoppedNoteCount.findMany()).map((s) => s.day)).toEqual(['2025-11-29']);
    expect((await bot.store.db.auditEntry.findMany()).map((a) => a.subject)).toEqual(['person 2']);
  });

  it('runs nightly as a scheduled job with the configured periods', async () => {
    const { tickAt } = await import('../jobs/support.js');
    const partnershipId = (await bot.store.db.partnership.findUniqueOrThrow({ where: { name: PARTNERSHIP } })).id;
    await bot.store.db.auditEntry.create({
      data: { partnershipId, at: new Date('2024-01-01T00:00:00Z'), actorLabel: 'cli', action: 'person.export', subject: 'person 1' },
    });
    const reports = await tickAt(bot, '2026-11-28T03:30:30Z');
    expect(JSON.stringify(reports.filter((r) => r.job === 'retention'))).toContain('1 audit entries');
    expect(await bot.store.db.auditEntry.count()).toBe(0);
  });
});

describe('exports and imports', () => {
  it('CSV cells that a spreadsheet would run as formulas are neutralised', async () => {
    const plan = await loadPlanView(bot.store.db, PARTNERSHIP);
    if (!plan) throw new Error('no plan');
    const evil = ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '\tTabbed', '\rReturn'];
    const actions = plan.actions.slice(0, evil.length).map((a, i) => ({ ...a, notes: evil[i] ?? '' }));
    const rows: string[][] = parse(exportCsv({ ...plan, actions }));
    const notes = rows.slice(1, evil.length + 1).map((r) => r[6]);
    expect(notes).toEqual(evil.map((e) => `'${e}`));
  });

  it('an import whose notes hold personal data is refused and nothing is saved', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'privacy-import-'));
    const file = path.join(dir, 'plan.csv');
    writeFileSync(
      file,
      'No.,Key Actions,Deadline,Notes,RAG rating\n1,Train staff,March 2027,"Met the mother of the pupil, 07700 900123",AMBER\n',
    );
    const before = await bot.store.db.action.count();
    const { code, out } = await cli('import', file, '--partnership', 'Riverside');
    expect(code).toBe(1);
    expect(out).toContain('Nothing was imported');
    expect(out).toContain('action 1, notes: a phone number and someone’s family relationship');
    expect(out).not.toContain('07700');
    expect(await bot.store.db.action.count()).toBe(before);
  });
});
