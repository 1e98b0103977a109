import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { buildMessageCard } from '../../cards/message-card.js';
import { VERBS } from '../../cards/verbs.js';
import type { CardActionResult, MessageInput, Reply, Services, TurnInput } from '../core/context.js';
import { errorReply } from '../core/error-reply.js';
import { AppError } from '../errors.js';
import { firstRefusal } from '../identity/tenancy.js';
import { logger } from '../logger.js';
import { handleCardAction, handleText } from '../routes/dispatch.js';
import { slackConversationId } from '../store/slack.js';
import { homeBoard } from './home.js';
import { FORM_CALLBACK, type FormMetadata, homeView, modalValues, toModal, toSlackMessages } from './render.js';
import { readSlackText } from './text.js';
import { kindOf, slackPartnership, slackPerson, slackTurn, type SlackWhere } from './turn.js';

const log = logger('slack');

/** How long a Slack event id is remembered, so a retry (X-Slack-Retry-Num) runs nothing again. */
const REMEMBER_MS = 60 * 60_000;
const LEASE_MS = 2 * 60_000;

const NOT_LINKED = buildMessageCard({
  title: 'Not linked to a partnership',
  lines: [
    'This Slack workspace is not linked to a Prevent partnership yet, so I cannot show or change any plan here. Ask your Prevent coordinator to have it linked (npm run cli -- partnership link <name> --slack-team <workspace id>).',
  ],
});

/** Where replies go: a channel (in a thread when asked there), or an ephemeral message to one person. */
interface Target {
  channel: string;
  threadTs?: string;
  /** only this person sees it */
  ephemeralTo?: string;
}

/** Posts a reply (every page of it) where it belongs. */
async function post(client: WebClient, target: Target, reply: Reply): Promise<void> {
  for (const message of toSlackMessages(reply)) {
    const body = { channel: target.channel, text: message.text, ...(message.blocks ? { blocks: message.blocks } : {}) };
    if (target.ephemeralTo) await client.chat.postEphemeral({ ...body, user: target.ephemeralTo });
    else await client.chat.postMessage({ ...body, ...(target.threadTs ? { thread_ts: target.threadTs } : {}) });
  }
}

/** Runs a request's work once per Slack event id across instances: a retry of an event already handled does nothing. */
async function once(services: Services, eventId: string | undefined, run: () => Promise<void>): Promise<void> {
  if (!eventId) return run();
  const key = `slack:${eventId}`;
  const at = services.now();
  const claim = await services.store.turnReplies.claim({ key, at, ttlMs: REMEMBER_MS, leaseMs: LEASE_MS });
  if (claim.kind === 'retry') {
    log.info({ eventId }, 'Retried Slack event: already handled, nothing runs again');
    return;
  }
  try {
    await run();
  } finally {
    await services.store.turnReplies.finish(key);
  }
}

/**
 * A request from a workspace: the turn resolved, then the work; a workspace linked to no partnership is told so once;
 * any failure is logged and the person told in plain words (the one error boundary for Slack).
 */
async function withTurn(
  services: Services,
  client: WebClient,
  where: SlackWhere,
  activityId: string,
  reply: Target,
  work: (turn: TurnInput) => Promise<void>,
): Promise<void> {
  try {
    const partnership = await slackPartnership(services, where.teamId);
    if (!partnership) {
      log.warn({ teamId: where.teamId }, 'Slack request from a workspace not linked to any partnership');
      if (firstRefusal(services.store, slackConversationId(where.teamId, where.channel))) await post(client, reply, NOT_LINKED);
      return;
    }
    await work(await slackTurn(services, client, partnership, where, activityId));
  } catch (err) {
    const code = err instanceof AppError ? err.code : 'UNEXPECTED';
    if (err instanceof AppError) log.warn({ code, msg: err.message }, 'Slack request refused');
    else log.error({ code, err }, 'Slack request failed');
    await post(client, reply, errorReply(err)).catch((sendError: unknown) =>
      log.error({ err: sendError }, 'Could not tell the Slack user about a failed request'),
    );
  }
}

/** Mentions of other people, recognised and named as the bot knows them (ids, never names, say who they are). */
async function withMentions(turn: TurnInput, client: WebClient, where: SlackWhere, raw: string, botUserId?: string): Promise<MessageInput> {
  const read = readSlackText(raw, botUserId);
  let text = read.text;
  const mentions: NonNullable<MessageInput['mentions']> = [];
  for (const m of read.mentions) {
    const other = await slackPerson(turn.services, client, turn.partnership, where.userTeamId, m.userId);
    text = text.split(`@${m.label}`).join(`@${other.name}`);
    mentions.push({ chatId: other.chatId, displayName: other.name, aadObjectId: other.person?.aadObjectId ?? null });
  }
  return { ...turn, text, mentions };
}

