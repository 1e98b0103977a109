import type { MessageInput, Reply } from '../../core/context.js';
import { ragWords, type PlanAction, type PlanView, type Rag } from '../../plan/types.js';
import { actionCardFor } from '../updates/action-view.js';
import { submitUpdate } from '../updates/update-service.js';

async function setRag(input: MessageInput, plan: PlanView, action: PlanAction, rag: Rag, note: string, said: string): Promise<Reply> {
  const result = await submitUpdate(input.services, {
    partnership: input.partnership,
    sender: input.sender,
    person: input.person,
    actionId: action.id,
    expectedVersion: action.version,
    rag,
    note,
    progress: action.progress,
    source: 'chat',
  });
  const stale = result.outcome.status === 'stale';
  const message = stale
    ? `Someone else changed action ${action.label} just now, so nothing was changed. It is ${ragWords(result.action.rag)}.`
    : `${said}${result.announced ? ' The partnership channel will be told.' : ''}`;
  return actionCardFor(input.services, input.partnership, input.person, result.action, {
    notice: { kind: stale ? 'warning' : 'success', message },
    showForm: false,
    timeZone: plan.timeZone,
    permission: result.permission,
  });
}

/** "close action 18": COMPLETE, through the one update path (its leads or a coordinator). */
export async function closeAction(input: MessageInput, plan: PlanView, action: PlanAction): Promise<Reply> {
  if (action.rag === 'COMPLETE')
    return actionCardFor(input.services, input.partnership, input.person, action, {
      notice: {
        kind: 'warning',
        message: `Action ${action.label} is already COMPLETE: nothing was changed. Say "reopen action ${action.label}" to open it again.`,
      },
      showForm: false,
      timeZone: plan.timeZone,
    });
  return setRag(input, plan, action, 'COMPLETE', 'Closed', `Closed: action ${action.label} is ${ragWords(action.rag)} → COMPLETE.`);
}

/** "reopen action 18 [as amber]": back to the rating it had before it was closed (AMBER when there was none). */
export async function reopenAction(input: MessageInput, plan: PlanView, action: PlanAction, asked: Rag | null): Promise<Reply> {
  if (action.rag !== 'COMPLETE')
    return actionCardFor(input.services, input.partnership, input.person, action, {
      notice: { kind: 'warning', message: `Action ${action.label} is not closed: it is ${ragWords(action.rag)}. Nothing was changed.` },
      showForm: false,
      timeZone: plan.timeZone,
    });
  const history = await input.services.store.actions.history(action.id, 50);
  const before = history.find((h) => h.ragTo === 'COMPLETE' && h.ragFrom !== 'COMPLETE')?.ragFrom;
  const rag = asked ?? (before && before !== 'UNRATED' ? before : 'AMBER');
  const how = asked
    ? ''
    : before && before !== 'UNRATED'
      ? ' (its rating before it was closed)'
      : ` (say "reopen action ${action.label} as green" to choose)`;
  return setRag(input, plan, action, rag, 'Reopened', `Reopened: action ${action.label} is COMPLETE → ${ragWords(rag)}${how}.`);
}
