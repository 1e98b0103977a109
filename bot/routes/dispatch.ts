import { askHandler } from '../handlers/commands/ask.js';
import { dialogMessageTurn } from '../features/update-dialog/handlers.js';
import type { CardActionInput, CardActionResult, MessageInput, Reply, TurnInput } from '../core/context.js';
import { AppError } from '../errors.js';
import { CARD_ACTIONS } from './card-actions.js';
import { COMMANDS } from './commands.js';
import { refusalFor } from './route.js';
import { signpostingReplies } from '../handlers/privacy/signposting.js';
import { stopPersonalData } from '../handlers/privacy/stopped-reply.js';

const byVerb = new Map(CARD_ACTIONS.map((route) => [route.verb, route]));

/** Notes the route a turn took on its trace (for the turn's log line); never the message's words. */
function noteRoute(input: TurnInput, route: string): void {
  if (input.trace) input.trace.route = route;
}

/** Whether a message is one of the typed commands. */
const isCommand = (text: string): boolean => COMMANDS.some((route) => route.pattern.test(text));

/** Routes a message: safeguarding questions get the referral route first; personal data is stopped; then a conversation in progress takes it; then the first matching command, otherwise a plan question (which answers help for anything not understood). */
export async function handleText(input: MessageInput): Promise<Reply[]> {
  const trace = (route: string) => noteRoute(input, route);
  const signposting = await signpostingReplies(input);
  if (signposting) {
    trace('safeguarding signposting');
    return signposting;
  }
  const stopped = await stopPersonalData(input);
  if (stopped) {
    trace('personal data stopped');
    if (input.trace) input.trace.outcome = 'refused';
    return stopped;
  }
  const dialog = await dialogMessageTurn(input, isCommand);
  if (dialog.handled) {
    trace('update conversation answer');
    return dialog.replies;
  }
  const text = input.text.trim();
  const after = dialog.after ?? [];
  for (const route of COMMANDS) {
    const match = text.match(route.pattern);
    if (!match) continue;
    trace(route.name);
    const refused = refusalFor(route.needs, input.person);
    if (refused && input.trace) input.trace.outcome = 'refused';
    return [...dialog.replies, ...(refused ? [refused] : [await route.handle(input, match)].flat()), ...after];
  }
  trace('plan question');
  return [...dialog.replies, await askHandler(input), ...after];
}

/** Routes a card action by its verb; an unknown verb (an old card) is an INVALID_INPUT error. */
export async function handleCardAction(input: CardActionInput): Promise<CardActionResult> {
  const route = byVerb.get(input.verb);
  if (input.trace) input.trace.route = route ? route.verb : 'unknown card verb';
  if (!route) throw new AppError('INVALID_INPUT', 'I do not recognise that button. It may be from an older card: please ask again.');
  const refused = refusalFor(route.needs, input.person);
  if (refused && input.trace) input.trace.outcome = 'refused';
  return refused ? { replaceCard: refused } : route.handle(input);
}
