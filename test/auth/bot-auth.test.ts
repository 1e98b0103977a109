import { request } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { startTestBot, type TestBot, textOf } from '../support/bot.js';
import { asPerson, makeMessage, TEAMS } from '../support/activities.js';
import { grantRole } from '../../bot/store/people.js';
import { linkPartnershipToTenant } from '../../bot/store/partnerships.js';
import {
  BOT_SERVICE_ISSUER,
  OfflineCredentialsFactory,
  startIdentityProvider,
  type IdentityProvider,
} from '../support/identity-provider.js';

const APP_ID = '0a1b2c3d-0000-4000-8000-00000000a99';
const PASSWORD = 'app-password-not-for-tokens';
const env = {
  MicrosoftAppId: APP_ID,
  MicrosoftAppPassword: PASSWORD,
  MicrosoftAppTenantId: TEAMS.tenantId,
  HOST: '127.0.0.1',
  PUBLIC_HOST: 'prevent-bot.example.org',
};

let idp: IdentityProvider;
let bot: TestBot;
beforeAll(async () => {
  idp = await startIdentityProvider();
  bot = await startTestBot({
    env,
    auth: {
      openIdMetadataUrl: idp.openIdMetadataUrl,
      tabJwksUrl: idp.jwksUrl,
      credentialsFactory: new OfflineCredentialsFactory({
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: PASSWORD,
        MicrosoftAppType: 'SingleTenant',
        MicrosoftAppTenantId: TEAMS.tenantId,
      }),
    },
  });
});
afterAll(async () => {
  await bot.close();
  await idp.close();
});
beforeEach(() => bot.connector.clear());

const claims = (overrides: Record<string, unknown> = {}) => ({
  iss: BOT_SERVICE_ISSUER,
  aud: APP_ID,
  serviceurl: bot.connector.url,
  ...overrides,
});
const unsigned = (header: object, payload: object) =>
  `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.`;

async function attempt(token: string | undefined) {
  const conversationsBefore = await bot.store.db.conversationRef.count();
  const message = makeMessage(bot.connector.url, { text: "what's red?", mention: true });
  const res = await bot.post(message, token ? { authorization: `Bearer ${token}` } : {});
  return {
    ...res,
    sent: bot.connector.sent.length,
    storedConversations: (await bot.store.db.conversationRef.count()) - conversationsBefore,
  };
}

describe('Bot Framework tokens, checked by botbuilder against keys served by a local stand-in', () => {
  it('a token signed with the published key for this app is accepted and answered', async () => {
    const res = await attempt(await idp.sign(claims()));
    expect(res.status).toBe(200);
    expect(res.sent).toBe(1);
    expect(textOf(bot.connector.sent[0]?.activity).split('\n')[0]).toBe('2 actions are RED');
    expect(idp.metadataRequests).toBeGreaterThan(0);
  });

  const forged: [string, () => Promise<string | undefined>][] = [
    ['no Authorization header', async () => undefined],
    ['not a JWT', async () => 'not-a-token'],
    [
      'alg none',
      async () => unsigned({ alg: 'none', typ: 'JWT', kid: 'bot-key' }, { ...claims(), exp: Math.floor(Date.now() / 1000) + 3600 }),
    ],
    [
      'HS256 signed with the app password',
      async () =>
        new SignJWT(claims())
          .setProtectedHeader({ alg: 'HS256', kid: 'bot-key' })
          .setIssuedAt()
          .setExpirationTime('1h')
          .sign(new TextEncoder().encode(PASSWORD)),
    ],
    ['signed with an unpublished key under the published key id', () => idp.sign(claims(), { key: 'other' })],
    ['signed with an unpublished key under an unknown key id', () => idp.sign(claims(), { key: 'other', kid: 'attacker-key' })],
    [
      'expired an hour ago',
      () => idp.sign({ ...claims(), iat: Math.floor(Date.now() / 1000) - 7200 }, { expiresIn: Math.floor(Date.now() / 1000) - 3600 }),
    ],
    ['for another app (wrong audience)', () => idp.sign(claims({ aud: 'ffffffff-0000-4000-8000-000000000000' }))],
    ['from another issuer', () => idp.sign(claims({ iss: 'https://login.example.org/attacker' }))],
    [
      'claiming the emulator as issuer',
      () =>
        idp.sign(claims({ iss: 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/', ver: '1.0', appid: APP_ID }), {
          key: 'other',
        }),
    ],
    ['for another service URL', () => idp.sign(claims({ serviceurl: 'https://smba.trafficmanager.net/evil/' }))],
  ];
  for (const [name, token] of forged) {
    it(`refuses a token ${name}: 401, one generic line, nothing run or stored`, async () => {
      const res = await attempt(await token());
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: 'Unauthorised.' });
      expect(res.sent).toBe(0);
      expect(res.storedConversations).toBe(0);
    });
  }
});

