import { App, ExpressReceiver } from '@slack/bolt';
import express from 'express';
import type { SlackConfig } from '../config.js';
import type { Services } from '../core/context.js';
import { slackClient, slackLogger } from './api.js';
import { registerSlackListeners } from './listeners.js';
import { requireSlackSignature } from './verify.js';

/** Where Slack sends events, slash commands and interactivity (one URL for all three). */
export const SLACK_EVENTS_PATH = '/slack/events';

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
 * Slack in HTTP mode on the bot's own express app: every request to /slack/events has its signature checked first
 * (401, nothing run), then Bolt (ExpressReceiver on our router) acknowledges it within Slack's 3 seconds and the
 * listeners answer through the Web API. Several instances can sit behind one URL (no Socket Mode).
 */
export function mountSlack(app: express.Express, services: Services, config: SlackConfig, options: { nowSeconds?: () => number } = {}) {
  const router = express.Router();
  const receiver = new ExpressReceiver({
    signingSecret: config.signingSecret,
    // checked by requireSlackSignature below, which also refuses timestamps from the future
    signatureVerification: false,
    endpoints: SLACK_EVENTS_PATH,
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
  });
  registerSlackListeners(bolt, services);
  const now = options.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  app.post(SLACK_EVENTS_PATH, express.raw({ type: () => true, limit: '1mb' }), requireSlackSignature(config.signingSecret, now));
  app.use(router);
  return bolt;
}
