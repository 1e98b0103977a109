import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../bot/config.js';
import { startLocalConnector, type LocalConnector } from '../../bot/local-connector.js';
import { startTestBot, type TestBot, textOf } from '../support/bot.js';
import { makeMessage, TEAMS } from '../support/activities.js';
import { BOT_SERVICE_ISSUER, startIdentityProvider, type IdentityProvider } from '../support/identity-provider.js';

// A bot process configured only through its environment (as the soak runs two): it trusts the keys of a stand-in
// sign-in (BOT_OPENID_METADATA_URL) and gets the token for its own calls from it (BOT_TOKEN_URL) with its app id and
// password; the connector takes only calls that carry that token, as the real Bot Connector does.

const APP_ID = '0a1b2c3d-0000-4000-8000-0000000070e1';
const PASSWORD = 'the-right-password';
const env = (idp: IdentityProvider, password = PASSWORD) => ({
  MicrosoftAppId: APP_ID,
  MicrosoftAppPassword: password,
  MicrosoftAppTenantId: TEAMS.tenantId,
  HOST: '127.0.0.1',
  BOT_OPENID_METADATA_URL: idp.openIdMetadataUrl,
  BOT_TOKEN_URL: idp.tokenUrl,
});

let idp: IdentityProvider;
let connector: LocalConnector;
let refused = 0;
let bot: TestBot;
beforeAll(async () => {
  idp = await startIdentityProvider({ apps: { [APP_ID]: PASSWORD } });
  connector = await startLocalConnector({
    authorise: async (header) => (await idp.verifyBotToken(header, APP_ID)) || (refused++, false),
  });
  bot = await startTestBot({ env: env(idp) });
});
afterAll(async () => {
  await bot.close();
  await connector.close();
  await idp.close();
});

const question = () => makeMessage(connector.url, { text: "what's red?", mention: true });
const signed = async () => ({
  authorization: `Bearer ${await idp.sign({ iss: BOT_SERVICE_ISSUER, aud: APP_ID, serviceurl: connector.url })}`,
});

describe('a bot configured by its environment to trust a stand-in sign-in', () => {
  it('answers signed activities, its replies carrying the token it got with its app id and password (one token for many calls)', async () => {
    connector.clear();
    expect((await bot.post(question(), await signed())).status).toBe(200);
    expect((await bot.post(question(), await signed())).status).toBe(200);
    expect(connector.sent.map((s) => textOf(s.activity).split('\n')[0])).toEqual(['2 actions are RED', '2 actions are RED']);
    expect(refused).toBe(0);
    expect(idp.tokensIssued).toBe(1);
  });

  it('refuses an unsigned activity, or one signed with a key nobody published, and runs nothing', async () => {
    connector.clear();
    expect((await bot.post(question())).status).toBe(401);
    const forged = await idp.sign({ iss: BOT_SERVICE_ISSUER, aud: APP_ID, serviceurl: connector.url }, { key: 'other' });
    expect((await bot.post(question(), { authorization: `Bearer ${forged}` })).status).toBe(401);
    expect(connector.sent).toHaveLength(0);
  });

  it('a bot with the wrong password gets no token, so nothing it sends is taken', async () => {
    const wrong = await startTestBot({ env: env(idp, 'not-the-password') });
    try {
      connector.clear();
      const issued = idp.tokensIssued;
      await wrong.post(question(), await signed());
      expect(connector.sent).toHaveLength(0);
      expect(idp.tokensIssued).toBe(issued);
    } finally {
      await wrong.close();
    }
  });

  it('the stand-in settings are refused in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', ...env(idp), DATABASE_URL: 'file:./x.db' })).toThrow(
      /BOT_OPENID_METADATA_URL is for tests only[\s\S]*BOT_TOKEN_URL is for tests only/,
    );
  });
});
