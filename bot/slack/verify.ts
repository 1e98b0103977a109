import { createHmac, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { logger } from '../logger.js';

const log = logger('slack');

/** Slack signs each request within this many seconds of sending it; older (or later) ones are replays. */
export const REPLAY_WINDOW_SECONDS = 5 * 60;

/**
 * Why a request is not Slack's, or null when it is: `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{raw body}` with the
 * signing secret, and a timestamp within five minutes either side of now. (Bolt's own check accepts any timestamp in
 * the future; this one does not.)
 */
export function slackSignatureProblem(
  secret: string,
  request: { signature?: string; timestamp?: string; body: Buffer },
  nowSeconds: number,
): string | null {
  const { signature, timestamp } = request;
  if (!signature || !timestamp) return 'no signature or timestamp';
  if (!/^\d{1,12}$/.test(timestamp)) return 'timestamp is not a number';
  if (Math.abs(nowSeconds - Number(timestamp)) > REPLAY_WINDOW_SECONDS) return 'timestamp outside the five-minute window';
  const match = /^v0=([0-9a-f]{64})$/.exec(signature);
  if (!match?.[1]) return 'not a v0 signature';
  const expected = createHmac('sha256', secret).update(`v0:${timestamp}:`).update(request.body).digest();
  const given = Buffer.from(match[1], 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected) ? null : 'signature does not match';
}

const header = (req: Request, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * Express middleware for /slack/events after a raw body parser: a request that Slack did not sign gets 401 and nothing
 * runs (the reason is logged, never sent); a signed one goes on with its raw body kept for Bolt.
 */
export function requireSlackSignature(secret: string, nowSeconds: () => number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const problem = slackSignatureProblem(
      secret,
      { signature: header(req, 'x-slack-signature'), timestamp: header(req, 'x-slack-request-timestamp'), body },
      nowSeconds(),
    );
    if (problem) {
      log.warn({ problem, retry: header(req, 'x-slack-retry-num') }, 'Refused a Slack request that is not signed by Slack');
      res.status(401).json({ error: 'Unauthorised.' });
      return;
    }
    (req as Request & { rawBody?: Buffer }).rawBody = body;
    next();
  };
}
