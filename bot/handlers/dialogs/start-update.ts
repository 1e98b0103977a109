import { buildDialogChoiceCard } from '../../../cards/dialog-choice.js';
import { buildMessageCard } from '../../../cards/message-card.js';
import { parseRagAnswer } from '../../plan/dialog/answers.js';
import { findTopicActions } from '../../plan/dialog/topic.js';
import { canUpdate } from '../../plan/permissions.js';
import { actionByRef } from '../../plan/query.js';
import type { MessageInput, Reply } from '../../core/context.js';
import { beginUpdateDialog } from './begin.js';

/** "update action 18", "update 18", "update 18 to amber": starts the conversation about that action. */
export async function startUpdateHandler(input: MessageInput, match: RegExpMatchArray): Promise<Reply[]> {
  return startByRef(input, match[1] ?? '', match[2]);
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
  const topic = match[1]!.trim();
  const byRef = topic.match(/^(?:action\s*)?#?(\d{1,4}(?:\.\d{1,3})*[a-z]?)$/i);
  if (byRef) return startByRef(input, byRef[1] ?? '');
  const { store } = input.services;
  const plan = await store.plans.require(input.partnership);
  const found = findTopicActions(plan, topic);
  const person = input.person;
  const mine = found.filter((a) => person !== null && canUpdate(person, a));
  if (mine.length === 1) return beginUpdateDialog(input, mine[0]!, plan.timeZone);
  if (mine.length > 1) return [buildDialogChoiceCard({ topic, actions: mine })];
  const refs = found.map((a) => a.ref).join(', ');
  const line = found.length
    ? `Actions that mention "${topic}" (${refs}) are not ones you can update: their leads or the coordinator can.`
    : `I couldn't find an action that mentions "${topic}". Say "update action" and its number, or ask "anything on ${topic}?" to look.`;
  return [buildMessageCard({ lines: [line] })];
}
