import { expect } from 'vitest';
import { validateCard } from '../../cards/validate.js';
import { loadConfig } from '../../bot/config.js';
import type { Services } from '../../bot/core/context.js';
import { errorReply } from '../../bot/core/error-reply.js';
import type { ConversationKind, Reply } from '../../bot/core/types.js';
import { loadDemoPlanIfEmpty } from '../../bot/demo.js';
import type { Notifier } from '../../bot/notify/notifier.js';
import { createOutboxSender } from '../../bot/notify/outbox-sender.js';
import { handleCardAction, handleText } from '../../bot/routes/dispatch.js';
import { resolveTurn } from '../../bot/routes/turn-context.js';
import { openStore } from '../../bot/store/database.js';
import { buttons } from '../cards/card-walk.js';
import { TEAMS } from './activities.js';
import { fakeClock } from './bot.js';
import { createTestDatabase } from './database.js';

/** Something the bot said: the text, and the card (checked with the validator) when there is one. */
export interface Said {
  text: string;
  card: any;
}

/** Someone talking to the bot. */
export interface Speaker {
  id: string;
  name: string;
}

const said = (reply: Reply): Said => {
  if (reply.card) expect(validateCard(reply.card)).toEqual([]);
  return { text: reply.text, card: reply.card };
};

/** The Action.Execute or Action.Submit with this title on a card. */
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

/**
 * An in-process conversation driver: the real route table, turn context, handlers and store (a fresh database with the
 * demo plan), without HTTP or botbuilder. Script who says what and which button they press, and look at what they see;
 * proactive messages (announcements, reminders) are queued in the outbox and, after each turn, drained into a record instead of sent. The real-HTTP tests sit on top of this.
 */
export async function startConversation(options: { now?: string } = {}) {
  const database = await createTestDatabase();
  const config = loadConfig({ DATABASE_URL: database.url, PORT: '3978' });
  const store = await openStore(config.DATABASE_URL);
  const clock = fakeClock(options.now ?? '2026-11-22T10:00:00Z');
  await loadDemoPlanIfEmpty(store, config.DEFAULT_PARTNERSHIP, clock.now());
  const proactive: { conversationId: string; reply: Reply }[] = [];
  const notifier: Notifier = {
    async send(conversation, reply) {
      if (!conversation.active) return { outcome: 'gone', reason: 'removed-or-blocked', status: null, attempts: 0 };
      proactive.push({ conversationId: conversation.conversationId, reply });
      return { outcome: 'sent', attempts: 1 };
    },
  };
  const outbox = createOutboxSender({ store, notifier, now: clock.now });
  const services: Services = { config, store, now: clock.now, notifier, outbox };
  let activities = 0;

  /** The turn as the route table sees it, after the conversation is remembered (as the Teams adapter does). */
  async function turnIn(from: Speaker, conversation: { id: string; kind: ConversationKind }) {
    const { partnership } = await store.conversations.enter(
      {
        conversationId: conversation.id,
        kind: conversation.kind,
        reference: { conversation: { id: conversation.id } },
        serviceUrl: 'in-process',
        userChatId: from.id,
        now: clock.now(),
      },
      async () => config.DEFAULT_PARTNERSHIP,
    );
    if (!partnership) throw new Error('The conversation belongs to no partnership');
    return resolveTurn(services, { partnership, sender: from, conversation, activityId: `activity-${++activities}` });
  }

  const personal = (from: Speaker) => ({ id: TEAMS.personalOf(from.id).id, kind: 'personal' as const });
  const channel = { id: TEAMS.channel.id, kind: 'channel' as const };

  /** Runs a card verb as either kind of button does; a refused action comes back as the error card, as in Teams. */
  async function cardAction(from: Speaker, card: object, title: string, inputs: Record<string, unknown>) {
    const { verb, data } = buttonOn(card, title);
    const turn = await turnIn(from, personal(from));
    try {
      return await handleCardAction({ ...turn, verb, data: { ...data, ...inputs } });
    } catch (err) {
      return { replaceCard: errorReply(err) };
    } finally {
      await outbox.drain();
    }
  }

  return {
    services,
    store,
    clock,
    /** The bot is added to the partnership's team channel (where RAG changes are announced). */
    async install(): Promise<void> {
      await turnIn({ id: TEAMS.bot.id, name: TEAMS.bot.name }, channel);
    },
    /** Someone types in their personal chat with the bot (or in the channel); what the bot answers. */
    async say(text: string, from: Speaker, where: 'personal' | 'channel' = 'personal'): Promise<Said[]> {
      const turn = await turnIn(from, where === 'channel' ? channel : personal(from));
      try {
        return (await handleText({ ...turn, text })).map(said);
      } catch (err) {
        return [said(errorReply(err))];
      } finally {
        await outbox.drain();
      }
    },
    /** Presses a button as Teams desktop does (Action.Execute): the card that replaces it, and any new messages. */
    async click(card: object, title: string, inputs: Record<string, unknown> = {}, from: Speaker) {
      const result = await cardAction(from, card, title, inputs);
      const replaced = result.replaceCard ? said(result.replaceCard) : { text: result.toast ?? 'Done.', card: undefined };
      return { replaced, messages: (result.messages ?? []).map(said) };
    },
    /** Presses a button as Teams mobile does (Action.Submit): everything arrives as new messages. */
    async submit(card: object, title: string, inputs: Record<string, unknown> = {}, from: Speaker): Promise<Said[]> {
      const result = await cardAction(from, card, title, inputs);
      return [...(result.replaceCard ? [result.replaceCard] : []), ...(result.messages ?? [])].map(said);
    },
    /** Texts the bot sent on its own to the partnership channel (announcements). */
    announcements(): string[] {
      return proactive.filter((p) => p.conversationId === channel.id).map((p) => p.reply.text);
    },
    async close(): Promise<void> {
      await store.close();
      await database.drop();
    },
  };
}

export type Conversation = Awaited<ReturnType<typeof startConversation>>;
