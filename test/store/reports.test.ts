import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDemoPlanIfEmpty } from '../../bot/demo.js';
import { draftReport } from '../../bot/features/reports/report-service.js';
import type { Rag } from '../../bot/plan/types.js';
import type { Db } from '../../bot/store/client.js';
import { openStore, type OpenStore } from '../../bot/store/database.js';
import type { OutboxInput } from '../../bot/store/outbox.js';
import { saveDraftReport, type SavedReport } from '../../bot/store/reports.js';
import { createTestDatabase } from '../support/database.js';

const P = 'City of London';
let store: OpenStore;
let database: { url: string; drop(): Promise<void> };

beforeEach(async () => {
  database = await createTestDatabase();
  store = await openStore(database.url);
  await loadDemoPlanIfEmpty(store, P, new Date('2026-06-01T09:00:00Z'));
});
afterEach(async () => {
  await store.close();
  await database.drop();
});

async function update(ref: number, rag: Rag, at: string, note: string) {
  const action = (await store.plans.current(P))?.actions.find((a) => a.ref === ref);
  if (!action) throw new Error(`no action ${ref}`);
  const outcome = await store.actions.applyUpdate({
    actionId: action.id,
    expectedVersion: action.version,
    rag,
    note,
    progress: null,
    actor: { name: 'Ali Burlington', chatId: '29:ali' },
    source: 'card',
    idempotencyKey: `${ref}-${at}`,
    at: new Date(at),
  });
  expect(outcome.status).toBe('applied');
}

const draft = (at: string, since?: string) =>
  draftReport(store, {
    partnership: P,
    meetingDate: '2026-12-04',
    since,
    counts: { channelReferrals: 0 },
    createdBy: '29:ali',
    at: new Date(at),
  });

describe('saved board reports', () => {
  it('saves each draft as the next version, with the header from the partnership settings and the stored history', async () => {
    await store.reports.saveSettings(P, { committee: 'Safer City Partnership', author: 'Community Safety Officer' });
    await update(18, 'AMBER', '2026-09-15T09:30:00Z', 'Met three faith leaders.');
    const first = await draft('2026-11-25T12:00:00Z', '2026-09-01');
    const second = await draft('2026-11-26T12:00:00Z', '2026-09-01');
    expect([first.version, second.version]).toEqual([1, 2]);
    expect(first.report.header).toMatchObject({
      committee: 'Safer City Partnership',
      author: 'Community Safety Officer',
      meetingDate: '2026-12-04',
    });
    expect(first.report.movements.map((m) => [m.ref, m.direction, m.note])).toEqual([[18, 'improved', 'Met three faith leaders.']]);
    expect((await store.reports.list(P)).map((r) => [r.version, r.status])).toEqual([
      [2, 'draft'],
      [1, 'draft'],
    ]);
  });

  it('approves a draft once; the approved report cannot be changed, and the next draft starts where it ended', async () => {
    const first = await draft('2026-11-25T12:00:00Z', '2026-09-01');
    const by = { chatId: '29:ali', name: 'Ali Burlington' };
    const approved = await store.reports.approve({ partnership: P, id: first.id, by, at: new Date('2026-11-26T09:00:00Z') });
    expect(approved.status).toBe('approved');
    const again = await store.reports.approve({ partnership: P, id: first.id, by, at: new Date('2026-11-27T09:00:00Z') });
    expect(again).toMatchObject({ status: 'already approved', report: { approved: { at: '2026-11-26T09:00:00.000Z' } } });
    // the database itself refuses (SQLite reports the trigger's abort as a constraint failure)
    await expect(store.db.boardReport.update({ where: { id: first.id }, data: { content: '{}' } })).rejects.toThrow();
    const stored = await store.db.boardReport.findUnique({ where: { id: first.id } });
    expect(JSON.parse(stored?.content ?? '{}').summary).toBe(first.report.summary);
    expect((await store.reports.list(P, { approvedOnly: true })).map((r) => r.id)).toEqual([first.id]);
    await update(8, 'RED', '2026-12-10T10:00:00Z', 'Lead left.');
    const next = await draft('2027-02-20T12:00:00Z');
    expect(next.report.period).toEqual({ from: '2026-11-25', to: '2027-02-20' });
    expect(next.report.movements.map((m) => m.ref)).toEqual([8]);
  });

  it('refuses a draft whose typed text looks like a Channel case, and saves nothing', async () => {
    await expect(
      draftReport(store, {
        partnership: P,
        meetingDate: '2026-12-04',
        counts: {},
        typed: 'draft the report, case CH-2026-014',
        createdBy: '29:ali',
        at: new Date('2026-11-25T12:00:00Z'),
      }),
    ).rejects.toMatchObject({ code: 'PERSONAL_DATA_REFUSED' });
    expect(await store.reports.list(P)).toEqual([]);
  });
});

