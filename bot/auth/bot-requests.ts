import type { Request, Response } from 'express';
import type { Activity, TurnContext } from 'botbuilder';
import type { AuthenticatingAdapter } from './authenticating-adapter.js';
import { logger } from '../logger.js';
import { messageJson } from '../../cards/card-json.js';

const log = logger('bot-auth');

/** Why a request was refused before any turn ran: a bad token (401), or keys we could not fetch (503). */
export function authFailureStatus(err: unknown): 401 | 503 {
  // botframework-connector's AuthenticationError carries statusCode: 401 for bad tokens, 500 when keys could not load
  const { statusCode: status, name = '' } = (err ?? {}) as { statusCode?: unknown; name?: string };
  // key discovery that failed on our side is not the caller's fault
  if ((typeof status === 'number' && status >= 500) || name === 'FetchError') return 503;
  return 401;
}

/**
 * Runs one Bot Framework request: authenticates it (botbuilder's own token checks), then runs the turn.
 * Any failure before the turn starts is answered 401 (or 503 when the signing keys could not be fetched)
 * with one generic line, never the library's message; nothing of the turn runs.
 */
export async function processBotRequest(
  adapter: AuthenticatingAdapter,
  req: Request,
  res: Response,
  onTurn: (context: TurnContext) => Promise<void>,
): Promise<void> {
  let started = false;
  const header = req.get('authorization') ?? '';
  try {
    const invokeResponse = await adapter.authenticateAndRun(header, req.body as Activity, async (context) => {
      started = true;
      await onTurn(context);
    });
    res.status(invokeResponse?.status ?? 200);
    const body: unknown = invokeResponse?.body;
    // an object as res.json would send it, with the JSON of a card in it made once (see card-json.ts)
    if (body !== null && typeof body === 'object') res.type('json').send(messageJson(body));
    else if (body !== undefined) res.send(body);
    res.end();
  } catch (err) {
    if (started) {
      log.error({ err }, 'Turn failed after authentication');
      res.status(500).json({ error: 'The request could not be handled.' });
      return;
    }
    const status = authFailureStatus(err);
    log.warn({ reason: (err as Error)?.message, status, ip: req.ip }, 'Refused a Bot Framework request');
    if (status === 503) res.status(503).json({ error: 'Authentication is unavailable just now.' });
    else res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'Unauthorised.' });
  }
}
