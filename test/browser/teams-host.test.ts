import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { serveTab, type TestServer } from '../tab/serve.js';
import { demoBoard } from './board-plan.js';
import { launchChromium } from './chromium.js';
import { fakeTeamsHostPage, type FakeHostOptions } from './fake-teams-host.js';

const APP_ID = '6f1c2b7e-3d4a-4c5b-9e8f-0a1b2c3d4e5f';
const TENANT = '11111111-2222-4333-8444-555555555555';
const HOST = 'prevent-bot.example.org';
let server: TestServer;
let browser: { context: BrowserContext; close(): Promise<void> };
/** Set when chromium could not start: every test then fails with the reason (never a silent skip). */
let missing: unknown;
let tokenFor: (tid: string) => Promise<string>;
const hosts = new Map<string, FakeHostOptions>();
const apiCalls: { partnership: string | null }[] = [];

/** Opens a fake Teams host page framing the tab, and returns the tab's frame. */
async function openInTeams(path: string, options: Omit<FakeHostOptions, 'tabUrl' | 'tenantId'>): Promise<{ page: Page; tab: Frame }> {
  hosts.set(`/host${hosts.size}`, { ...options, tenantId: TENANT, tabUrl: `https://${HOST}${path}` });
  const page = await browser.context.newPage();
  await page.goto(`https://teams.microsoft.com/host${hosts.size - 1}`);
  const tab = page.frame({ url: (u) => u.hostname === HOST });
  if (!tab) throw new Error('the tab frame did not load');
  return { page, tab };
}

beforeAll(async () => {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwks = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' }] });
  tokenFor = (tid) =>
    new SignJWT({ aud: `api://${HOST}/${APP_ID}`, iss: `https://sts.windows.net/${tid}/`, tid, name: 'Sam Lead' })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
  const board = demoBoard('2025-03-10');
  server = await serveTab({
    loadBoard: async (partnership) => (apiCalls.push({ partnership }), board),
    auth: { localMode: false, appId: APP_ID, tenantId: TENANT, host: HOST, jwks },
  });
  try {
    browser = await launchChromium();
  } catch (err) {
    missing = err;
    return;
  }
  await browser.context.route('https://res.cdn.office.net/**', (route) =>
    route.fulfill({ json: { validOrigins: ['teams.microsoft.com'] } }),
  );
  await browser.context.route('https://teams.microsoft.com/**', (route) => {
    const options = hosts.get(new URL(route.request().url()).pathname);
    return options ? route.fulfill({ contentType: 'text/html', body: fakeTeamsHostPage(options) }) : route.abort();
  });
  await browser.context.route(`https://${HOST}/**`, async (route) => {
    const response = await route.fetch({ url: route.request().url().replace(`https://${HOST}`, server.url) });
    await route.fulfill({ response });
  });
});

beforeEach(() => {
  if (missing) throw missing;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the plan board inside a (fake) Teams host', { timeout: 90_000 }, () => {
  it('signs in with the Teams SSO token and shows the board in the Teams theme', async () => {
    const { page, tab } = await openInTeams('/tab', { frameContext: 'content', theme: 'dark', token: await tokenFor(TENANT) });
    await tab.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    expect(await tab.locator('body').getAttribute('data-host')).toBe('teams');
    expect(await tab.getByTestId('signed-in').textContent()).toBe('Signed in as Sam Lead');
    expect(await tab.getByTestId('action').count()).toBe(24);
    expect(await tab.locator('html').getAttribute('data-theme')).toBe('dark');
    expect(await page.evaluate(() => (window as unknown as { hostCalls: string[] }).hostCalls)).toEqual(
      expect.arrayContaining(['initialize', 'getContext', 'authentication.getAuthToken']),
    );
    await page.evaluate(() => (window as unknown as { sendToTab(f: string, a: unknown[]): void }).sendToTab('themeChange', ['contrast']));
    await expect.poll(() => tab.locator('html').getAttribute('data-theme')).toBe('contrast');
    await page.close();
  });

  it('passes the partnership from the tab URL to /api/plan', async () => {
    const { page, tab } = await openInTeams('/tab?partnership=City%20of%20London', {
      frameContext: 'content',
      theme: 'default',
      token: await tokenFor(TENANT),
    });
    await tab.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    expect(apiCalls.at(-1)).toEqual({ partnership: 'City of London' });
    await page.close();
  });

  it('shows the reason when the token comes from another organisation', async () => {
    const { page, tab } = await openInTeams('/tab', {
      frameContext: 'content',
      theme: 'default',
      token: await tokenFor('99999999-8888-4777-8666-555555555555'),
    });
    await tab.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    expect(await tab.getByTestId('action').count()).toBe(0);
    expect(await tab.getByTestId('status').textContent()).toBe('Your organisation is not allowed to use this plan board.');
    await page.close();
  });

  it('the configuration page saves a tab pointing at the board for the partnership typed in', async () => {
    const { page, tab } = await openInTeams('/tab/config', { frameContext: 'settings', theme: 'default', token: '' });
    await expect.poll(() => page.evaluate(() => (window as unknown as { validity: boolean | null }).validity)).toBe(true);
    await tab.getByLabel("Partnership (leave blank for this team's usual partnership)").fill('City of London');
    await page.evaluate(() => (window as unknown as { sendToTab(f: string, a: unknown[]): void }).sendToTab('settings.save', [{}]));
    await expect.poll(() => page.evaluate(() => (window as unknown as { saved?: boolean }).saved)).toBe(true);
    const saved = await page.evaluate(() => (window as unknown as { savedConfig: Record<string, string> }).savedConfig);
    expect(saved).toMatchObject({
      contentUrl: `https://${HOST}/tab?partnership=City+of+London`,
      suggestedDisplayName: 'Plan board',
      entityId: 'plan-board:City of London',
    });
    await page.close();
  });
});
