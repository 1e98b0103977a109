import { z } from 'zod';
import { buildDialogChoiceCard } from '../../../cards/dialog-choice.js';
import { buildMessageCard } from '../../../cards/message-card.js';
import type { CardActionInput, CardActionResult, MessageInput, Reply } from '../../core/context.js';
import { parseRagAnswer } from '../../plan/dialog/answers.js';
import { findTopicActions } from '../../plan/dialog/topic.js';
import { UPDATE_STEPS } from '../../plan/dialog/update-dialog.js';
import { canUpdate } from '../../plan/permissions.js';
import { actionByRef } from '../../plan/query.js';
import { PATTERNS } from '../../handlers/commands/patterns.js';
import { planAndAction } from '../updates/update-service.js';
import { answerDialog, beginUpdateDialog, type DialogTurn } from './service.js';
import { scopeOf } from '../plans/scope.js';
import { closedPlanMessage } from '../plans/words.js';

// The update conversation's entry points: typed commands, card buttons, and messages while it is in progress.

/** "update action 18", "update 18", "update 18 to amber": starts the conversation about that action. */
export async function startUpdateHandler(input: MessageInput, match: RegExpMatchArray): Promise<Reply[]> {
  const refused = await notLivePlan(input, match[1] ?? '');
  if (refused) return [refused];
  return startByRef(input, match[1] ?? '', match[2]);
}

/** "update 2.2 to amber in the 2020–24 plan": a plan other than the live one is named, so nothing is updated (why, in words). */
async function notLivePlan(input: MessageInput, ref: string): Promise<Reply | null> {
  const scope = await scopeOf(input.services, input.partnership, input.text);
  if (scope.kind === 'unmatched') return scope.reply;
  if (scope.kind === 'live') return null;
  const action = actionByRef(scope.plan.actions, ref);
  return buildMessageCard({ lines: [closedPlanMessage(action?.label ?? ref, { ...scope.plan, status: scope.plan.status ?? 'archived' })] });
}

async function startByRef(input: MessageInput, ref: string, ragText?: string): Promise<Reply[]> {
  const plan = await input.services.store.plans.require(input.partnership);
  const action = actionByRef(plan.actions, ref);
  if (!action) return [buildMessageCard({ lines: [`There is no action ${ref} in ${plan.title}. Ask "summary" to see the plan.`] })];
  const rag = ragText ? parseRagAnswer(ragText, action.rag) : null;
  return beginUpdateDialog(input, action, plan.timeZone, rag);
}

/** "I've got an update on faith groups": finds the action the person can update, or asks which one. */
export async function updateTopicHandler(input: MessageInput, match: RegExpMatchArray): Promise<Reply[]> {
  const refused = await notLivePlan(input, '');
  if (refused) return [refused];
  const topic = (match[1] ?? '').trim();
  const byRef = topic.match(/^(?:action\s*)?#?(\d{1,4}(?:\.\d{1,3})*[a-z]?)$/i);
  if (byRef) return startByRef(input, byRef[1] ?? '');
  const plan = await input.services.store.plans.require(input.partnership);
  const found = findTopicActions(plan, topic);
  const person = input.person;
  const mine = found.filter((a) => person !== null && canUpdate(person, a));
  const [only] = mine;
  if (only && mine.length === 1) return beginUpdateDialog(input, only, plan.timeZone);
  if (mine.length > 1) return [buildDialogChoiceCard({ topic, actions: mine })];
  const refs = found.map((a) => a.ref).join(', ');
  const line = found.length
    ? `Actions that mention "${topic}" (${refs}) are not ones you can update: their leads or the coordinator can.`
    : `I couldn't find an action that mentions "${topic}". Say "update action" and its number, or ask "anything on ${topic}?" to look.`;
  return [buildMessageCard({ lines: [line] })];
}

/** Gives a message to the person's conversation in progress, if they have one: it takes the message first. */
export function dialogMessageTurn(input: MessageInput): Promise<DialogTurn> {
  const text = input.text.trim();
  const startsAnother = PATTERNS.startUpdate.test(text) || PATTERNS.updateTopic.test(text);
  return answerDialog(input, { text }, startsAnother);
}

/** What "Update action 18" sends: the action's id. */
export const StartData = z.object({ actionId: z.coerce.number().int().positive() });

/** What an answer button sends: the conversation, its action, the step it answers, and the answer. */
export const AnswerData = z.object({
  dialogId: z.coerce.number().int().positive(),
  actionId: z.coerce.number().int().positive(),
  step: z.enum(UPDATE_STEPS),
  answer: z.union([z.string().max(4000), z.number()]).optional(),
});

const asResult = (replies: Reply[]): CardActionResult => ({ replaceCard: replies[0], messages: replies.slice(1) });

/** "Update action 18" on a choice or a round's request: starts the conversation as a new message, leaving the card as it was. */
export async function dialogStartHandler(input: CardActionInput, data: z.infer<typeof StartData>): Promise<CardActionResult> {
  const { plan, action } = await planAndAction(input.services, input.partnership, data.actionId);
  return {
    messages: await beginUpdateDialog(input, action, plan.timeZone),
    toast: `Let's update action ${action.ref}: the first question is below.`,
  };
}

/** A button on a question card: the same answer as typing it, checked against where the conversation is now. */
export async function dialogAnswerHandler(input: CardActionInput, data: z.infer<typeof AnswerData>): Promise<CardActionResult> {
  const turn = await answerDialog(input, { text: String(data.answer ?? ''), button: data });
  return asResult(turn.replies);
}
