import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftReport } from '../../bot/features/reports/report-service.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { grantRole } from '../../bot/store/people.js';
import { reportRoutes } from '../../bot/tab/reports-api.js';
import { tabReportsSource } from '../../bot/tab/reports-source.js';
import { asPerson } from '../support/activities.js';
import express from 'express';

let bot: TestBot;
let id = 0;
beforeAll(async () => {
  bot = await startTestBot({ now: '2026-11-25T12:00:00Z' });
  const saved = await draftReport(bot.store, {
    partnership: 'City of London',
    meetingDate: '2026-12-04',
    since: '2026-09-01',
    counts: { trainingSessions: 4 },
    createdBy: '29:ali',
    at: new Date('2026-11-25T12:00:00Z'),
  });
  id = saved.id;
});
afterAll(() => bot.close());

describe('board reports from the tab', () => {
  it('lists the partnership’s reports and downloads the Word file exactly as drafted', async () => {
    const list = await fetch(`${bot.url}/api/reports?partnership=City%20of%20London`);
    expect(list.status).toBe(200);
    expect(await list.json()).toEqual([
      {
        id,
        version: 1,
        committee: 'Community Safety Partnership',
        meetingDate: '2026-12-04',
        periodFrom: '2026-09-01',
        periodTo: '2026-11-25',
        status: 'draft',
        download: `/api/reports/${id}/docx`,
      },
    ]);
    const file = await fetch(`${bot.url}/api/reports/${id}/docx`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(file.headers.get('content-disposition')).toContain('Prevent-Update-2026-12-04-v1.docx');
    const body = Buffer.from(await file.arrayBuffer());
    expect(body.equals((await bot.store.reports.file('City of London', id)) ?? Buffer.alloc(0))).toBe(true);
    expect((await mammoth.extractRawText({ buffer: body })).value).toContain('4 training sessions delivered');
  });

  it('answers 404 for a report that does not exist or belongs to another partnership', async () => {
    expect((await fetch(`${bot.url}/api/reports/999/docx`)).status).toBe(404);
    expect((await fetch(`${bot.url}/api/reports/abc/docx`)).status).toBe(404);
    expect((await fetch(`${bot.url}/api/reports/${id}/docx?partnership=Riverside`)).status).toBe(404);
  });
});

describe('who sees a draft', () => {
  const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
  const coordinator = { id: '29:coord', name: 'Casey Coordinator', aadObjectId: 'aad-coord' };
  const member = { id: '29:member', name: 'Morgan Member', aadObjectId: 'aad-member' };

  it('only a coordinator of the partnership (or the operator in local mode) may see drafts', async () => {
    await grantRole(bot.store.db, { partnership: 'City of London', person: asPerson(coordinator), role: 'coordinator' });
    await grantRole(bot.store.db, { partnership: 'City of London', person: asPerson(member), role: 'member' });
    const source = tabReportsSource(bot.services);
    expect(await source.seesDrafts('City of London', { tenantId: TENANT, objectId: 'aad-coord' })).toBe(true);
    expect(await source.seesDrafts('City of London', { tenantId: TENANT, objectId: 'aad-member' })).toBe(false);
    expect(await source.seesDrafts('City of London', { tenantId: TENANT, objectId: 'aad-stranger' })).toBe(false);
    expect(await source.seesDrafts('City of London', { tenantId: TENANT, objectId: null })).toBe(false);
    expect(await source.seesDrafts('City of London', null)).toBe(true);
  });

  it('a partner who is not a coordinator sees approved reports only, and cannot download a draft', async () => {
    // the routes with the signed-in caller set as the token check would set it
    const real = tabReportsSource(bot.services);
    const app = express();
    app.use((req, res, next) => {
      res.locals.claims = { tid: TENANT, oid: req.get('x-test-oid') };
      next();
    });
    app.use(reportRoutes({ ...real, partnershipOf: async () => 'City of London' }, { localMode: true, host: '127.0.0.1' }));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const url = `http://127.0.0.1:${(server.address() as import('node:net').AddressInfo).port}`;
    try {
      const as = (oid: string, path: string) => fetch(`${url}${path}`, { headers: { 'x-test-oid': oid } });
      expect(((await (await as('aad-member', '/api/reports')).json()) as unknown[]).length).toBe(0);
      expect((await as('aad-member', `/api/reports/${id}/docx`)).status).toBe(404);
      expect(((await (await as('aad-coord', '/api/reports')).json()) as { id: number }[]).map((r) => r.id)).toEqual([id]);
      expect((await as('aad-coord', `/api/reports/${id}/docx`)).status).toBe(200);
      await bot.store.reports.approve({
        partnership: 'City of London',
        id,
        by: { chatId: '29:coord', name: 'Casey Coordinator' },
        at: new Date(),
      });
      expect(((await (await as('aad-member', '/api/reports')).json()) as { status: string }[]).map((r) => r.status)).toEqual(['approved']);
      expect((await as('aad-member', `/api/reports/${id}/docx`)).status).toBe(200);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
