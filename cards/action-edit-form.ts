import type { PlanAction } from '../bot/plan/types.js';
import { fits } from './budget.js';
import { actionLabel, deadlineWords } from './describe.js';
import { adaptiveCard, button, factSet, heading, ragText, text, type CardResult, type Element } from './elements.js';
import { joinLeads, shorten } from './format.js';
import { noticeBlock, noticeWords, type Notice } from './notice.js';
import { VERBS } from './verbs.js';

/** Longest wording, date words, leads and theme the form accepts (the handler's schema says the same). */
export const EDIT_LIMITS = { title: 500, deadline: 100, leads: 300 } as const;

/** The fields of the edit form, by input id. */
export type EditFormField = 'title' | 'deadline' | 'leads' | 'theme' | 'owner';

/** What a person had typed into the form, to give it back after a refusal. */
export type EditDraft = Partial<Record<EditFormField, string>>;

export interface EditFormInput {
  action: PlanAction;
  themes: readonly string[];
  /** people who may be named as owner (a lead sees their organisation's), by stable id */
  owners: readonly { id: number; name: string; organisation: string | null }[];
  /** the fields this person may change (a lead: target date and owner); others are shown, not editable */
  editable: readonly EditFormField[];
  notice?: Notice;
  draft?: EditDraft;
}

const DATE_HINT = 'For example 31/03/2027, Sep-25, Q3 2025/26, Summer term 2026, end of March, or TBC';
/** The most owners offered in the choice list; anyone else is named by typing "<name> owns action N". */
const MAX_OWNER_CHOICES = 150;

function inputs(input: EditFormInput, owners: EditFormInput['owners']): Element[] {
  const { action, draft = {} } = input;
  const can = (f: EditFormField) => input.editable.includes(f);
  const out: Element[] = [];
  if (can('title'))
    out.push({
      type: 'Input.Text',
      id: 'title',
      label: 'Wording of the action',
      isMultiline: true,
      isRequired: true,
      errorMessage: 'The action needs some wording.',
      maxLength: EDIT_LIMITS.title,
      value: (draft.title ?? action.title).slice(0, EDIT_LIMITS.title),
    });
  if (can('deadline'))
    out.push(
      {
        type: 'Input.Text',
        id: 'deadline',
        label: 'Target date',
        maxLength: EDIT_LIMITS.deadline,
        value: draft.deadline ?? action.deadlineText,
        placeholder: DATE_HINT,
      },
      text(DATE_HINT, { isSubtle: true, size: 'Small', spacing: 'Small' }),
    );
  if (can('leads'))
    out.push({
      type: 'Input.Text',
      id: 'leads',
      label: 'Leads (organisations, separated by commas)',
      maxLength: EDIT_LIMITS.leads,
      value: draft.leads ?? action.leads.join(', '),
    });
  if (can('theme'))
    out.push({
      type: 'Input.ChoiceSet',
      id: 'theme',
      label: 'Theme',
      style: 'compact',
      isRequired: true,
      errorMessage: 'Choose a theme.',
      choices: input.themes.map((t) => ({ title: t, value: t })),
      value: draft.theme ?? action.theme,
    });
  if (can('owner'))
    out.push({
      type: 'Input.ChoiceSet',
      id: 'owner',
      label: 'Named owner',
      style: 'compact',
      choices: [
        { title: 'No named owner', value: 'none' },
        ...owners.map((p) => ({ title: p.organisation ? `${p.name} (${p.organisation})` : p.name, value: String(p.id) })),
      ],
      value: draft.owner ?? (action.owner ? String(action.owner.id) : 'none'),
    });
  return out;
}

function build(input: EditFormInput, owners: EditFormInput['owners']): CardResult {
  const { action } = input;
  const facts: [string, string][] = [];
  if (!input.editable.includes('theme')) facts.push(['Theme', action.theme]);
  if (!input.editable.includes('deadline')) facts.push(['Deadline', deadlineWords(action)]);
  if (!input.editable.includes('leads')) facts.push(['Leads', joinLeads(action.leads)]);
  const label = shorten(actionLabel(action), 1000);
  const body: Element[] = [];
  if (input.notice) body.push(noticeBlock(input.notice));
  body.push(heading(`Edit ${label}`), ragText(action.rag));
  if (facts.length) body.push(factSet(facts));
  body.push(...inputs(input, owners));
  const actions = [
    button('Save changes', VERBS.submitEdit, { actionId: action.id, version: action.version }, { style: 'positive' }),
    button('Cancel', VERBS.cancelUpdate, { actionId: action.id }, { associatedInputs: 'none' }),
  ];
  const lines = [
    ...(input.notice ? [noticeWords(input.notice)] : []),
    `Edit ${label}`,
    ...facts.map(([t, v]) => `${t}: ${v}`),
    `You can change: ${input.editable.join(', ')}.`,
  ];
  return { card: adaptiveCard(body, actions), text: lines.join('\n') };
}

/** The edit form for an action: wording, target date, leads, theme and named owner, as far as this person may change them. */
export function buildActionEditCard(input: EditFormInput): CardResult {
  let owners = input.owners.slice(0, MAX_OWNER_CHOICES);
  let result = build(input, owners);
  while (!fits(result) && owners.length > 10) {
    owners = owners.slice(0, Math.floor(owners.length / 2));
    result = build(input, owners);
  }
  return result;
}