/** Typed text through the route table, each reply posted. */
async function answerText(input: MessageInput, client: WebClient, target: Target): Promise<void> {
  if (!input.text) {
    await post(client, target, { text: 'Ask me about the plan, for example "what\'s amber?", or say "help".' });
    return;
  }
  for (const reply of await handleText(input)) await post(client, target, reply);
}

type Payload = Record<string, unknown> & { type?: string };
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Registers every Slack listener on the Bolt app: the one visible place that says what the bot answers in Slack. */
export function registerSlackListeners(app: App, services: Services): void {
  // Questions in channels: "@Prevent what's amber?" (answered in the thread)
  app.event('app_mention', async ({ event, body, client, context }) => {
    const e = event as unknown as Payload;
    const teamId = str((body as Payload).team_id);
    const channel = str(e.channel);
    const where: SlackWhere = {
      teamId,
      userTeamId: str(e.user_team) || teamId,
      userId: str(e.user),
      channel,
      kind: kindOf(undefined, channel),
    };
    const target = { channel, threadTs: str(e.thread_ts) || str(e.ts) };
    await once(services, str((body as Payload).event_id), () =>
      withTurn(services, client, where, str((body as Payload).event_id), target, async (turn) =>
        answerText(await withMentions(turn, client, where, str(e.text), context.botUserId), client, target),
      ),
    );
  });

  // Direct messages: questions and the typed update conversation
  app.event('message', async ({ event, body, client, context }) => {
    const e = event as unknown as Payload;
    if (e.channel_type !== 'im' || e.subtype || e.bot_id) return;
    const teamId = str((body as Payload).team_id);
    const channel = str(e.channel);
    const where: SlackWhere = { teamId, userTeamId: str(e.user_team) || teamId, userId: str(e.user), channel, kind: 'personal' };
    await once(services, str((body as Payload).event_id), () =>
      withTurn(services, client, where, str((body as Payload).event_id), { channel }, async (turn) =>
        answerText(await withMentions(turn, client, where, str(e.text), context.botUserId), client, { channel }),
      ),
    );
  });

  // "/prevent what's amber?": acknowledged at once, answered to the person who asked
  app.command(/.*/, async ({ command, ack, client }) => {
    await ack();
    const channel = command.channel_id;
    const where: SlackWhere = {
      teamId: command.team_id,
      userTeamId: command.team_id,
      userId: command.user_id,
      channel,
      kind: kindOf(command.channel_name === 'directmessage' ? 'im' : undefined, channel),
    };
    const target: Target = where.kind === 'personal' ? { channel } : { channel, ephemeralTo: command.user_id };
    await withTurn(services, client, where, `slash:${command.trigger_id}`, target, async (turn) =>
      answerText(await withMentions(turn, client, where, command.text), client, target),
    );
  });

  // Buttons: card verbs through the route table; a form opens in a modal
  app.action(/.*/, async ({ ack, body, client }) => {
    await ack();
    await onButton(services, client, body as unknown as Payload);
  });

  // The form modal saved
  app.view(FORM_CALLBACK, async ({ ack, body, view, client }) => {
    await onFormSubmit(services, client, body as unknown as Payload, view as unknown as Payload, ack as (r?: object) => Promise<void>);
  });

  // The App Home tab: the plan board
  app.event('app_home_opened', async ({ event, body, client }) => {
    const e = event as unknown as Payload;
    if (e.tab !== 'home') return;
    const teamId = str((body as Payload).team_id);
    const userId = str(e.user);
    const where: SlackWhere = { teamId, userTeamId: teamId, userId, channel: str(e.channel) || userId, kind: 'personal' };
    await once(services, str((body as Payload).event_id), () =>
      withTurn(services, client, where, str((body as Payload).event_id), { channel: userId }, async (turn) => {
        await client.views.publish({ user_id: userId, view: homeView(await homeBoard(turn)) as never });
      }),
    );
  });
}

/** Who pressed a button or saved a modal, and where. */
function interactionWhere(body: Payload, channel: string): SlackWhere {
  const user = (body.user ?? {}) as Payload;
  const teamId = str((body.team as Payload | undefined)?.id) || str(user.team_id);
  return { teamId, userTeamId: str(user.team_id) || teamId, userId: str(user.id), channel, kind: kindOf(undefined, channel) };
}

