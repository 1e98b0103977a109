import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftReport } from '../../bot/features/reports/report-service.js';
import { startTestBot, type TestBot } from '../support/bot.js';

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
