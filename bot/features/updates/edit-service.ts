import { createHash } from 'node:crypto';
import { AppError } from '../../errors.js';
import { DEFAULT_ORGANISATIONS } from '../../import/known-organisations.js';
import {
  actionAfterEdit,
  changesFor,
  describeChange,
  editRefusal,
  type EditWords,
  type FieldChange,
  type ResolvedFields,
  resolveEditWords,
} from '../../plan/editing/index.js';
import { dateIn } from '../../plan/dates.js';
import type { OrganisationInfo, PlanAction, PlanView, UpdateSource } from '../../plan/types.js';
import type { Sender, Services } from '../../core/context.js';
import type { PersonInfo } from '../../store/people-rows.js';
import { assertNoPersonalData } from '../../handlers/privacy/guard.js';
import { closedPlanMessage } from '../plans/words.js';
import { planAndAction } from './update-service.js';

/** An edit of an action's fields as someone asked for it (words not yet resolved), from chat or the action card. */
export interface EditRequest {
  partnership: string;
  sender: Sender;
  person: PersonInfo | null;
  actionId: number;
  expectedVersion: number;
  words: EditWords;
  source: UpdateSource;
}

export type EditResult =
  | { status: 'applied' | 'duplicate'; action: PlanAction; changes: FieldChange[]; freshOrganisations: string[] }
  | { status: 'unchanged'; action: PlanAction }
  | { status: 'stale'; action: PlanAction };

/** Every piece of text an edit would keep or show, through the confidentiality guard first (nothing is saved on a hit). */
export function guardEditWords(words: EditWords, now: Date): void {
  const labels: ['title' | 'deadline' | 'leads' | 'theme' | 'owner', string][] = [
    ['title', 'the wording'],
    ['deadline', 'the target date'],
    ['leads', 'the leads'],
    ['theme', 'the theme'],
    ['owner', 'the owner'],
  ];
  for (const [key, what] of labels) {
    const text = words[key];
    if (text) assertNoPersonalData(text, now, what);
  }
}

/** The fields named by the words, for the permission check before anything is resolved (so a refusal reveals nothing). */
const askedFields = (words: EditWords): ResolvedFields =>
  Object.fromEntries(
    (['title', 'deadline', 'leads', 'theme', 'owner'] as const)
      .filter(
        (k) => words[k] !== undefined || (k === 'owner' && (words.ownerAadObjectId !== undefined || words.ownerPersonId !== undefined)),
      )
      .map((k) => [k, k === 'owner' ? null : '']),
  ) as ResolvedFields;

/** Organisations as the store creates them when new: with the known directory's aliases. */
export function organisationsNamed(plan: PlanView, names: readonly string[]): OrganisationInfo[] {
  return names.map(
    (name) =>
      plan.organisations.find((o) => o.name === name) ?? DEFAULT_ORGANISATIONS.find((o) => o.name === name) ?? { name, aliases: [] },
  );
}

/** Who the person is, or FORBIDDEN: an edit needs a person the partnership knows. */
export function requirePerson(person: PersonInfo | null, what: string): PersonInfo {
  if (!person) throw new AppError('FORBIDDEN', `Only the plan coordinator or an action's lead can ${what}. Nothing was changed.`);
  return person;
}

/**
 * Edits an action (wording, target date, leads, theme, named owner) through the one update path: permission, the
 * confidentiality guard on every word, version check, idempotency and a history entry saying who changed what from what.
 */
export async function submitEdit(services: Services, req: EditRequest): Promise<EditResult> {
  const { plan, action } = await planAndAction(services, req.partnership, req.actionId);
  const person = requirePerson(req.person, 'change actions');
  const early = editRefusal(person, action, askedFields(req.words));
  if (early) throw new AppError('FORBIDDEN', early);
  guardEditWords(req.words, services.now());
  const people = await services.store.people.list(req.partnership);
  const today = dateIn(services.now(), plan.timeZone);
  const resolved = resolveEditWords(req.words, { plan, today, people, speakerId: person.id });
  if (!resolved.ok) throw new AppError('INVALID_INPUT', resolved.problem);
  const { fields, freshOrganisations } = resolved.value;
  const owner = fields.owner ? people.find((p) => p.id === fields.owner?.id) : undefined;
  const refused = editRefusal(person, action, fields, owner?.organisation ?? null);
  if (refused) throw new AppError('FORBIDDEN', refused);
  const changes = changesFor(action, fields);
  if (changes.length === 0) return { status: 'unchanged', action };
  const fresh = freshOrganisations.filter((name) => changes.some((c) => c.field === 'leads' && c.to.includes(name)));
  const note = changes.map(describeChange).join('; ');
  const fingerprint = createHash('sha256').update(JSON.stringify(changes)).digest('hex').slice(0, 16);
  const outcome = await services.store.actions.applyUpdate({
    actionId: action.id,
    expectedVersion: req.expectedVersion,
    rag: action.rag,
    note: note.charAt(0).toUpperCase() + note.slice(1),
    progress: action.progress,
    actor: { name: person.displayName, chatId: req.sender.id, personId: person.id },
    source: req.source,
    idempotencyKey: `edit:${action.id}:v${req.expectedVersion}:${req.sender.id}:${fingerprint}`,
    at: services.now(),
    edit: {
      ...(fields.title !== undefined && changes.some((c) => c.field === 'title') ? { title: fields.title } : {}),
      ...(fields.deadline && changes.some((c) => c.field === 'deadline') ? { deadline: fields.deadline } : {}),
      ...(fields.theme !== undefined && changes.some((c) => c.field === 'theme') ? { theme: fields.theme } : {}),
      ...(fields.leads && changes.some((c) => c.field === 'leads') ? { leads: organisationsNamed(plan, fields.leads) } : {}),
      ...(fields.owner !== undefined && changes.some((c) => c.field === 'owner') ? { ownerId: fields.owner?.id ?? null } : {}),
      changes,
    },
  });
  if (outcome.status === 'missing') throw new AppError('NOT_FOUND', 'That action is no longer in the plan.');
  if (outcome.status === 'closed')
    throw new AppError('FORBIDDEN', closedPlanMessage(action.label, { title: outcome.planTitle, period: '', status: outcome.planStatus }));
  if (outcome.status === 'stale') return { status: 'stale', action: (await planAndAction(services, req.partnership, req.actionId)).action };
  if (outcome.status === 'duplicate')
    return {
      status: 'duplicate',
      action: (await planAndAction(services, req.partnership, req.actionId)).action,
      changes,
      freshOrganisations: fresh,
    };
  return { status: 'applied', action: actionAfterEdit(action, changes, outcome.version), changes, freshOrganisations: fresh };
}
