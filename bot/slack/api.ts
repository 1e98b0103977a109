import { LogLevel, type Logger } from '@slack/logger';
import { WebClient, type WebClientOptions } from '@slack/web-api';
import type { SlackConfig } from '../config.js';
import { logger } from '../logger.js';

const log = logger('slack');

/** Slack's SDK logging through the bot's logger (its info lines are debug here: Bolt is chatty). */
export function slackLogger(): Logger {
  let level = LogLevel.INFO;
  const text = (msg: unknown[]) => msg.map(String).join(' ');
  return {
    debug: (...msg: unknown[]) => log.trace(text(msg)),
    info: (...msg: unknown[]) => log.debug(text(msg)),
    warn: (...msg: unknown[]) => log.warn(text(msg)),
    error: (...msg: unknown[]) => log.error(text(msg)),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

/**
 * A Web API client for the bot token. `forSender`: no retries of its own and 429s thrown (the sender paces and
 * retries per channel, honouring Retry-After); otherwise two quick retries for turn replies.
 */
export function slackClient(config: SlackConfig, options: { forSender?: boolean } = {}): WebClient {
  const base: WebClientOptions = {
    slackApiUrl: config.apiUrl,
    logger: slackLogger(),
    timeout: 10_000,
    retryConfig: options.forSender ? { retries: 0 } : { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 1000 },
    rejectRateLimitedCalls: Boolean(options.forSender),
  };
  return new WebClient(config.botToken, base);
}
