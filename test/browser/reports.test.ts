import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TabReport } from '../../bot/tab/reports-api.js';
import { serveTab, type TestServer } from '../tab/serve.js';
import { demoBoard } from './board-plan.js';
import { launchChromium } from './chromium.js';

const FILE = Buffer.from('PK fake docx bytes for the download test');
const REPORTS: TabReport[] = [
  {
    id: 7,
    version: 2,
    committee: 'Safer City Partnership',
    meetingDate: '2026-12-04',
    periodFrom: '2026-09-01',
    periodTo: '2026-11-25',
    status: 'approved',
  },
];
let server: TestServer;
let browser: { context: BrowserContext; close(): Promise<void> };
let missing: unknown;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  server = await serveTab({
    loadBoard: async () => demoBoard('2026-11-25'),
    auth: { localMode: true, host: '127.0.0.1' },
    reports: {
      partnershipOf: async (_signedIn, wanted) => wanted ?? 'City of London',
      seesDrafts: async () => true,
      list: async (partnership) => (partnership === 'City of London' ? REPORTS : []),
      file: async (partnership, id) => (partnership === 'City of London' && id === 7 ? FILE : null),
    },
  });
  try {
    browser = await launchChromium();
  } catch (err) {
    missing = err;
    return;
  }
  page = await browser.context.newPage();
  await page.route('https://res.cdn.office.net/**', (route) => route.fulfill({ json: { validOrigins: ['teams.microsoft.com'] } }));
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
});

beforeEach(() => {
  if (missing) throw missing;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('board reports in the tab', { timeout: 90_000 }, () => {
  it('lists the reports and downloads the Word file', async () => {
    await page.goto(`${server.url}/tab`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    expect(await page.getByTestId('reports').textContent()).toContain(
      'Approved 2: Safer City Partnership, 4 December 2026 (1 September 2026 to 25 November 2026)',
    );
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-report-2').click()]);
    expect(download.suggestedFilename()).toBe('Prevent-Update-2026-12-04-v2.docx');
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(Buffer.from(chunk));
    expect(Buffer.concat(chunks).equals(FILE)).toBe(true);
    expect(problems).toEqual([]);
  });

  it('says when there are no reports yet', async () => {
    await page.goto(`${server.url}/tab?partnership=Riverside`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    expect(await page.getByTestId('reports').textContent()).toContain('No board reports yet.');
  });
});
