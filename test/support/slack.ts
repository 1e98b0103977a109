import { createHmac } from 'node:crypto';
import { answeredWorkDone } from '../../bot/core/after-answer.js';
import { startTestBot, type TestBot } from './bot.js';
import { startFakeSlack, type FakeSlack } from './fake-slack.js';

export const SIGNING_SECRET = 'c0ffee5ecret0f7hes1ackapp00000000';
export const BOT_TOKEN = 'xoxb-1111-2222-prevent';

/** Signs a body exactly as Slack does: v0= hex HMAC-SHA256 of "v0:{timestamp}:{body}". */
export function slackSignature(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** The real bot with Slack on, answering to a fake Slack Web API on loopback. */
export async function startSlackBot(options: { env?: Record<string, string>; now?: string } = {}) {
  const slack: FakeSlack = await startFakeSlack({ token: BOT_TOKEN });
  const bot: TestBot = await startTestBot({
    now: options.now,
    env: { SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: slack.apiUrl, ...options.env },
  });
  // Slack's answers come after the acknowledgement, so proactive messages are sent as in production: by the running
  // outbox sender, woken by each commit that queued them (bot.close() stops it)
  bot.services.outbox.start();
  let eventNo = 0;
  let ts = 1_800_000_000;

  /** POSTs a raw body to /slack/events with the given headers. */
  async function send(body: string, contentType: string, headers: Record<string, string>) {
    const res = await fetch(`${bot.url}/slack/events`, { method: 'POST', headers: { 'content-type': contentType, ...headers }, body });
    const text = await res.text();
    let json: any = text;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      // keep the text
    }
    return { status: res.status, body: json };
  }

  /** POSTs a body signed as Slack signs it (now, unless a timestamp is given); `retry` adds X-Slack-Retry-Num. */
  function signed(body: string, contentType: string, extra: { timestamp?: number; retry?: number; signature?: string } = {}) {
    const timestamp = extra.timestamp ?? Math.floor(Date.now() / 1000);
    return send(body, contentType, {
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': extra.signature ?? slackSignature(body, timestamp),
      ...(extra.retry ? { 'x-slack-retry-num': String(extra.retry), 'x-slack-retry-reason': 'http_timeout' } : {}),
    });
  }

  const nextTs = () => `${++ts}.000200`;

  return {
    bot,
    slack,
    send,
    signed,
    /** An Events API callback (event_callback) around an event, as Slack sends it. */
    eventBody(event: Record<string, unknown>, eventId = `Ev${String(++eventNo).padStart(8, '0')}`) {
      return JSON.stringify({
        token: 'legacy-verification-token',
        team_id: slack.teamId,
        api_app_id: 'A0PREVENT',
        event: { event_ts: nextTs(), ...event },
        type: 'event_callback',
        event_id: eventId,
        event_time: Math.floor(Date.now() / 1000),
        authorizations: [
          { enterprise_id: null, team_id: slack.teamId, user_id: slack.bot.user_id, is_bot: true, is_enterprise_install: false },
        ],
        is_ext_shared_channel: false,
      });
    },
    /** "@Prevent <text>" in a channel (app_mention). */
    mention(user: string, text: string, channel = 'C0PARTNERS', eventId?: string) {
      return this.eventBody(
        { type: 'app_mention', user, text: `<@${slack.bot.user_id}> ${text}`, ts: nextTs(), channel, team: slack.teamId },
        eventId,
      );
    },
    /** A direct message to the bot (message.im). */
    dm(user: string, text: string, channel = `D0${user}`) {
      return this.eventBody({ type: 'message', channel_type: 'im', user, text, ts: nextTs(), channel, team: slack.teamId });
    },
    /** A slash command, form-encoded as Slack sends it. */
    command(user: string, text: string, channel = 'C0PARTNERS', channelName = 'prevent-partnership') {
      return new URLSearchParams({
        token: 'legacy-verification-token',
        team_id: slack.teamId,
        team_domain: 'prevent',
        channel_id: channel,
        channel_name: channelName,
        user_id: user,
        user_name: user.toLowerCase(),
        command: '/prevent',
        text,
        api_app_id: 'A0PREVENT',
        is_enterprise_install: 'false',
        response_url: `${slack.url}/commands/response`,
        trigger_id: `${Date.now()}.trigger`,
      }).toString();
    },
    /** An interactivity payload (block_actions, view_submission), form-encoded as payload=<json>. */
    interaction(payload: Record<string, unknown>) {
      return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    },
    /** A button press on a message the bot posted. */
    press(
      user: string,
      message: { channel: string; ts: string; blocks?: any[] },
      button: { action_id: string; value?: string; block_id?: string },
    ) {
      return this.interaction({
        type: 'block_actions',
        user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: slack.teamId },
        api_app_id: 'A0PREVENT',
        token: 'legacy-verification-token',
        container: { type: 'message', message_ts: message.ts, channel_id: message.channel, is_ephemeral: false },
        trigger_id: `${Date.now()}.${Math.random().toString(16).slice(2)}`,
        team: { id: slack.teamId, domain: 'prevent' },
        channel: { id: message.channel, name: 'prevent' },
        message: { type: 'message', ts: message.ts, text: '', blocks: message.blocks ?? [] },
        response_url: `${slack.url}/actions/response`,
        actions: [
          { type: 'button', block_id: button.block_id ?? 'b', action_id: button.action_id, value: button.value, action_ts: nextTs() },
        ],
      });
    },
    /** A modal saved (view_submission) with the values typed into it. */
    submit(user: string, view: Record<string, any>, values: Record<string, Record<string, Record<string, unknown>>>) {
      return this.interaction({
        type: 'view_submission',
        team: { id: slack.teamId, domain: 'prevent' },
        user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: slack.teamId },
        api_app_id: 'A0PREVENT',
        token: 'legacy-verification-token',
        trigger_id: `${Date.now()}.submit`,
        view: { id: 'V0FORM', team_id: slack.teamId, type: 'modal', hash: `${Date.now()}.hash`, ...view, state: { values } },
        response_urls: [],
        is_enterprise_install: false,
      });
    },
    async close() {
      // answered to Slack, maybe still working: let it finish before the database goes
      await answeredWorkDone(bot.services);
      await bot.close();
      await slack.close();
    },
  };
}

export type SlackBot = Awaited<ReturnType<typeof startSlackBot>>;
export const JSON_TYPE = 'application/json';
export const FORM_TYPE = 'application/x-www-form-urlencoded';
