import type { z } from 'zod';
import { buildActionEditCard, type EditDraft, type EditFormField } from '../../../cards/action-edit-form.js';
import type { SubmitEditDataSchema } from '../../../cards/action-data.js';
import type { Notice } from '../../../cards/notice.js';
import type { CardActionInput, CardActionResult, Reply } from '../../core/context.js';
import { AppError } from '../../errors.js';
import { ownerCandidates, type EditWords } from '../../plan/editing/index.js';
import { canUpdate } from '../../plan/permissions.js';
import type { PlanAction } from '../../plan/types.js';
import type { PersonInfo } from '../../store/people-rows.js';
import { screenText } from '../../handlers/privacy/guard.js';
import { actionCardFor } from '../updates/action-view.js';
import { submitEdit } from '../updates/edit-service.js';
import { planAndAction } from '../updates/update-service.js';
import { editReplyNotice } from './commands.js';

type SubmitEditData = z.infer<typeof SubmitEditDataSchema>;

/** What this person may change on the action: everything for a coordinator; target date and owner for its leads; nothing otherwise. */
export function editableFields(person: PersonInfo | null, action: PlanAction): EditFormField[] {
  if (person?.role === 'coordinator') return ['title', 'deadline', 'leads', 'theme', 'owner'];
  if (person && canUpdate(person, action)) return ['deadline', 'owner'];
  return [];
}

/** The edit form for this person, with the current owner first in the owner list. */
async function editCard(input: CardActionInput, action: PlanAction, extra: { notice?: Notice; draft?: EditDraft } = {}): Promise<Reply> {
  const { plan } = await planAndAction(input.services, input.partnership, action.id);
  const people = ownerCandidates(await input.services.store.people.list(input.partnership));
  const lead = input.person?.role !== 'coordinator' ? input.person?.organisation?.toLowerCase() : undefined;
  const owners = people
    .filter((p) => lead === undefined || p.organisation?.toLowerCase() === lead || p.id === input.person?.id)
    .sort(
      (a, b) =>
        Number(b.id === action.owner?.id) - Number(a.id === action.owner?.id) || a.displayName.localeCompare(b.displayName, 'en-GB'),
    )
    .map((p) => ({ id: p.id, name: p.displayName, organisation: p.organisation }));
  return buildActionEditCard({ action, themes: plan.themes, owners, editable: editableFields(input.person, action), ...extra });
}

/** "Edit" on an action card: the form, for coordinators and the action's leads; others are told who can. */
export async function openEditHandler(input: CardActionInput, data: { actionId: number }): Promise<CardActionResult> {
  const { action } = await planAndAction(input.services, input.partnership, data.actionId);
  if (editableFields(input.person, action).length === 0) {
    const message = `Only the plan coordinator or a lead for ${action.leads.join(', ') || 'the action'} can change action ${action.label}.`;
    return {
      replaceCard: await actionCardFor(input.services, input.partnership, input.person, action, {
        notice: { kind: 'error', message },
        showForm: false,
      }),
    };
  }
  return { replaceCard: await editCard(input, action) };
}

/** The form's inputs that differ from the action as it is: only those are changes. */
function wordsFrom(data: SubmitEditData, action: PlanAction): EditWords {
  const words: EditWords = {};
  const same = (a: string, b: string) => a.trim().replace(/\s+/g, ' ') === b.trim().replace(/\s+/g, ' ');
  if (data.title !== undefined && !same(data.title, action.title)) words.title = data.title;
  if (data.deadline !== undefined && !same(data.deadline, action.deadlineText))
    words.deadline = data.deadline.trim() === '' ? 'TBC' : data.deadline;
  if (data.leads !== undefined && !same(data.leads, action.leads.join(', '))) words.leads = data.leads;
  if (data.theme !== undefined && data.theme !== action.theme) words.theme = data.theme;
  const owner = data.owner === undefined ? undefined : data.owner === 'none' ? null : Number(data.owner);
  if (owner !== undefined && owner !== (action.owner?.id ?? null)) words.ownerPersonId = owner;
  return words;
}

/** "Save changes" on the edit form: screened, permission- and version-checked, saved once through the one update path. */
export async function submitEditHandler(input: CardActionInput, data: SubmitEditData): Promise<CardActionResult> {
  const { action } = await planAndAction(input.services, input.partnership, data.actionId);
  const draft: EditDraft = { title: data.title, deadline: data.deadline, leads: data.leads, theme: data.theme, owner: data.owner };
  const personal = input.conversation.kind === 'personal';
  const shown = personal ? draft : { theme: data.theme, owner: data.owner };
  const typed = [data.title, data.deadline, data.leads].filter((t): t is string => Boolean(t?.trim())).join('\n');
  const screened = await screenText(input.services, input.partnership, typed, 'the changes');
  if (!screened.ok) {
    const message = personal
      ? screened.message
      : `${screened.message} Your text has not been put back on this card because others in this conversation can see it.`;
    return { replaceCard: await editCard(input, action, { notice: { kind: 'error', message }, draft: shown }) };
  }
  const words = wordsFrom(data, action);
  if (Object.keys(words).length === 0)
    return {
      replaceCard: await actionCardFor(input.services, input.partnership, input.person, action, {
        notice: { kind: 'warning', message: 'Nothing was changed: the form says what the action already says.' },
        showForm: false,
      }),
    };
  try {
    const result = await submitEdit(input.services, {
      partnership: input.partnership,
      sender: input.sender,
      person: input.person,
      actionId: action.id,
      expectedVersion: data.version,
      words,
      source: 'card',
    });
    if (result.status === 'stale') {
      const message = `Someone else changed action ${action.label} since you opened this form, so nothing was saved. The form now shows the action as it is, with your changes to check and save again.`;
      return { replaceCard: await editCard(input, result.action, { notice: { kind: 'warning', message }, draft: shown }) };
    }
    return {
      replaceCard: await actionCardFor(input.services, input.partnership, input.person, result.action, {
        notice: editReplyNotice(result),
        showForm: false,
      }),
    };
  } catch (err) {
    if (!(err instanceof AppError) || !['FORBIDDEN', 'INVALID_INPUT', 'PERSONAL_DATA_REFUSED'].includes(err.code)) throw err;
    return { replaceCard: await editCard(input, action, { notice: { kind: 'error', message: err.message }, draft: shown }) };
  }
}
