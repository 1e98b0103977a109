import { exportJWK, generateKeyPair, SignJWT, createLocalJWKSet, type JWTVerifyGetKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../bot/errors.js';
import { buildBoardData, type BoardData } from '../../bot/tab/board-data.js';
import { createTabRouter, type TabDeps } from '../../bot/tab/router.js';
import { makeAction, makePlan } from '../factories/demo-plan.js';
import { serveTab, type TestServer } from './serve.js';

const APP_ID = '6f1c2b7e-3d4a-4c5b-9e8f-0a1b2c3d4e5f';
const TENANT = '11111111-2222-4333-8444-555555555555';
const OTHER_TENANT = '99999999-8888-4777-8666-555555555555';
const HOST = 'prevent-bot.example.org';
const board: BoardData = buildBoardData(makePlan([makeAction({ ref: 1, rag: 'RED' }), makeAction({ ref: 2 })]), [], '2025-03-10');

let jwks: JWTVerifyGetKey;
let sign: (claims: Record<string, unknown>, options?: { expiresIn?: string; key?: 'other' }) => Promise<string>;
const asked: (string | null)[] = [];

async function loadBoard(partnership: string | null): Promise<BoardData> {
  asked.push(partnership);
  if (partnership === 'Nowhere') throw new AppError('NOT_FOUND', 'There is no partnership called Nowhere.');
  if (partnership === 'Broken') throw new Error('database down');
  return board;
}

function deps(auth: Partial<TabDeps['auth']> = {}): TabDeps {
  return { loadBoard, auth: { localMode: false, appId: APP_ID, tenantId: TENANT, host: HOST, jwks, ...auth } };
}

beforeAll(async () => {
  const ours = await generateKeyPair('RS256');
  const theirs = await generateKeyPair('RS256');
  jwks = createLocalJWKSet({ keys: [{ ...(await exportJWK(ours.publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' }] });
  sign = (claims, options = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
      .setIssuedAt()
      .setExpirationTime(options.expiresIn ?? '1h')
      .sign(options.key === 'other' ? theirs.privateKey : ours.privateKey);
});

const v1 = (tid: string) => ({ aud: `api://${HOST}/${APP_ID}`, iss: `https://sts.windows.net/${tid}/`, tid, name: 'Sam Lead' });

describe('GET /api/plan with Teams sign-in configured', () => {
  let server: TestServer;
  beforeAll(async () => (server = await serveTab(deps())));
  afterAll(() => server.close());

  const get = (token?: string, query = '') =>
    fetch(`${server.url}/api/plan${query}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });

  it('refuses a request without a token with 401 and a JSON error', async () => {
    const res = await get();
    expect(res.status).toBe(401);
    expect((await res.json()).error).toMatch(/Sign-in required/);
  });

  it('refuses a token that is not a JWT', async () => {
    expect((await get('not-a-token')).status).toBe(401);
  });

  it('refuses a token from another tenant', async () => {
    const res = await get(await sign(v1(OTHER_TENANT)));
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'Your organisation is not allowed to use this plan board.' });
    const v2 = await sign({ ...v1(OTHER_TENANT), iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` });
    expect((await get(v2)).status).toBe(401);
  });

  it('refuses a token whose tid does not match its issuer', async () => {
    expect((await get(await sign({ ...v1(TENANT), tid: OTHER_TENANT }))).status).toBe(401);
  });

  it('refuses a token for another audience', async () => {
    expect((await get(await sign({ ...v1(TENANT), aud: 'api://elsewhere.example.org/someone-else' }))).status).toBe(401);
  });

  it('refuses an expired token and one signed by another key', async () => {
    expect((await get(await sign(v1(TENANT), { expiresIn: '-10m' }))).status).toBe(401);
    expect((await get(await sign(v1(TENANT), { key: 'other' }))).status).toBe(401);
  });

  it('accepts a v1 token for api://host/appId from the right tenant', async () => {
    const res = await get(await sign(v1(TENANT)));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual(board);
  });

  it('accepts a v2 token whose audience is the app id', async () => {
    const token = await sign({ aud: APP_ID, iss: `https://login.microsoftonline.com/${TENANT}/v2.0`, tid: TENANT });
    expect((await get(token)).status).toBe(200);
  });

  it('passes the partnership asked for, and answers 404 and 500 with JSON errors', async () => {
    const token = await sign(v1(TENANT));
    await get(token, '?partnership=City%20of%20London');
    expect(asked.at(-1)).toBe('City of London');
    const missing = await get(token, '?partnership=Nowhere');
    expect(missing.status).toBe(404);
    expect((await missing.json()).error).toBe('There is no partnership called Nowhere.');
    const broken = await get(token, '?partnership=Broken');
    expect(broken.status).toBe(500);
    expect((await broken.json()).error).toMatch(/could not be loaded/);
  });
});

describe('GET /api/plan for a multi-tenant bot (no tenant configured)', () => {
  it('accepts any tenant whose token is consistent', async () => {
    const server = await serveTab(deps({ tenantId: undefined }));
    try {
      const ok = await fetch(`${server.url}/api/plan`, { headers: { Authorization: `Bearer ${await sign(v1(OTHER_TENANT))}` } });
      expect(ok.status).toBe(200);
      const forged = await sign({ ...v1(OTHER_TENANT), iss: 'https://evil.example.org/' });
      expect((await fetch(`${server.url}/api/plan`, { headers: { Authorization: `Bearer ${forged}` } })).status).toBe(401);
    } finally {
      await server.close();
    }
  });
});

describe('createTabRouter', () => {
  it('refuses to start outside local mode without an app id', () => {
    expect(() => createTabRouter({ loadBoard, auth: { localMode: false, host: HOST } })).toThrow(/MicrosoftAppId/);
  });
});
