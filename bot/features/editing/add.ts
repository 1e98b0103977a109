import type { MessageInput, Reply } from '../../core/context.js';
import { AppError } from '../../errors.js';
import { describeChange, type EditCommand, nextLabel, placeFor, resolveEditWords, resolveTheme } from '../../plan/editing/index.js';
import { actionByRef } from '../../plan/query.js';
import type { PlanView } from '../../plan/types.js';
import { dateIn } from '../../plan/dates.js';
import { actionCardFor } from '../updates/action-view.js';
import { guardEditWords, organisationsNamed, requirePerson } from '../updates/edit-service.js';

type AddCommand = Extract<EditCommand, { kind: 'add' }>;

/** "add action 2.4 to Training: Deliver WRAP to youth workers, led by CoLP, due 31/03/2027" (coordinators). */
export async function addPlanAction(input: MessageInput, plan: PlanView, command: AddCommand): Promise<Reply> {
  const { services } = input;
  const person = requirePerson(input.person, 'add actions');
  if (person.role !== 'coordinator')
    throw new AppError('FORBIDDEN', 'Only a coordinator can add actions to the plan. Nothing was changed.');
  guardEditWords({ ...command.words, theme: command.theme }, services.now());
  if (command.label) assertNoSuchAction(plan, command.label);
  const theme = resolveTheme(command.theme, plan);
  if (!theme.ok) throw new AppError('INVALID_INPUT', theme.problem);
  const people = await services.store.people.list(input.partnership);
  const today = dateIn(services.now(), plan.timeZone);
  const resolved = resolveEditWords(command.words, { plan, today, people, speakerId: person.id });
  if (!resolved.ok) throw new AppError('INVALID_INPUT', resolved.problem);
  const { fields, freshOrganisations } = resolved.value;
  const label = command.label ?? nextLabel(plan, theme.value);
  const title = fields.title ?? '';
  const changes = [
    { field: 'created' as const, from: null, to: title },
    ...(fields.deadline ? [{ field: 'deadline' as const, from: { text: '', dueDate: null, recurrence: null }, to: fields.deadline }] : []),
    ...(fields.leads ? [{ field: 'leads' as const, from: [], to: fields.leads }] : []),
    ...(fields.owner ? [{ field: 'owner' as const, from: null, to: fields.owner }] : []),
  ];
  const note = changes.map(describeChange).join('; ');
  const outcome = await services.store.actions.add({
    partnership: input.partnership,
    label,
    ref: placeFor(plan, theme.value, label),
    theme: theme.value,
    title,
    deadline: fields.deadline ?? { text: '', dueDate: null, recurrence: null },
    leads: organisationsNamed(plan, fields.leads ?? []),
    ownerId: fields.owner?.id ?? null,
    rag: 'UNRATED',
    actor: { name: person.displayName, chatId: input.sender.id, personId: person.id },
    source: 'chat',
    note: note.charAt(0).toUpperCase() + note.slice(1),
    changes,
    idempotencyKey: `add:${input.partnership}:${input.activityId}`,
    at: services.now(),
  });
  if (outcome.status === 'no-plan') throw new AppError('NOT_FOUND', `There is no plan for ${input.partnership} to add to yet.`);
  if (outcome.status === 'exists') assertNoSuchAction(await services.store.plans.require(input.partnership), label);
  const now = await services.store.plans.require(input.partnership);
  const added = now.actions.find((a) => a.id === ('actionId' in outcome ? outcome.actionId : -1));
  if (!added) throw new AppError('NOT_FOUND', 'The new action could not be read back. Ask "show action" with its number.');
  const fresh = freshOrganisations.length
    ? ` ${freshOrganisations.join(', ')} ${freshOrganisations.length > 1 ? 'are' : 'is'} new to the partnership and now listed.`
    : '';
  const message = `Added action ${added.label} to "${added.theme}" in ${now.title}. It is not yet rated: its leads can give it a RAG rating.${fresh}`;
  return actionCardFor(services, input.partnership, input.person, added, {
    notice: { kind: 'success', message },
    showForm: false,
    timeZone: now.timeZone,
  });
}

function assertNoSuchAction(plan: PlanView, label: string): void {
  const existing = actionByRef(plan.actions, label);
  if (existing)
    throw new AppError(
      'INVALID_INPUT',
      `Action ${existing.label} is already in the plan ("${existing.title}"). Nothing was changed. Choose another number, or say "reword action ${existing.label}: …" to change its wording.`,
    );
}
