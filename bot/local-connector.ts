import { readCardText } from '../cards/card-text.js';
import type { AddressInfo } from 'node:net';
import express from 'express';

/** One activity the bot sent to the connector, with the conversation it was sent to. */
export interface SentActivity {
  conversationId: string;
  replyToId?: string;
  activity: {
    type: string;
    text?: string;
    attachments?: { contentType: string; content: Record<string, unknown> }[];
    [key: string]: unknown;
  };
}

/**
 * The words of a sent activity as a person reads them: its text, or, for a reply whose content is all in its card,
 * the card's fallbackText (the full words, unescaped as a card shows them), then the activity's summary.
 */
export function wordsOf(activity: {
  text?: string;
  summary?: unknown;
  attachments?: { contentType: string; content?: unknown }[];
}): string {
  if (activity.text) return activity.text;
  const card = activity.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content as
    | { fallbackText?: string }
    | undefined;
  if (card?.fallbackText) return readCardText(card.fallbackText);
  return typeof activity.summary === 'string' ? activity.summary : '';
}

/** A team member as the Bot Connector returns one for Teams (TeamsChannelAccount on the wire). */
export interface RosterEntry {
  id: string;
  name: string;
  objectId: string;
  givenName?: string;
  surname?: string;
  email?: string;
  userPrincipalName?: string;
  tenantId?: string;
  userRole?: 'user' | 'guest' | 'anonymous';
}

/**
 * A local stand-in for the Bot Connector service, shaped like the real one: the bot POSTs replies to
 * {serviceUrl}/v3/conversations/{id}/activities[/{replyToId}] and gets { id } back.
 * Used by `npm run chat` and by the tests; `failNext` injects failures (e.g. 429 with Retry-After, 403), `goDown` an outage until `recover()`.
 */
export async function startLocalConnector(
  options: {
    onActivity?: (sent: SentActivity) => void;
    /** checks each request's Authorization header as the Bot Connector does (a bot's token); refused with 401 when false */
    authorise?: (authorization: string | undefined) => Promise<boolean>;
  } = {},
) {
  const sent: SentActivity[] = [];
  /** failures to inject, in order; one with a conversationId waits for a request to that conversation */
  const failures: { status: number; headers?: Record<string, string>; body?: unknown; conversationId?: string }[] = [];
  /** an outage: every request (to one conversation, if given) fails this way until it recovers */
  let outage: (typeof failures)[number] | null = null;
  /** requests refused by injected failures or an outage */
  let refused = 0;
  let counter = 0;
  const app = express();
  const authorise = options.authorise;
  if (authorise)
    app.use((req, res, next) => {
      authorise(req.get('authorization')).then(
        (ok) => (ok ? next() : res.status(401).json({ message: 'Authorization has been denied for this request.' })),
        next,
      );
    });
  app.use(express.json({ limit: '2mb' }));
  const record = (req: express.Request, res: express.Response) => {
    const to = decodeURIComponent(req.params.conversationId as string);
    const index = failures.findIndex((f) => f.conversationId === undefined || f.conversationId === to);
    const down = outage && (outage.conversationId === undefined || outage.conversationId === to) ? outage : undefined;
    const failure = index >= 0 ? failures.splice(index, 1)[0] : down;
    if (failure) {
      refused++;
      res
        .status(failure.status)
        .set(failure.headers ?? {})
        .json(failure.body ?? { error: { code: 'Failure', message: 'injected' } });
      return;
    }
    const item = {
      conversationId: to,
      replyToId: req.params.replyToId as string | undefined,
      activity: req.body,
    };
    sent.push(item);
    options.onActivity?.(item);
    res.status(200).json({ id: `sent-${++counter}` });
  };
  app.post('/v3/conversations/:conversationId/activities', record);
  app.post('/v3/conversations/:conversationId/activities/:replyToId', record);
  app.put('/v3/conversations/:conversationId/activities/:activityId', record);
  // The roster, shaped as the Bot Connector answers for Teams: GET .../members/{userId} and .../pagedmembers
  const members: RosterEntry[] = [];
  app.get('/v3/conversations/:conversationId/members/:userId', (req, res) => {
    const member = members.find((m) => m.id === req.params.userId || m.objectId === req.params.userId);
    if (!member) {
      res.status(404).json({ error: { code: 'MemberNotFoundInConversation', message: 'The member was not found in the conversation.' } });
      return;
    }
    res.json(member);
  });
  app.get('/v3/conversations/:conversationId/pagedmembers', (req, res) => {
    const size = Math.max(1, Number(req.query.pageSize) || 200);
    const start = Number(req.query.continuationToken) || 0;
    const page = members.slice(start, start + size);
    res.json({ members: page, ...(start + size < members.length ? { continuationToken: String(start + size) } : {}) });
  });
  // stands in for the OneDrive upload session Teams gives a bot when a user accepts a file consent card
  const uploads = new Map<string, { body: Buffer; contentRange: string | undefined }>();
  app.put('/uploads/:name', express.raw({ type: () => true, limit: '20mb' }), (req, res) => {
    uploads.set(req.params.name as string, { body: req.body as Buffer, contentRange: req.get('content-range') });
    res.status(201).json({ id: req.params.name });
  });
  app.post('/v3/conversations', (req, res) => {
    const member = req.body?.members?.[0]?.id ?? 'someone';
    res.status(200).json({ id: `a:personal-${member}` });
  });
  const server = await new Promise<import('node:http').Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    sent,
    /** the team roster the connector reports (replaces any earlier one) */
    setMembers(list: RosterEntry[]) {
      members.splice(0, members.length, ...list);
    },
    /** files uploaded through the file consent flow, by name */
    uploads,
    /** queue failures for the next requests, in order */
    failNext(...f: typeof failures) {
      failures.push(...f);
    },
    /** fails every request (to one conversation, if given) this way until `recover()` */
    goDown(f: (typeof failures)[number]) {
      outage = f;
    },
    recover() {
      outage = null;
    },
    /** how many requests were refused by injected failures or an outage */
    refused: () => refused,
    /** activities sent to one conversation */
    to(conversationId: string) {
      return sent.filter((s) => s.conversationId === conversationId);
    },
    clear() {
      sent.length = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type LocalConnector = Awaited<ReturnType<typeof startLocalConnector>>;
