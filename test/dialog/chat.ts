import { expect } from 'vitest';
import { validateCard } from '../../cards/validate.js';
import type { OpenStore } from '../../bot/store/database.js';
import { loadPlanView } from '../../bot/store/plans.js';
import { grantRole } from '../../bot/store/people.js';
import { buttons } from '../cards/card-walk.js';
import { cardOf, type TestBot, textOf } from '../support/bot.js';
import { asPerson, makeInstall, makeInvoke, makeMessage, makeSubmit, TEAMS } from '../support/activities.js';

/** People the dialog tests talk as. */
export const ali = TEAMS.user('Ali Burlington', '29:ali');
export const sam = TEAMS.user('Sam Member', '29:sam');
export const PARTNERSHIP = 'City of London';

/** Ali as a CST lead, and the bot installed in the partnership channel (so RAG changes are announced). */
export async function setUpPeople(bot: TestBot): Promise<void> {
  await grantRole(bot.store.db, { partnership: PARTNERSHIP, person: asPerson(TEAMS.user()), role: 'lead', organisation: 'CST' });
  await bot.post(makeInstall(bot.connector.url));
  bot.connector.clear();
}

/** A sent activity's text and card; every card is checked with the validator. */
export interface Said {
  text: string;
  card: any;
}

function said(activity: { text?: string; attachments?: { contentType: string; content: unknown }[] }): Said {
  const card = cardOf(activity);
  if (card) expect(validateCard(card)).toEqual([]);
  return { text: textOf(activity), card };
}

/** Sends a message in the person's personal chat and returns what the bot said there. */
export async function say(bot: TestBot, text: string, from = ali, overrides: Record<string, unknown> = {}): Promise<Said[]> {
  const conversation = TEAMS.personalOf(from.id);
  bot.connector.clear();
  const res = await bot.post(makeMessage(bot.connector.url, { text, from, conversation, ...overrides }));
  expect(res.status).toBe(200);
  return bot.connector.to(conversation.id).map((s) => said(s.activity));
}

/** The Action.Execute with this title on a card. */
export function buttonOn(card: object, title: string): { verb: string; data: Record<string, unknown> } {
  const found = buttons(card).find((b) => b.title === title);
  if (!found)
    throw new Error(
      `No button "${title}" on the card; it has: ${buttons(card)
        .map((b) => b.title)
        .join(', ')}`,
    );
  return found as { verb: string; data: Record<string, unknown> };
}

/** Clicks a button as Teams desktop does (an adaptiveCard/action invoke, inputs merged into data); returns the card that replaces it and any new messages. */
export async function click(
  bot: TestBot,
  card: object,
  title: string,
  inputs: Record<string, unknown> = {},
  from = ali,
): Promise<{ replaced: Said; messages: Said[] }> {
  const { verb, data } = buttonOn(card, title);
  const conversation = TEAMS.personalOf(from.id);
  bot.connector.clear();
  const res = await bot.post(makeInvoke(bot.connector.url, verb, { ...data, ...inputs }, { from, conversation }));
  expect(res.status).toBe(200);
  const body = res.body.value;
  const replaced =
    res.body.type === 'application/vnd.microsoft.card.adaptive'
      ? said({ text: JSON.stringify(body), attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: body }] })
      : { text: String(body), card: undefined };
  return { replaced, messages: bot.connector.to(conversation.id).map((s) => said(s.activity)) };
}

/** Clicks a button as Teams mobile does (Action.Submit: a message with the data in value). */
export async function submit(bot: TestBot, card: object, title: string, inputs: Record<string, unknown> = {}, from = ali): Promise<Said[]> {
  const { data } = buttonOn(card, title);
  const conversation = TEAMS.personalOf(from.id);
  bot.connector.clear();
  await bot.post(makeSubmit(bot.connector.url, { ...data, ...inputs }, { from, conversation }));
  return bot.connector.to(conversation.id).map((s) => said(s.activity));
}

/** An action of the demo plan as it is now. */
export async function action(bot: { store: OpenStore }, ref: number) {
  const plan = await loadPlanView(bot.store.db, PARTNERSHIP);
  return plan!.actions.find((a) => a.ref === ref)!;
}

/** An action's history entries, newest first. */
export async function history(bot: { store: OpenStore }, ref: number) {
  const a = await action(bot, ref);
  return bot.store.db.actionUpdate.findMany({ where: { actionId: a.id }, orderBy: { id: 'desc' } });
}

/** What was announced in the partnership channel. */
export function announcements(bot: TestBot): string[] {
  return bot.connector.to(TEAMS.channelId).map((s) => textOf(s.activity));
}
