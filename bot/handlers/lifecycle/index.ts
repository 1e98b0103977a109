import { buildHelpCard } from '../../../cards/help-card.js';
import type { Reply } from '../../core/context.js';

/** When the bot is added to a team, chat or personal scope, it introduces itself once. */
export function botAddedReplies(): Reply[] {
  const help = buildHelpCard();
  return [{ ...help, text: `Hello! I'm the Prevent plan bot. ${help.text}` }];
}
