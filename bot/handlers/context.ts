import type { Config } from '../config.js';
import type { Notifier } from '../notify/notifier.js';
import type { Store } from '../store/database.js';

/** What every handler needs from the outside world, passed down from the entry point. */
export interface Services {
  config: Config;
  store: Store;
  /** the current instant; injectable for tests */
  now(): Date;
  /** proactive messages: announcements, reminders, digests */
  notifier: Notifier;
}

/** The person who sent an activity. */
export interface Sender {
  /** the channel's user id (Teams: 29:...) */
  id: string;
  name: string;
  aadObjectId?: string;
}

export type ConversationKind = 'personal' | 'channel' | 'groupChat';

/** One answer: plain text that says everything, and optionally an Adaptive Card that says it better. */
export interface Reply {
  text: string;
  card?: object;
  /** other attachments, e.g. a Teams file consent or file info card */
  attachments?: ReplyAttachment[];
}

/** A non-Adaptive-Card attachment, shaped as the Bot Framework sends it. */
export interface ReplyAttachment {
  contentType: string;
  name?: string;
  contentUrl?: string;
  content?: object;
}

/** A turn as handlers see it: no botbuilder types. */
export interface TurnInput {
  services: Services;
  partnership: string;
  sender: Sender;
  conversation: { id: string; kind: ConversationKind };
  /** the activity id: the key for idempotent side effects */
  activityId: string;
}

/** A text message, with any @mention of the bot removed. */
export interface MessageInput extends TurnInput {
  text: string;
}

/** A card action (Action.Execute invoke, or Action.Submit message) with its verb and data. */
export interface CardActionInput extends TurnInput {
  verb: string;
  data: Record<string, unknown>;
}
