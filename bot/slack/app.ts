import { App, ExpressReceiver } from '@slack/bolt';
import express from 'express';
import type { SlackConfig } from '../config.js';
import type { Services } from '../core/context.js';
import { slackClient, slackLogger } from './api.js';
import { registerSlackListeners } from './listeners.js';
import { registerSlackMembership } from './membership.js';

/** The bot's own identity in the workspace (auth.test), asked once and kept; asked again after a failure. */
function authorizeOnce(config: SlackConfig) {
  const client = slackClient(config);
  let known: Promise<{ botToken: string; botId?: string; botUserId?: string }> | null = null;
  return () => {
    known ??= client.auth.test().then(
      (r) => ({ botToken: config.botToken, botId: r.bot_id, botUserId: r.user_id }),
      (err: unknown) => {
        known = null;
        throw err;
      },
    );
    return known;
  };
}

/**
 * Bolt in HTTP mode as an express router for /slack/events (ExpressReceiver on our router): it acknowledges each
 * request within Slack's 3 seconds and the listeners answer through the Web API. Loaded only when Slack is on.
 */
export function slackRouter(services: Services, config: SlackConfig, path: string): express.Router {
  const router = express.Router();
  const receiver = new ExpressReceiver({
    signingSecret: config.signingSecret,
    // checked before this router by requireSlackSignature, which also refuses timestamps from the future
    signatureVerification: false,
    endpoints: path,
    router,
    app: express(),
    logger: slackLogger(),
    processBeforeResponse: false,
  });
  const bolt = new App({
    receiver,
    authorize: authorizeOnce(config),
    clientOptions: { slackApiUrl: config.apiUrl, retryConfig: { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 1000 } },
    logger: slackLogger(),
    // Bolt's conversation store is unused here (what a conversation needs is in the database), and its lookup failed
    // with a new Error on every event
    convoStore: false,
  });
  registerSlackListeners(bolt, services);
  registerSlackMembership(bolt, services);
  return router;
}
