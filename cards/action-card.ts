import { ragWords, type PlanAction } from '../bot/plan/types.js';
import { fits, MAX_REFRESH_USERS } from './budget.js';
import { actionLabel, deadlineWords, progressWords } from './describe.js';
import { updateFormButtons, updateFormInputs, type UpdateDraft } from './action-form.js';
import { adaptiveCard, button, factSet, heading, ragText, text, type CardResult, type Element } from './elements.js';
import { DEFAULT_TIME_ZONE, formatInstant, joinLeads, shorten } from './format.js';
import { noticeBlock, noticeWords, type Notice } from './notice.js';
import { VERBS } from './verbs.js';

export interface ActionCardInput {
  action: PlanAction;
  canUpdate: boolean;
  /** people who can update, so their card refreshes itself (Teams takes at most 60) */
  userIds?: string[];
  notice?: Notice;
  /** pre-fills the form, e.g. to keep a note after a stale-version refusal */
  draft?: UpdateDraft;
  /** who can update, shown when this person cannot, e.g. "the leads (CoLP) or the coordinator" */
  whoCanUpdate?: string;
  /** when false, an Update button replaces the inline form (default true) */
  showForm?: boolean;
  /** for the last-update time; default Europe/London */
  timeZone?: string;
  /** whether update notes are posted to the partnership channel (the form says so); unknown when undefined */
  notesToChannel?: boolean;
  /** an Edit button (wording, target date, leads, theme, owner) for coordinators and the action's leads */
  canEdit?: boolean;
  /** why nobody can update it, e.g. its plan is archived (replaces "who can") */
  readOnlyReason?: string;
}

const TEXT_LIMITS = [Number.POSITIVE_INFINITY, 6000, 3000, 1500, 700, 300] as const;

function lastUpdateWords(action: PlanAction, timeZone: string): string {
  if (!action.lastUpdate) return 'No updates recorded yet';
  const { date, time } = formatInstant(action.lastUpdate.at, timeZone);
  const note = action.lastUpdate.note?.trim();
  return `Last updated by ${action.lastUpdate.by} on ${date} at ${time}${note ? `: “${shorten(note, 500)}”` : ''}`;
}

function updateLine(input: ActionCardInput): string {
  if (input.canUpdate) return `To update it by chat, say "update action ${input.action.label ?? input.action.ref}".`;
  if (input.readOnlyReason) return shorten(input.readOnlyReason, 500);
  return input.whoCanUpdate
    ? `You can't update this action. Who can: ${shorten(input.whoCanUpdate, 500)}.`
    : "You can't update this action; its leads or the plan coordinator can.";
}

function build(input: ActionCardInput, limit: number): CardResult {
  const action = { ...input.action, title: shorten(input.action.title, Math.min(limit, 1000)) };
  const facts: [string, string][] = [
    ['Theme', action.theme || 'No theme'],
    ['Deadline', deadlineWords(action)],
    ['Leads', joinLeads(action.leads)],
  ];
  if (action.owner) facts.push(['Owner', action.owner.name]);
  const progress = progressWords(action);
  if (progress) facts.push(['Progress', progress]);
  const outcome = shorten(action.outcome.trim(), limit) || 'None recorded';
  const notes = shorten(action.notes.trim(), limit) || 'None recorded';
  const updated = lastUpdateWords(action, input.timeZone ?? DEFAULT_TIME_ZONE);
  const showForm = input.canUpdate && input.showForm !== false;

  const body: Element[] = [];
  if (input.notice) body.push(noticeBlock(input.notice));
  body.push(heading(actionLabel(action)), ragText(action.rag), factSet(facts));
  body.push(text('Outcome', { weight: 'Bolder' }), text(outcome, { spacing: 'None' }));
  body.push(text('Notes', { weight: 'Bolder' }), text(notes, { spacing: 'None' }));
  body.push(text(updated, { isSubtle: true }));
  if (!input.canUpdate) body.push(text(updateLine(input)));
  if (showForm) body.push(...updateFormInputs(action, input.draft, input.notesToChannel));

  let actions: Element[] = [];
  if (showForm) actions = updateFormButtons(action);
  else if (input.canUpdate) actions = [button('Update', VERBS.openUpdate, { actionId: action.id })];
  if (input.canEdit) actions.push(button('Edit', VERBS.openEdit, { actionId: action.id }, { associatedInputs: 'none' }));

  const userIds = (input.userIds ?? []).slice(0, MAX_REFRESH_USERS);
  const refresh =
    userIds.length > 0
      ? {
          refresh: {
            action: { type: 'Action.Execute', verb: VERBS.refreshAction, data: { verb: VERBS.refreshAction, actionId: action.id } },
            userIds,
          },
        }
      : {};

  const lines = [
    ...(input.notice ? [noticeWords(input.notice)] : []),
    actionLabel(action),
    `RAG: ${ragWords(action.rag)}`,
    ...facts.map(([title, value]) => `${title}: ${value}`),
    `Outcome: ${outcome}`,
    `Notes: ${notes}`,
    updated,
    updateLine(input),
  ];
  return { card: adaptiveCard(body, actions, refresh), text: lines.join('\n') };
}

/** Everything about one action, with an inline update form when the person may update it. */
export function buildActionCard(input: ActionCardInput): CardResult {
  let result = build(input, TEXT_LIMITS[0]);
  for (const limit of TEXT_LIMITS.slice(1)) {
    if (fits(result)) break;
    result = build(input, limit);
  }
  return result;
}
