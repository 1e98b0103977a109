import { text } from '../../../cards/elements.js';
import { buildHelpCard } from '../../../cards/help-card.js';
import type { ConversationKind, Reply } from '../../core/context.js';

/** Where the welcome is said, and (in a channel) whether RAG changes are announced there. */
export interface Welcome {
  place: ConversationKind;
  /** true: this channel gets RAG changes (it was chosen with "post updates here", or is the first the bot was added to) */
  announcesHere?: boolean;
}

/** What the welcome says about RAG announcements and @mentions, true to how they work (see announcementConversation). */
function placeLine({ place, announcesHere }: Welcome): string {
  if (place === 'channel')
    return announcesHere
      ? 'I will post RAG changes in this channel. A coordinator can move them to another channel by saying "@Prevent plan post updates here" there. Mention me to ask, for example "@Prevent plan what\'s amber?".'
      : 'RAG changes are posted in another channel of this team. A coordinator can say "@Prevent plan post updates here" in this channel to post them here instead. Mention me to ask, for example "@Prevent plan what\'s amber?".';
  if (place === 'groupChat')
    return 'In this chat I only see messages that mention me: ask, for example, "@Prevent plan what\'s amber?". RAG changes are posted in the partnership\'s channel, not here.';
  return '';
}

/** When the bot is added to a team, chat or personal scope, it introduces itself once. */
export function botAddedReplies(welcome: Welcome = { place: 'personal' }): Reply[] {
  const help = buildHelpCard();
  const line = placeLine(welcome);
  const hello = `Hello! I'm the Prevent plan bot.${line ? ` ${line}` : ''}`;
  const card = help.card as { body?: object[] };
  return [{ card: { ...card, body: [text(hello), ...(card.body ?? [])] }, text: `${hello} ${help.text}` }];
}
