import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { MessageInput, Services, TurnInput } from '../core/context.js';
import { handleText } from '../routes/dispatch.js';
import { homeBoard } from './home.js';
import { onButton, onFormSubmit, type Payload } from './interactions.js';
import { FORM_CALLBACK, homeView } from './render.js';
import { once, post, type Target, withTurn } from './reply.js';
import { readSlackText } from './text.js';
import { slackConversationKind } from './conversation-kind.js';
import { slackPerson, type SlackWhere } from './turn.js';

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

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

const FILES_IN_SLACK =
  'I cannot read files sent in Slack yet. To import a plan, send the file to me in Teams personal chat, or ask your operator to run npm run cli -- import <file>.';

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
      kind: await slackConversationKind(client, channel),
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
    const fileShared = e.subtype === 'file_share';
    if (e.channel_type !== 'im' || (e.subtype && !fileShared) || e.bot_id) return;
    const teamId = str((body as Payload).team_id);
    const channel = str(e.channel);
    const where: SlackWhere = { teamId, userTeamId: str(e.user_team) || teamId, userId: str(e.user), channel, kind: 'personal' };
    await once(services, str((body as Payload).event_id), () =>
      withTurn(services, client, where, str((body as Payload).event_id), { channel }, async (turn) =>
        fileShared
          ? post(client, { channel }, { text: FILES_IN_SLACK })
          : answerText(await withMentions(turn, client, where, str(e.text), context.botUserId), client, { channel }),
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
      kind: await slackConversationKind(client, channel, command.channel_name === 'directmessage' ? 'im' : undefined),
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