/** A button press: url buttons do nothing here; form buttons open the form; other verbs go through the route table. */
async function onButton(services: Services, client: WebClient, body: Payload): Promise<void> {
  const action = ((body.actions as Payload[] | undefined) ?? [])[0];
  if (!action || str(action.action_id).startsWith('url:')) return;
  const container = (body.container ?? {}) as Payload;
  const fromHome = container.type === 'view';
  const userId = str((body.user as Payload | undefined)?.id);
  const channel = fromHome ? userId : str((body.channel as Payload | undefined)?.id) || str(container.channel_id);
  const ts = fromHome ? undefined : str(container.message_ts) || undefined;
  const where = interactionWhere(body, channel);
  const inDm = where.kind === 'personal';
  const target: Target = inDm || fromHome ? { channel } : { channel, ephemeralTo: userId };
  await withTurn(services, client, where, `action:${str(body.trigger_id)}`, target, async (turn) => {
    let data: Record<string, unknown>;
    try {
      data = JSON.parse(str(action.value)) as Record<string, unknown>;
    } catch {
      throw new AppError('INVALID_INPUT', 'That button sent no action. Please ask again.');
    }
    const verb = str(data.verb);
    if (data.form === true || verb === VERBS.openUpdate) {
      const actionId = Number(data.actionId);
      const opened = await handleCardAction({ ...turn, verb: VERBS.refreshAction, data: { verb: VERBS.refreshAction, actionId } });
      const preset = (data.preset ?? {}) as Record<string, string>;
      const modal = opened.replaceCard ? toModal(opened.replaceCard, { channel: fromHome ? undefined : channel, ts }, preset) : null;
      if (modal) await client.views.open({ trigger_id: str(body.trigger_id), view: modal as never });
      else if (opened.replaceCard)
        await post(client, { ...target, ephemeralTo: inDm || fromHome ? undefined : userId }, opened.replaceCard);
      return;
    }
    const result = await handleCardAction({ ...turn, verb, data });
    await deliverResult(client, result, { target, channel, ts, inDm, userId });
  });
}

/**
 * What a card action produced: the replacement card updates the message in a DM (in a channel only the person who
 * pressed sees it, as in Teams); new messages are posted; a toast is shown to that person alone.
 */
async function deliverResult(
  client: WebClient,
  result: CardActionResult,
  at: { target: Target; channel: string; ts?: string; inDm: boolean; userId: string },
): Promise<void> {
  if (result.replaceCard) {
    const [first, ...rest] = toSlackMessages(result.replaceCard);
    if (at.inDm && at.ts && first) {
      await client.chat.update({ channel: at.channel, ts: at.ts, text: first.text, ...(first.blocks ? { blocks: first.blocks } : {}) });
      for (const page of rest)
        await client.chat.postMessage({ channel: at.channel, text: page.text, ...(page.blocks ? { blocks: page.blocks } : {}) });
    } else await post(client, at.target, result.replaceCard);
  }
  for (const message of result.messages ?? []) await post(client, at.inDm ? { channel: at.channel } : at.target, message);
  if (result.toast && !result.replaceCard && !result.messages?.length)
    await post(client, { channel: at.channel, ephemeralTo: at.inDm ? undefined : at.userId }, { text: result.toast });
}

/** The form modal saved: the same handler as Teams' Save; a refusal that keeps the form (stale, stopped, invalid) updates the modal. */
async function onFormSubmit(
  services: Services,
  client: WebClient,
  body: Payload,
  view: Payload,
  ack: (response?: object) => Promise<void>,
): Promise<void> {
  let meta: FormMetadata;
  try {
    meta = JSON.parse(str(view.private_metadata)) as FormMetadata;
  } catch {
    await ack();
    return;
  }
  const userId = str((body.user as Payload | undefined)?.id);
  const channel = meta.channel ?? userId;
  const where = interactionWhere(body, channel);
  const inDm = where.kind === 'personal' || !meta.channel;
  const target: Target = inDm ? { channel } : { channel, ephemeralTo: userId };
  let acked = false;
  await withTurn(services, client, where, `view:${str(view.id)}:${str(view.hash)}`, target, async (turn) => {
    const values = modalValues(view.state);
    const result = await handleCardAction({ ...turn, verb: meta.verb, data: { ...meta.data, ...values } });
    const again = result.replaceCard ? toModal(result.replaceCard, { channel: meta.channel, ts: meta.ts }) : null;
    acked = true;
    if (again) {
      await ack({ response_action: 'update', view: again });
      return;
    }
    await ack();
    await deliverResult(client, result, { target, channel, ts: meta.ts, inDm, userId });
  });
  if (!acked) await ack();
}
