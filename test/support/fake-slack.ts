import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'node:querystring';

// A stand-in for Slack's Web API on loopback, shaped like the real one: POST https://slack.com/api/<method> with a
// bearer token and a form-encoded (or JSON) body; answers are 200 with {"ok":true,...} or {"ok":false,"error":"..."},
// and rate limiting is HTTP 429 with Retry-After (seconds). Calls are recorded for tests to read.

/** One Web API call the bot made. */
export interface SlackCall {
  method: string;
  args: Record<string, any>;
  at: number;
}

/** A Slack user as users.info returns it. */
export interface FakeSlackUser {
  id: string;
  team_id: string;
  name: string;
  real_name?: string;
  email?: string;
  is_email_confirmed?: boolean;
  is_bot?: boolean;
}

type Failure = { status: 429; retryAfter: number } | { error: string };

const BOT = { user_id: 'UBOTPREVENT', bot_id: 'BPREVENT' };

async function readBody(req: IncomingMessage): Promise<Record<string, any>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  if (!raw) return {};
  if ((req.headers['content-type'] ?? '').includes('application/json')) return JSON.parse(raw);
  const form = parse(raw) as Record<string, string>;
  // the SDK sends objects (blocks, view) as JSON strings inside the form
  const out: Record<string, any> = {};
  for (const [k, v] of Object.entries(form)) {
    out[k] = typeof v === 'string' && /^[[{]/.test(v) ? JSON.parse(v) : v;
  }
  return out;
}

/** Starts the fake Web API; `token` is the only bot token it accepts. */
export async function startFakeSlack(options: { token: string; teamId?: string; onCall?: (call: SlackCall) => void; record?: boolean }) {
  const teamId = options.teamId ?? 'T0PREVENT';
  const calls: SlackCall[] = [];
  const users = new Map<string, FakeSlackUser>();
  /** conversations the bot is in that are group DMs (every other C/G id is a channel, every D id a DM) */
  const groupDms = new Set<string>();
  const failures = new Map<string, Failure[]>();
  let ts = 1_700_000_000;

  const answer = (method: string, args: Record<string, any>): Record<string, unknown> => {
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://prevent.slack.com/', team: 'Prevent', user: 'prevent', team_id: teamId, ...BOT };
      case 'chat.postMessage':
        ts += 1;
        return {
          ok: true,
          channel: args.channel,
          ts: `${ts}.000100`,
          message: { type: 'message', text: args.text, blocks: args.blocks, ts: `${ts}.000100`, bot_id: BOT.bot_id },
        };
      case 'chat.update':
        return { ok: true, channel: args.channel, ts: args.ts, text: args.text, message: { text: args.text, blocks: args.blocks } };
      case 'chat.postEphemeral':
        ts += 1;
        return { ok: true, message_ts: `${ts}.000200` };
      case 'views.open':
      case 'views.publish':
      case 'views.update':
        return { ok: true, view: { id: `V${calls.length}`, team_id: teamId, ...(args.view ?? {}), hash: `h${calls.length}` } };
      case 'conversations.info': {
        // as Slack answers it: the conversation object with its is_* flags (group DMs now have C ids like channels)
        const id = String(args.channel ?? '');
        if (!id) return { ok: false, error: 'channel_not_found' };
        const im = id.startsWith('D');
        const mpim = groupDms.has(id);
        return {
          ok: true,
          channel: {
            id,
            ...(im ? { user: 'U0SOMEONE' } : { name: mpim ? `mpdm-someone--someone-else-1` : `channel-${id.toLowerCase()}` }),
            is_channel: !im && !mpim && !id.startsWith('G'),
            is_group: !im && !mpim && id.startsWith('G'),
            is_im: im,
            is_mpim: mpim,
            is_private: !im && (mpim || id.startsWith('G')),
            is_archived: false,
            created: 1_700_000_000,
          },
        };
      }
      case 'users.info': {
        const user = users.get(String(args.user));
        if (!user) return { ok: false, error: 'user_not_found' };
        return {
          ok: true,
          user: {
            id: user.id,
            team_id: user.team_id,
            name: user.name,
            real_name: user.real_name ?? user.name,
            deleted: false,
            is_bot: user.is_bot ?? false,
            is_email_confirmed: user.is_email_confirmed ?? true,
            profile: {
              display_name: user.real_name ?? user.name,
              real_name: user.real_name ?? user.name,
              ...(user.email ? { email: user.email } : {}),
            },
          },
        };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  };

  const server = createServer(async (req, res) => {
    const method = (req.url ?? '').replace(/^\/api\//, '').replace(/\?.*$/, '');
    const args = await readBody(req);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== `Bearer ${options.token}`) return send(200, { ok: false, error: 'invalid_auth' });
    const call = { method, args, at: Date.now() };
    if (options.record !== false) calls.push(call);
    options.onCall?.(call);
    const failure = failures.get(method)?.shift();
    if (failure && 'status' in failure)
      return send(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(failure.retryAfter) });
    if (failure) return send(200, { ok: false, error: failure.error });
    send(200, answer(method, args));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    /** the base URL to give the bot as SLACK_API_URL */
    apiUrl: `${url}/api/`,
    teamId,
    bot: BOT,
    calls,
    addUser(user: Omit<FakeSlackUser, 'team_id'> & { team_id?: string }) {
      users.set(user.id, { team_id: teamId, ...user });
    },
    /** a conversation (C... id) that is a group DM, as conversations.info will say */
    addGroupDm(id: string) {
      groupDms.add(id);
    },
    /** the next calls of a method fail this way, in order */
    failNext(method: string, ...how: Failure[]) {
      failures.set(method, [...(failures.get(method) ?? []), ...how]);
    },
    callsOf(method: string) {
      return calls.filter((c) => c.method === method);
    },
    clear() {
      calls.length = 0;
    },
    /** Waits until a call of the method matches (polling; the bot answers after acknowledging). */
    async waitFor(method: string, match: (args: Record<string, any>) => boolean = () => true, timeoutMs = 10_000) {
      const start = Date.now();
      for (;;) {
        const found = calls.find((c) => c.method === method && match(c.args));
        if (found) return found;
        if (Date.now() - start > timeoutMs)
          throw new Error(`No ${method} call matched in ${timeoutMs} ms; calls: ${calls.map((c) => c.method).join(', ')}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type FakeSlack = Awaited<ReturnType<typeof startFakeSlack>>;

/** Every word a Slack message shows: its text, and the text in its blocks (rich text, sections, fields, headers, buttons). */
export function slackWords(args: { text?: string; blocks?: unknown[] }): string {
  const words: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (typeof n.text === 'string') words.push(n.text);
    for (const [k, v] of Object.entries(n)) if (k !== 'value' && typeof v === 'object') walk(v);
  };
  walk(args.blocks ?? []);
  return [args.text ?? '', ...words].join('\n');
}
