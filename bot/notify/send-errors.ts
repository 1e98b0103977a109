import type { ReachFailure } from '../store/outbox.js';

/** How a failed send should be treated. */
export type SendFailure =
  | { kind: 'retry'; status: number | null; retryAfterMs: number | null }
  | { kind: 'gone'; status: number; reason: ReachFailure }
  | { kind: 'final'; status: number | null };

const RETRYABLE = new Set([429, 412, 500, 502, 503, 504]);
const MAX_DELAY_MS = 30_000;

/** What the Bot Connector client's errors carry (botbuilder's RestError and fetch responses); every part may be missing. */
interface ConnectorError {
  statusCode?: number;
  code?: string;
  message?: string;
  body?: { error?: { code?: string } };
  response?: {
    status?: number;
    headers?: { get?: (name: string) => string | null | undefined } & Record<string, unknown>;
  };
}

function headerOf(err: ConnectorError | undefined, name: string): string | undefined {
  const headers = err?.response?.headers;
  if (!headers) return undefined;
  if (typeof headers.get === 'function') return headers.get(name) ?? undefined;
  const value = headers[name] ?? headers[name.toLowerCase()];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Why Teams refused a message for good, from the error code it gave (Teams' bot API status codes):
 * BotNotInConversationRoster: the app was removed (uninstalled, or the bot taken out of the team or chat);
 * ConversationBlockedByUser / BotDisabledByUser: the person blocked the bot; BotDisabledByAdmin: an administrator
 * turned the app off; MessageWritesBlocked is documented as "blocked or uninstalled", so it says both.
 */
export function goneReason(code: string): ReachFailure {
  if (/BotNotInConversationRoster/i.test(code)) return 'removed';
  if (/ConversationBlockedByUser|BotDisabledByUser/i.test(code)) return 'blocked';
  if (/BotDisabledByAdmin/i.test(code)) return 'disabled';
  return 'removed-or-blocked';
}

/** Classifies a Bot Connector error: 403 is final (bot removed or blocked), throttling and gateway errors are retried. */
export function sendFailure(err: unknown): SendFailure {
  const e = err as ConnectorError | undefined;
  const status: number | null = e?.statusCode ?? e?.response?.status ?? null;
  if (status === 403 || status === 404)
    return { kind: 'gone', status, reason: goneReason(`${e?.code ?? ''} ${e?.body?.error?.code ?? ''} ${e?.message ?? ''}`) };
  if (status === null) {
    // network errors (connection refused/reset) are worth retrying
    return /ECONNRESET|ECONNREFUSED|ETIMEDOUT|socket hang up|fetch failed/i.test(String(e?.message ?? e?.code))
      ? { kind: 'retry', status, retryAfterMs: null }
      : { kind: 'final', status };
  }
  if (!RETRYABLE.has(status)) return { kind: 'final', status };
  const retryAfter = headerOf(e, 'retry-after');
  const seconds = retryAfter !== undefined ? Number(retryAfter) : NaN;
  return { kind: 'retry', status, retryAfterMs: Number.isFinite(seconds) ? seconds * 1000 : null };
}

/** The wait before the next attempt: Retry-After when given, else exponential backoff with full jitter; bounded. */
export function retryDelayMs(attempt: number, retryAfterMs: number | null, random = Math.random): number {
  if (retryAfterMs !== null) return Math.min(MAX_DELAY_MS, retryAfterMs + Math.floor(random() * 250));
  const ceiling = Math.min(MAX_DELAY_MS, 250 * 2 ** (attempt - 1));
  return Math.floor(ceiling / 2 + random() * (ceiling / 2));
}
