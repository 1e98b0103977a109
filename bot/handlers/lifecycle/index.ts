import type { TurnContext } from 'botbuilder';
import { buildHelpCard } from '../../../cards/help-card.js';
import type { Reply, TurnInput } from '../../core/context.js';

/** When the bot is added to a team, chat or personal scope, it introduces itself once. */
export async function handleConversationUpdate(context: TurnContext, _base: TurnInput): Promise<Reply[]> {
  const botId = context.activity.recipient?.id;
  const botAdded = (context.activity.membersAdded ?? []).some((m) => m.id === botId);
  if (!botAdded) return [];
  const help = buildHelpCard();
  return [{ ...help, text: `Hello! I'm the Prevent plan bot. ${help.text}` }];
}
