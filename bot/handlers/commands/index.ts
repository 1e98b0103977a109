import type { MessageInput, Reply } from '../context.js';
import { askHandler } from './ask.js';
import { dialogMessageTurn } from '../dialogs/message-turn.js';
import { startUpdateHandler, updateTopicHandler } from '../dialogs/start-update.js';
import { changesHandler } from './changes.js';
import { historyHandler } from './history.js';
import { PATTERNS } from './patterns.js';
import { postUpdatesHereHandler } from './post-here.js';
import { makeRoleHandler, whoAreLeadsHandler } from './roles.js';

/** A text command: a pattern over the normalised text and the handler it runs. */
export interface TextCommand {
  name: string;
  pattern: RegExp;
  handle(input: MessageInput, match: RegExpMatchArray): Promise<Reply | Reply[]>;
}

/** Commands, tried in order before the text is treated as a plan question. */
export const TEXT_COMMANDS: TextCommand[] = [
  { name: 'history', pattern: PATTERNS.history, handle: historyHandler },
  { name: 'what changed', pattern: PATTERNS.changes, handle: changesHandler },
  { name: 'make role', pattern: PATTERNS.makeRole, handle: makeRoleHandler },
  { name: 'who are the leads', pattern: PATTERNS.whoAreLeads, handle: whoAreLeadsHandler },
  { name: 'post updates here', pattern: PATTERNS.postUpdatesHere, handle: postUpdatesHereHandler },
  { name: 'update conversation', pattern: PATTERNS.startUpdate, handle: startUpdateHandler },
  { name: 'update conversation about a topic', pattern: PATTERNS.updateTopic, handle: updateTopicHandler },
];

/** Routes a message: a conversation in progress takes it first; then the first matching command, otherwise a plan question (which answers help for anything not understood). */
export async function handleText(input: MessageInput): Promise<Reply[]> {
  const dialog = await dialogMessageTurn(input);
  if (dialog.handled) return dialog.replies;
  const text = input.text.trim();
  for (const command of TEXT_COMMANDS) {
    const match = text.match(command.pattern);
    if (match) return [...dialog.replies, ...[await command.handle(input, match)].flat()];
  }
  return [...dialog.replies, await askHandler(input)];
}
