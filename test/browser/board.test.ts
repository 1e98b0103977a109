import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { serveTab, type TestServer } from '../tab/serve.js';
import type { BoardData } from '../../bot/tab/board-data.js';
import { demoBoard } from './board-plan.js';
import { launchChromium } from './chromium.js';

const TODAY = '2025-03-10';
let server: TestServer;
let browser: { context: BrowserContext; close(): Promise<void> };
/** Set when chromium could not start: every test then fails with the reason (never a silent skip). */
let missing: unknown;
let page: Page;
let board: BoardData;
const problems: string[] = [];

async function openBoard(query = ''): Promise<void> {
  await page.goto(`${server.url}/tab${query}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
}

const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

beforeAll(async () => {
  board = demoBoard(TODAY);
  server = await serveTab({ loadBoard: async () => board, auth: { localMode: true, host: '127.0.0.1' } });
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

describe('the plan board in a browser', { timeout: 90_000 }, () => {
  it("shows the demo plan's title, the counts in words and numbers, and all 24 actions", async () => {
    await openBoard();
    expect(await page.getByTestId('plan-title').textContent()).toBe(board.planTitle);
    expect(await page.getByTestId('action').count()).toBe(24);
    expect(await page.getByTestId('count-AMBER').textContent()).toBe('AMBER 12');
    expect(await page.getByTestId('count-GREEN').textContent()).toBe('GREEN 8');
    expect(await page.getByTestId('count-RED').textContent()).toBe('RED 2');
    expect(await page.getByTestId('count-COMPLETE').textContent()).toBe('COMPLETE 2');
    expect(await page.getByTestId('showing').textContent()).toBe('Showing 24 of 24 actions.');
    expect(await page.locator('body').getAttribute('data-host')).toBe('browser');
  });

  it('writes every RAG badge in words', async () => {
    const badges = await page.getByTestId('rag-badge').allInnerTexts();
    expect(badges).toHaveLength(24);
    expect(new Set(badges)).toEqual(new Set(['GREEN', 'AMBER', 'RED', 'COMPLETE']));
  });

  it('filters by RAG rating: AMBER shows 12 actions', async () => {
    await page.getByLabel('RAG rating', { exact: true }).selectOption('AMBER');
    expect(await page.getByTestId('action').count()).toBe(12);
    expect(new Set(await page.getByTestId('rag-badge').allInnerTexts())).toEqual(new Set(['AMBER']));
    expect(await page.getByTestId('showing').textContent()).toBe('Showing 12 of 24 actions.');
  });

  it('combines the theme and lead filters, and clears them', async () => {
    await page.getByLabel('RAG rating', { exact: true }).selectOption('');
    await page.getByLabel('Theme', { exact: true }).selectOption('Training and engagement');
    await page.getByLabel('Lead', { exact: true }).selectOption('All stakeholders');
    const refs = await page.getByTestId('action').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-ref'))));
    const expected = board.actions
      .filter((a) => a.theme === 'Training and engagement' && a.leads.includes('All stakeholders'))
      .map((a) => a.ref);
    expect(expected.length).toBeGreaterThan(0);
    expect(refs).toEqual(expected);
    await page.getByTestId('filter-clear').click();
    await expect.poll(() => page.getByTestId('action').count()).toBe(24);
  });

  it('draws the chart with a text legend and a table of the same figures', async () => {
    expect(await page.getByTestId('chart-svg').count()).toBe(1);
    expect(await page.getByTestId('chart-legend').textContent()).toMatch(/AMBER: dashed line, squares/);
    expect(board.timeline.map((p) => p.date)).toEqual(['2024-11-01', '2025-01-10', '2025-02-01', TODAY]);
    expect(await page.locator('[data-testid="chart-table"] tbody tr').count()).toBe(4);
    expect(await page.locator('#chart-desc').textContent()).toMatch(/Now: RED 2, AMBER 12, GREEN 8, COMPLETE 2/);
  });

  it('switches to the dark theme when asked, as the Teams theme handler does', async () => {
    const before = await background();
    await page.evaluate(() => (window as unknown as { __setTheme(name: string): void }).__setTheme('dark'));
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    expect(await background()).not.toBe(before);
    expect(await background()).toBe('rgb(31, 31, 31)');
    mkdirSync('test-artifacts', { recursive: true });
    await page.screenshot({ path: 'test-artifacts/board-dark.png' });
  });

  it('takes ?theme=contrast from the URL and uses system colours', async () => {
    await openBoard('?theme=contrast');
    expect(await page.locator('html').getAttribute('data-theme')).toBe('contrast');
    const badge = page.getByTestId('rag-badge').first();
    const [bg, fg] = await badge.evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]);
    expect(bg).not.toBe(fg);
  });

  it('is usable from the keyboard: Tab reaches every filter with a visible focus ring', async () => {
    await openBoard();
    const reached: string[] = [];
    for (let i = 0; i < 12 && !reached.includes('filter-clear'); i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return { id: el?.dataset.testid ?? el?.id ?? '', outline: el ? getComputedStyle(el).outlineStyle : 'none' };
      });
      if (focused.id) reached.push(focused.id);
      if (focused.id.startsWith('filter-')) expect(focused.outline, focused.id).not.toBe('none');
    }
    expect(reached).toEqual(expect.arrayContaining(['filter-theme', 'filter-lead', 'filter-rag', 'filter-clear']));
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getByTestId('showing').textContent()).not.toBe('Showing 24 of 24 actions.');
  });

  it('saves a screenshot to test-artifacts/board.png and logged no errors', async () => {
    await openBoard();
    mkdirSync('test-artifacts', { recursive: true });
    await page.screenshot({ path: 'test-artifacts/board.png', fullPage: true });
    expect(problems).toEqual([]);
  });

  it('the channel tab configuration page explains itself outside Teams', async () => {
    await page.goto(`${server.url}/tab/config`);
    await expect.poll(() => page.getByTestId('status').textContent(), { timeout: 5000 }).toMatch(/inside Microsoft Teams/);
  });
});
