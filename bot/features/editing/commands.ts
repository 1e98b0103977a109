import { buildMessageCard } from '../../../cards/message-card.js';
import type { Notice } from '../../../cards/notice.js';
import type { MessageInput, Reply } from '../../core/context.js';
import { AppError } from '../../errors.js';
import { describeChange, parseEditCommand, type EditWords } from '../../plan/editing/index.js';
import { actionByRef } from '../../plan/query.js';
import { ragWords, type PlanView } from '../../plan/types.js';
import { actionCardFor } from '../updates/action-view.js';
import { submitEdit, type EditResult } from '../updates/edit-service.js';
import { addPlanAction } from './add.js';
import { closeAction, reopenAction } from './close.js';

/** The action a typed edit names, or NOT_FOUND saying how the plan numbers its actions. */
export function actionNamed(plan: PlanView, ref: string) {
  const action = actionByRef(plan.actions, ref);
  if (action) return action;
  const first = plan.actions[0]?.label ?? '1';
  const last = plan.actions.at(-1)?.label ?? '1';
  throw new AppError(
    'NOT_FOUND',
    `There is no action ${ref} in ${plan.title}. Actions are numbered ${first} to ${last}. Nothing was changed.`,
  );
}

/** An owner @mentioned in the command is known by their object id, never by the name shown. */
function withMention(input: MessageInput, words: EditWords): EditWords {
  const owner = words.owner?.trim();
  if (!owner?.startsWith('@')) return words;
  const name = owner.slice(1).replace(/\s+/g, ' ').toLowerCase();
  const mentioned = input.mentions?.find((m) => m.displayName.replace(/\s+/g, ' ').trim().toLowerCase() === name);
  return mentioned?.aadObjectId ? { ...words, ownerAadObjectId: mentioned.aadObjectId } : words;
}

/** What changed (in the words the history keeps), or why nothing did, for the top of the action's card. */
export function editReplyNotice(result: EditResult): Notice {
  const { action } = result;
  if (result.status === 'unchanged') return { kind: 'warning', message: `Action ${action.label} already says that: nothing was changed.` };
  if (result.status === 'stale')
    return {
      kind: 'warning',
      message: `Someone else changed action ${action.label} just now, so nothing was changed. It is ${ragWords(action.rag)}: check it and try again.`,
    };
  const fresh = result.freshOrganisations.length
    ? ` ${result.freshOrganisations.join(', ')} ${result.freshOrganisations.length > 1 ? 'are' : 'is'} new to the partnership and now listed.`
    : '';
  return { kind: 'success', message: `Saved: action ${action.label} ${result.changes.map(describeChange).join('; ')}.${fresh}` };
}

/** The reply to a typed edit: the notice above the action's card as it is now. */
export async function editReply(input: MessageInput, result: EditResult, timeZone: string): Promise<Reply> {
  return actionCardFor(input.services, input.partnership, input.person, result.action, {
    notice: editReplyNotice(result),
    showForm: false,
    timeZone,
  });
}

/**
 * Typed edits of the plan: "add action 2.4 to Training: …", "reword action 2.2: …", "move action 18 to end of March",
 * "action 18 is led by CoLP and Islington council", "move action 18 to the Awareness theme", "Ali Burlington owns action 18",
 * "close action 18", "reopen action 18". Coordinators may do all; a lead may move their actions' dates, name an owner
 * from their organisation, and close or reopen them.
 */
export async function editCommandHandler(input: MessageInput): Promise<Reply> {
  const command = parseEditCommand(input.text);
  if (!command)
    return buildMessageCard({
      lines: ['I could not read that change. Say "help updates" for examples, such as "move action 18 to end of March".'],
    });
  const plan = await input.services.store.plans.require(input.partnership);
  if (command.kind === 'add')
    return addPlanAction(input, plan, { ...command, words: withMention(input, command.words) as typeof command.words });
  const action = actionNamed(plan, command.ref);
  if (command.kind === 'close') return closeAction(input, plan, action);
  if (command.kind === 'reopen') return reopenAction(input, plan, action, command.rag);
  const result = await submitEdit(input.services, {
    partnership: input.partnership,
    sender: input.sender,
    person: input.person,
    actionId: action.id,
    expectedVersion: action.version,
    words: withMention(input, command.words),
    source: 'chat',
  });
  return editReply(input, result, plan.timeZone);
}
