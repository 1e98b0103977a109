import { buildDialogQuestionCard } from '../../../cards/dialog-question.js';
import type { UpdateDraft } from '../../../cards/action-form.js';
import type { UpdateDialog } from '../../plan/dialog/update-dialog.js';
import type { CardActionInput, Reply, TurnInput } from '../../core/context.js';
import { actionCardFor } from '../../features/updates/action-view.js';
import { actionOfPartnership } from '../../features/updates/update-service.js';

/** In a personal chat the card comes back with the person's text in the box; elsewhere the card is seen by others, so it does not. */
function keepText(input: TurnInput): boolean {
  return input.conversation.kind === 'personal';
}

const NOT_REPEATED = ' Your text has not been put back on this card because others in this conversation can see it.';

/** The action card again after a stopped note: the reason at the top and the form filled in as the person left it. */
export async function stoppedActionCard(input: CardActionInput, actionId: number, draft: UpdateDraft, message: string): Promise<Reply> {
  const action = await actionOfPartnership(input.services, input.partnership, actionId);
  const kept = keepText(input) ? draft : { ...draft, note: undefined };
  return actionCardFor(input.services, input.partnership, input.person, action, {
    notice: { kind: 'error', message: keepText(input) ? message : message + NOT_REPEATED },
    draft: kept,
  });
}

/** The conversation's note question again after a stopped answer, with the answer back in the box (personal chat only). */
export function stoppedDialogCard(
  input: TurnInput,
  dialogId: number,
  dialog: UpdateDialog,
  timeZone: string,
  answer: string,
  message: string,
): Reply {
  return buildDialogQuestionCard({
    dialogId,
    dialog,
    timeZone,
    place: input.conversation.kind,
    notice: { kind: 'error', message: keepText(input) ? message : message + NOT_REPEATED },
    ...(keepText(input) ? { draft: answer } : {}),
  });
}
