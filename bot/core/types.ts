// The shared vocabulary of the bot layer: plain types with no imports, so every layer (store, notify, handlers, jobs,
// renderers) can use them without importing a layer above it.

export type ConversationKind = 'personal' | 'channel' | 'groupChat';

/** The chat platforms the bot speaks on: each has its own front end (bot/teams, bot/slack). */
export type Platform = 'teams' | 'slack';

/** The person who sent an activity. */
export interface Sender {
  /** the channel's user id (Teams: 29:...) */
  id: string;
  name: string;
  aadObjectId?: string;
}

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
