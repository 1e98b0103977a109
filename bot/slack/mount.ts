import express from 'express';
import type { SlackConfig } from '../config.js';
import type { Services } from '../core/context.js';
import { logger } from '../logger.js';
import { requireSlackSignature } from './verify.js';

const log = logger('slack');

/** Where Slack sends events, slash commands and interactivity (one URL for all three). */
export const SLACK_EVENTS_PATH = '/slack/events';

/**
 * Slack in HTTP mode on the bot's own express app (several instances can sit behind one URL; no Socket Mode): every
 * request to /slack/events has its signature checked first (401, nothing run), then goes to Bolt. Bolt and the Web
 * API client are loaded in the background when Slack is on (seconds on a busy machine), never when it is off.
 */
export function mountSlack(app: express.Express, services: Services, config: SlackConfig, options: { nowSeconds?: () => number } = {}) {
  const router = import('./app.js').then((m) => m.slackRouter(services, config, SLACK_EVENTS_PATH));
  router.catch((err: unknown) => log.error({ err }, 'Slack could not be started'));
  const now = options.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  app.post(
    SLACK_EVENTS_PATH,
    express.raw({ type: () => true, limit: '1mb' }),
    requireSlackSignature(config.signingSecret, now),
    (req, res, next) => {
      router.then((handle) => handle(req, res, next), next);
    },
  );
}
