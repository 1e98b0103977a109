import { askHandler } from '../handlers/commands/ask.js';
import { dialogMessageTurn } from '../features/update-dialog/handlers.js';
import type { CardActionInput, CardActionResult, MessageInput, Reply } from '../core/context.js';
import { AppError } from '../errors.js';
import { CARD_ACTIONS } from './card-actions.js';
import { COMMANDS } from './commands.js';
import { refusalFor } from './route.js';
import { signpostingReplies } from '../handlers/privacy/signposting.js';
import { stopPersonalData } from '../handlers/privacy/stopped-reply.js';

const byVerb = new Map(CARD_ACTIONS.map((route) => [route.verb, route]));

/** Whether a message is one of the typed commands. */
const isCommand = (text: string): boolean => COMMANDS.some((route) => route.pattern.test(text));

/** Routes a message: safeguarding questions get the referral route first; personal data is stopped; then a conversation in progress takes it; then the first matching command, otherwise a plan question (which answers help for anything not understood). */
export async function handleText(input: MessageInput): Promise<Reply[]> {
  const signposting = await signpostingReplies(input);
  if (signposting) return signposting;
  const stopped = await stopPersonalData(input);
  if (stopped) return stopped;
  const dialog = await dialogMessageTurn(input, isCommand);
  if (dialog.handled) return dialog.replies;
  const text = input.text.trim();
  const after = dialog.after ?? [];
  for (const route of COMMANDS) {
    const match = text.match(route.pattern);
    if (!match) continue;
    const refused = refusalFor(route.needs, input.person);
    return [...dialog.replies, ...(refused ? [refused] : [await route.handle(input, match)].flat()), ...after];
  }
  return [...dialog.replies, await askHandler(input), ...after];
}

/** Routes a card action by its verb; an unknown verb (an old card) is an INVALID_INPUT error. */
export async function handleCardAction(input: CardActionInput): Promise<CardActionResult> {
  const route = byVerb.get(input.verb);
  if (!route) throw new AppError('INVALID_INPUT', 'I do not recognise that button. It may be from an older card: please ask again.');
  const refused = refusalFor(route.needs, input.person);
  return refused ? { replaceCard: refused } : route.handle(input);
}
