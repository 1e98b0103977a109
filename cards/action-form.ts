import { SETTABLE_RAGS, type PlanAction, type Rag } from '../bot/plan/types.js';
import { ragChoiceTitle } from './describe.js';
import { button, text, type Element } from './elements.js';
import { noteVisibility } from './note-visibility.js';
import { VERBS } from './verbs.js';

/** Longest note the form accepts (the handler should enforce the same). */
export const NOTE_MAX_LENGTH = 2000;

/** What a person had typed, used to pre-fill the form (for example after a stale-version refusal). */
export interface UpdateDraft {
  rag?: Rag;
  note?: string;
  progress?: number | null;
}

function initialRag(action: PlanAction, draft: UpdateDraft): Rag | undefined {
  const rag = draft.rag ?? action.rag;
  return (SETTABLE_RAGS as readonly Rag[]).includes(rag) ? rag : undefined;
}

/** The inputs of the inline update form: rag, note (with who will see it) and (when the action has a target) progress. */
export function updateFormInputs(action: PlanAction, draft: UpdateDraft = {}, notesToChannel?: boolean): Element[] {
  const rag = initialRag(action, draft);
  const inputs: Element[] = [
    text('Update this action', { weight: 'Bolder', separator: true, spacing: 'Large' }),
    {
      type: 'Input.ChoiceSet',
      id: 'rag',
      label: 'RAG rating',
      style: 'compact',
      isRequired: true,
      errorMessage: 'Choose a RAG rating.',
      placeholder: 'Choose a rating',
      choices: SETTABLE_RAGS.map((value) => ({ title: ragChoiceTitle(value), value })),
      ...(rag ? { value: rag } : {}),
    },
    {
      type: 'Input.Text',
      id: 'note',
      label: 'What has happened since the last update?',
      isMultiline: true,
      maxLength: NOTE_MAX_LENGTH,
      placeholder: 'For example: two training sessions delivered to school staff in March.',
      ...(draft.note ? { value: draft.note.slice(0, NOTE_MAX_LENGTH) } : {}),
    },
    text(noteVisibility(notesToChannel), { isSubtle: true, size: 'Small', spacing: 'Small' }),
  ];
  if (action.target !== null) {
    const progress = draft.progress !== undefined ? draft.progress : action.progress;
    inputs.push({
      type: 'Input.Number',
      id: 'progress',
      label: `Progress so far (target ${action.target})`,
      min: 0,
      placeholder: 'A whole number, for example 3',
      errorMessage: 'Enter a whole number of 0 or more.',
      ...(progress !== null ? { value: progress } : {}),
    });
  }
  return inputs;
}

/** The Save update and Cancel buttons for the form; Save carries the version the person saw. */
export function updateFormButtons(action: PlanAction): Element[] {
  return [
    button('Save update', VERBS.submitUpdate, { actionId: action.id, version: action.version }, { style: 'positive' }),
    button('Cancel', VERBS.cancelUpdate, { actionId: action.id }, { associatedInputs: 'none' }),
  ];
}
