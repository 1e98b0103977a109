import type { WebClient } from '@slack/web-api';
import { VERBS } from '../../cards/verbs.js';
import type { CardActionResult, Services } from '../core/context.js';
import { AppError } from '../errors.js';
import { handleCardAction } from '../routes/dispatch.js';
import { type FormMetadata, modalValues, toModal, toSlackMessages } from './render.js';
import { post, type Target, withTurn } from './reply.js';
import { slackConversationKind } from './conversation-kind.js';
import type { SlackWhere } from './turn.js';

// Buttons and modals: card verbs through the same route table as Teams; a form opens in a modal and its Save is
// answered by the same handler as Teams' Save.

/** An interactivity payload as Slack sends it (block_actions, view_submission). */
export type Payload = Record<string, unknown> & { type?: string };
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** A modal's Save must be answered within Slack's 3 seconds; past this the modal is closed and the answer comes as a message. */
export const SUBMIT_ACK_BUDGET_MS = 2_500;

/** Who pressed a button or saved a modal, and where. */
async function interactionWhere(client: WebClient, body: Payload, channel: string, personal: boolean): Promise<SlackWhere> {
  const user = (body.user ?? {}) as Payload;
  const teamId = str((body.team as Payload | undefined)?.id) || str(user.team_id);
  // App Home and modals opened from it answer in the person's DM with the app (a user id is a DM channel to post to)
  const kind = personal ? 'personal' : await slackConversationKind(client, channel);
  return { teamId, userTeamId: str(user.team_id) || teamId, userId: str(user.id), channel, kind };
}

/** A button press: url buttons do nothing here; form buttons open the form; other verbs go through the route table. */
export async function onButton(services: Services, client: WebClient, body: Payload): Promise<void> {
  const action = ((body.actions as Payload[] | undefined) ?? [])[0];
  if (!action || str(action.action_id).startsWith('url:')) return;
  const container = (body.container ?? {}) as Payload;
  const fromHome = container.type === 'view';
  const userId = str((body.user as Payload | undefined)?.id);
  const channel = fromHome ? userId : str((body.channel as Payload | undefined)?.id) || str(container.channel_id);
  const ts = fromHome ? undefined : str(container.message_ts) || undefined;
  const where = await interactionWhere(client, body, channel, fromHome);
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
export async function onFormSubmit(
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
  const where = await interactionWhere(client, body, channel, !meta.channel);
  const inDm = where.kind === 'personal';
  const target: Target = inDm ? { channel } : { channel, ephemeralTo: userId };
  // Slack closes a modal with an error after 3 seconds: if the save is slower, the modal is closed first and the
  // result comes as a message instead (a refusal then shows the card with its rating buttons, to try again)
  let acked = false;
  const closeFirst = setTimeout(() => {
    acked = true;
    void ack();
  }, SUBMIT_ACK_BUDGET_MS);
  try {
    await withTurn(services, client, where, `view:${str(view.id)}:${str(view.hash)}`, target, async (turn) => {
      const values = modalValues(view.state);
      const result = await handleCardAction({ ...turn, verb: meta.verb, data: { ...meta.data, ...values } });
      const again = !acked && result.replaceCard ? toModal(result.replaceCard, { channel: meta.channel, ts: meta.ts }) : null;
      if (!acked) {
        clearTimeout(closeFirst);
        acked = true;
        if (again) {
          await ack({ response_action: 'update', view: again });
          return;
        }
        await ack();
      }
      await deliverResult(client, result, { target, channel, ts: meta.ts, inDm, userId });
    });
  } finally {
    clearTimeout(closeFirst);
    if (!acked) await ack();
  }
}
