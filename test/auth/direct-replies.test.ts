import {
  BotFrameworkAuthentication,
  ClaimsIdentity,
  ConnectorClient,
  ConnectorFactory,
  type AuthenticateRequestResult,
} from 'botframework-connector';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replyDirectly } from '../../bot/auth/direct-replies.js';
import { ReusedConnectorsAuthentication } from '../../bot/auth/reused-connectors.js';
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
function pipelineClient() {
  const credentials = {
    signRequest: async (resource: { headers: { set(name: string, value: string): void } }) => {
      resource.headers.set('Authorization', `Bearer ${token}`);
      return resource;
    },
  };
  return new ConnectorClient(credentials as never, { baseUri: connector.url });
}

function client() {
  const made = pipelineClient();
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

  it('gives the final failure’s headers, as the pipeline’s RestError does', async () => {
    connector.failNext(...Array.from({ length: 4 }, () => ({ status: 429, headers: { 'Retry-After': '0' } })));
    const failure = await client()
      .conversations.replyToActivity(CONVERSATION, '1', reply as never)
      .catch((err: { statusCode?: number; response?: { headers: { get(name: string): string | undefined } } }) => err);
    expect(failure).toMatchObject({ statusCode: 429 });
    expect((failure as { response: { headers: { get(name: string): string | undefined } } }).response.headers.get('Retry-After')).toBe('0');
    expect(connector.refused()).toBe(4);
  });

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

/** botbuilder's authentication as far as these clients go: one factory for incoming turns, one for proactive sends. */
class StandIn extends BotFrameworkAuthentication {
  readonly identity = new ClaimsIdentity([{ type: 'aud', value: 'app-1' }], true);
  private readonly factory = new (class extends ConnectorFactory {
    create = async () => pipelineClient();
  })();
  authenticateRequest = async (): Promise<AuthenticateRequestResult> => ({
    claimsIdentity: this.identity,
    connectorFactory: this.factory,
    audience: 'https://api.botframework.com',
    callerId: '',
  });
  authenticateStreamingRequest = this.authenticateRequest;
  createConnectorFactory = () => this.factory;
  createUserTokenClient = async () => {
    throw new Error('not used');
  };
}

describe('which clients post straight to the connector', () => {
  it('a turn’s replies do; proactive sends (the outbox) keep the Azure pipeline and its retry rules', async () => {
    const auth = new ReusedConnectorsAuthentication(new StandIn());
    const turnFactory = async () => (await auth.authenticateRequest({} as never, 'Bearer x')).connectorFactory as ConnectorFactory;
    const turn = await (await turnFactory()).create(connector.url);
    const proactive = await auth.createConnectorFactory(new StandIn().identity).create(connector.url);
    const original = pipelineClient().conversations.replyToActivity;
    expect(turn.conversations.replyToActivity).not.toBe(original);
    expect(proactive.conversations.replyToActivity).toBe(original);
    expect(turn).not.toBe(proactive);
    // each is still made once and reused
    expect(await (await turnFactory()).create(connector.url)).toBe(turn);
    expect(await auth.createConnectorFactory(new StandIn().identity).create(connector.url)).toBe(proactive);

    // the outbox takes the pipeline's retries out (notify/own-retries.ts) and counts attempts itself: a proactive send
    // throttled for 40 s fails at once, for the outbox to wait; a turn's reply waits (at most 4 s) and tries again
    (proactive as unknown as { client: { pipeline: { removePolicy(p: { phase: string }): void } } }).client.pipeline.removePolicy({
      phase: 'Retry',
    });
    connector.failNext({ status: 429, headers: { 'Retry-After': '40' } });
    const started = Date.now();
    const failed = await proactive.conversations
      .replyToActivity(CONVERSATION, '1', reply as never)
      .catch((err: { statusCode?: number }) => err);
    expect(failed).toMatchObject({ statusCode: 429 });
    expect(Date.now() - started).toBeLessThan(3_000);
    connector.failNext({ status: 429, headers: { 'Retry-After': '1' } });
    await turn.conversations.replyToActivity(CONVERSATION, '2', reply as never);
    expect(connector.sent.map((s) => s.replyToId)).toEqual(['2']);
  }, 20_000);
});
