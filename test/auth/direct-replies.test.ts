import { ConnectorClient } from 'botframework-connector';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replyDirectly } from '../../bot/auth/direct-replies.js';
import { startLocalConnector, type LocalConnector } from '../../bot/local-connector.js';

// A turn's reply goes straight to the Bot Connector: the same request, token and failures as botframework-connector's.
const CONVERSATION = '19:channel@thread.tacv2;messageid=1700000000000';
const reply = { type: 'message', text: 'AMBER: 12 actions', replyToId: '1700000000000', timestamp: new Date('2026-11-23T09:00:00Z') };
let connector: LocalConnector;
let authorizations: (string | undefined)[];
let token: string;

beforeEach(async () => {
  authorizations = [];
  token = 'token-1';
  connector = await startLocalConnector({
    authorise: async (authorization) => {
      authorizations.push(authorization);
      return authorization === `Bearer ${token}`;
    },
  });
});
afterEach(async () => {
  await connector.close();
});

/** A connector client as botbuilder makes one, with credentials that sign as AppCredentials do (a token each time). */
function client() {
  const credentials = {
    signRequest: async (resource: { headers: { set(name: string, value: string): void } }) => {
      resource.headers.set('Authorization', `Bearer ${token}`);
      return resource;
    },
  };
  const made = new ConnectorClient(credentials as never, { baseUri: connector.url });
  replyDirectly(made);
  return made;
}

describe('a turn’s reply posted straight to the Bot Connector', () => {
  it('arrives as botframework-connector would send it: path, conversation, reply-to, token, JSON body', async () => {
    const answer = await client().conversations.replyToActivity(CONVERSATION, '1700000000000', reply as never);
    expect(answer).toEqual({ id: expect.stringMatching(/^sent-/) });
    expect(connector.sent).toEqual([
      {
        conversationId: CONVERSATION,
        replyToId: '1700000000000',
        activity: { ...reply, timestamp: '2026-11-23T09:00:00.000Z' },
      },
    ]);
    expect(authorizations).toEqual(['Bearer token-1']);
  });

  it('asks the credentials for the token on every reply, so a refreshed token is used at once', async () => {
    const replies = client();
    await replies.conversations.replyToActivity(CONVERSATION, '1', reply as never);
    token = 'token-2';
    await replies.conversations.replyToActivity(CONVERSATION, '2', reply as never);
    expect(authorizations).toEqual(['Bearer token-1', 'Bearer token-2']);
    expect(connector.sent).toHaveLength(2);
  });

  it('tries again after throttling (Retry-After) and a server error, and the reply arrives once', async () => {
    connector.failNext({ status: 429, headers: { 'Retry-After': '0' } }, { status: 503 });
    await client().conversations.replyToActivity(CONVERSATION, '1', reply as never);
    expect(connector.refused()).toBe(2);
    expect(connector.sent).toHaveLength(1);
  });

  it('gives up after three more tries, with the status as botbuilder reports it', async () => {
    connector.goDown({ status: 502 });
    const failure = await client()
      .conversations.replyToActivity(CONVERSATION, '1', reply as never)
      .catch((err: { statusCode?: number; name?: string }) => err);
    expect(failure).toMatchObject({ statusCode: 502, name: 'RestError' });
    expect(connector.refused()).toBe(4);
    expect(connector.sent).toHaveLength(0);
  }, 20_000);

  it('does not try again what cannot succeed (403: the bot was removed), and says so', async () => {
    connector.failNext({ status: 403, body: { error: { code: 'BotNotInConversationRoster', message: 'removed' } } });
    const failure = await client()
      .conversations.replyToActivity(CONVERSATION, '1', reply as never)
      .catch((err: { statusCode?: number; response?: { bodyAsText: string } }) => err);
    expect(failure).toMatchObject({ statusCode: 403 });
    expect((failure as { response: { bodyAsText: string } }).response.bodyAsText).toContain('BotNotInConversationRoster');
    expect(connector.refused()).toBe(1);
  });
});
