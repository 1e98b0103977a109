import type { Config } from '../config.js';
import type { Notifier } from '../notify/notifier.js';
import type { OutboxSender } from '../notify/outbox-sender.js';
import type { Store } from '../store/database.js';
import type { PersonInfo } from '../store/people-rows.js';
import type { ConversationKind, Reply, Sender } from './types.js';

export type { ConversationKind, Reply, Sender } from './types.js';

/** What every handler, feature service and job needs from the outside world, passed down from the entry point. */
export interface Services {
  config: Config;
  store: Store;
  /** the current instant; injectable for tests */
  now(): Date;
  /** sends one proactive message (the outbox sender's transport) */
  notifier: Notifier;
  /** the outbox sender: proactive messages are queued in the store and sent by it, never from a turn */
  outbox: OutboxSender;
}

/**
 * What a turn did, for its one log line: the route it took (a command's name, a card verb, "plan question"; never the
 * words of the message) and how it ended. Filled in by the route table; written by the Teams turn handler.
 */
export interface TurnTrace {
  route?: string;
  outcome: 'answered' | 'refused' | 'invalid' | 'error' | 'not linked' | 'retry' | 'ignored';
  code?: string;
}

/** A turn as handlers see it: no botbuilder types. */
export interface TurnInput {
  services: Services;
  partnership: string;
  sender: Sender;
  /** who the sender is in the partnership, resolved once per turn (null: someone the bot does not know) */
  person: PersonInfo | null;
  conversation: { id: string; kind: ConversationKind };
  /** the activity id: the key for idempotent side effects */
  activityId: string;
  /** where the route table notes what the turn did (for the turn's log line) */
  trace?: TurnTrace;
}

/** A text message, with any @mention of the bot removed (other people's mentions read "@Name"). */
export interface MessageInput extends TurnInput {
  text: string;
  /** the people @mentioned, as Teams identified them (ids, never names, say who they are) */
  mentions?: { chatId: string; displayName: string; aadObjectId?: string | null }[];
}

/** A card action (Action.Execute invoke, or Action.Submit message) with its verb and data. */
export interface CardActionInput extends TurnInput {
  verb: string;
  data: Record<string, unknown>;
}

/** What a card action produces: a card to replace the one clicked, and/or new messages. */
export interface CardActionResult {
  replaceCard?: Reply;
  messages?: Reply[];
  /** a short line Teams shows when the card is not replaced */
  toast?: string;
}