describe('a draft and the file offer it queues', () => {
  const offerTo = (saved: SavedReport, fileBytes: number): OutboxInput[] => [
    {
      key: `report-offer:${saved.id}:chat:29:ali`,
      partnership: P,
      kind: 'notice',
      conversationId: 'a:personal-ali',
      recipient: 'Ali Burlington',
      reply: { text: `Board report ${saved.version} as a Word file (${fileBytes} bytes)` },
    },
  ];
  const request = { partnership: P, meetingDate: '2026-12-04', counts: {}, createdBy: '29:ali', at: new Date('2026-11-25T12:00:00Z') };

  it('are saved together', async () => {
    const saved = await draftReport(store, { ...request, requestKey: 'together', announce: offerTo });
    expect(await store.outbox.list({ keyPrefix: 'report-offer:' })).toEqual([
      expect.objectContaining({ key: `report-offer:${saved.id}:chat:29:ali`, status: 'pending', recipient: 'Ali Burlington' }),
    ]);
  });

  it('neither is saved when the offer cannot be queued (the database failed mid-transaction)', async () => {
    const failing = store.db.$extends({
      query: {
        outboxMessage: {
          createMany: () => Promise.reject(new Error('Connection terminated unexpectedly')),
        },
      },
    }) as unknown as Db;
    const broken = {
      ...store,
      reports: { ...store.reports, saveDraft: (input: Parameters<typeof saveDraftReport>[1]) => saveDraftReport(failing, input) },
    };
    await expect(draftReport(broken, { ...request, requestKey: 'neither', announce: offerTo })).rejects.toThrow(/Connection terminated/);
    expect(await store.reports.byRequest('neither')).toBeNull();
    expect(await store.db.boardReport.count()).toBe(0);
    expect(await store.outbox.list({ keyPrefix: 'report-offer:' })).toEqual([]);
    // the same request again, once the database is back, saves both
    const saved = await draftReport(store, { ...request, requestKey: 'neither', announce: offerTo });
    expect(saved.version).toBe(1);
    expect(await store.outbox.list({ keyPrefix: 'report-offer:' })).toHaveLength(1);
  });
});

describe('toolkit tags', () => {
  it('suggests sections from the words, and a coordinator’s change sticks (even clearing them all)', async () => {
    const plan = await store.plans.current(P);
    const id = (ref: number) => plan?.actions.find((a) => a.ref === ref)?.id ?? -1;
    const before = await store.toolkit.tags(P);
    expect(before[id(14)]).toEqual(['referral-pathway', 'channel-panel']);
    await store.toolkit.setTag({ partnership: P, ref: 14, section: 'referral-pathway', on: false });
    await store.toolkit.setTag({ partnership: P, ref: 21, section: 'referral-pathway', on: true });
    const after = await store.toolkit.tags(P);
    expect(after[id(14)]).toEqual(['channel-panel']);
    expect(after[id(21)]).toEqual(['referral-pathway']);
    await store.toolkit.setTag({ partnership: P, ref: 21, section: 'referral-pathway', on: false });
    expect((await store.toolkit.tags(P))[id(21)]).toEqual([]);
  });
});