describe('the tab’s sign-in tokens, checked against the same stand-in’s keys', () => {
  const tabToken = (overrides: Record<string, unknown> = {}, key: 'ours' | 'other' = 'ours') =>
    idp.sign(
      {
        aud: `api://prevent-bot.example.org/${APP_ID}`,
        iss: `https://sts.windows.net/${TEAMS.tenantId}/`,
        tid: TEAMS.tenantId,
        oid: 'aad-29ali',
        ...overrides,
      },
      { key },
    );
  const board = (token: string) => fetch(`${bot.url}/api/plan`, { headers: { authorization: `Bearer ${token}` } });

  it('shows the board only to someone the partnership’s people or roster know, by object id', async () => {
    const stranger = await board(await tabToken({ oid: 'aad-stranger', name: 'Ali Burlington' }));
    expect(stranger.status).toBe(404);
    expect((await stranger.json()).error).toContain('not in a Prevent partnership');
    await grantRole(bot.store.db, { partnership: 'City of London', person: asPerson(TEAMS.user()), role: 'member' });
    const known = await board(await tabToken({ oid: 'aad-29ali' }));
    expect(known.status).toBe(200);
    expect((await known.json()).actions.length).toBe(24);
  });

  it('refuses a tab token signed with an unpublished key, for another app, from another tenant, alg none, HS256 or expired', async () => {
    for (const token of [
      await tabToken({}, 'other'),
      await tabToken({ aud: 'api://prevent-bot.example.org/someone-else' }),
      await tabToken({ tid: 'ffffffff-1111-2222-3333-444444444444', iss: 'https://sts.windows.net/ffffffff-1111-2222-3333-444444444444/' }),
      unsigned(
        { alg: 'none', kid: 'bot-key' },
        {
          aud: `api://prevent-bot.example.org/${APP_ID}`,
          iss: `https://sts.windows.net/${TEAMS.tenantId}/`,
          tid: TEAMS.tenantId,
          oid: 'aad-29ali',
          exp: Math.floor(Date.now() / 1000) + 3600,
        },
      ),
      await new SignJWT({
        aud: `api://prevent-bot.example.org/${APP_ID}`,
        iss: `https://sts.windows.net/${TEAMS.tenantId}/`,
        tid: TEAMS.tenantId,
        oid: 'aad-29ali',
      })
        .setProtectedHeader({ alg: 'HS256', kid: 'bot-key' })
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode(PASSWORD)),
      await idp.sign(
        {
          aud: `api://prevent-bot.example.org/${APP_ID}`,
          iss: `https://sts.windows.net/${TEAMS.tenantId}/`,
          tid: TEAMS.tenantId,
          oid: 'aad-29ali',
          iat: Math.floor(Date.now() / 1000) - 7200,
        },
        { expiresIn: Math.floor(Date.now() / 1000) - 3600 },
      ),
    ]) {
      const res = await board(token);
      expect(res.status).toBe(401);
      expect(JSON.stringify(await res.json())).not.toMatch(/JWS|JWT|signature|stack/i);
    }
  });
});

describe('where the server listens', () => {
  it('binds the address it is configured with and reports it', async () => {
    const { listen, createHttpApp } = await import('../../bot/server.js');
    const server = await listen(
      createHttpApp(bot.services, (await import('../../bot/adapter.js')).createAdapter(bot.config)),
      bot.config,
      0,
    );
    expect(server.bound).toMatch(/^127\.0\.0\.1:\d+$/);
    await server.close();
  });
});

/** A POST with a chosen Host header (fetch does not let a caller set Host). */
function postWithHost(url: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/api/messages`, { method: 'POST', headers: { host, 'content-type': 'application/json' } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(JSON.stringify(makeMessage('http://127.0.0.1:1', { text: 'help' })));
  });
}

describe('local mode (no app id) answers only localhost', () => {
  let local: TestBot;
  beforeAll(async () => (local = await startTestBot()));
  afterAll(() => local.close());

  it('refuses a request whose Host is another name with 421 and one line', async () => {
    for (const host of ['evil.example.org', 'prevent-bot.example.org:3978', '10.0.0.5']) {
      const res = await postWithHost(local.url, host);
      expect(res.status).toBe(421);
      expect(res.body.trim().split('\n')).toHaveLength(1);
    }
  });

  it('answers Host localhost and 127.0.0.1', async () => {
    for (const host of ['localhost:3978', '127.0.0.1']) {
      const res = await postWithHost(local.url, host);
      expect(res.status).not.toBe(421);
    }
  });
});

describe('a multi-tenant bot’s tab and a tenant linked to no partnership', () => {
  let multi: TestBot;
  beforeAll(async () => {
    multi = await startTestBot({
      env: {
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: PASSWORD,
        MicrosoftAppType: 'MultiTenant',
        HOST: '127.0.0.1',
        PUBLIC_HOST: 'prevent-bot.example.org',
      },
      auth: { openIdMetadataUrl: idp.openIdMetadataUrl, tabJwksUrl: idp.jwksUrl },
    });
    await linkPartnershipToTenant(multi.store.db, 'City of London', TEAMS.tenantId);
    await grantRole(multi.store.db, { partnership: 'City of London', person: asPerson(TEAMS.user()), role: 'coordinator' });
  });
  afterAll(() => multi.close());

  it('a valid sign-in from an unlinked tenant sees no board, even with a coordinator’s display name', async () => {
    const other = 'ffffffff-1111-2222-3333-444444444444';
    const token = await idp.sign({
      aud: `api://prevent-bot.example.org/${APP_ID}`,
      iss: `https://sts.windows.net/${other}/`,
      tid: other,
      oid: 'aad-someone-else',
      name: 'Ali Burlington',
    });
    const res = await fetch(`${multi.url}/api/plan`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(404);
    expect(JSON.stringify(await res.json())).not.toContain('Prevent action plan');
  });
});
