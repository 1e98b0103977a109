import { formatDate } from '../dates.js';
import type { PlanAction, PlanView } from '../types.js';
import type { FieldChange, OwnerRef, ResolvedFields } from './types.js';

const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x.toLowerCase() === b[i]?.toLowerCase());

/** What an edit changes on an action, field by field; a field set to what it already is is not a change. */
export function changesFor(action: PlanAction, fields: ResolvedFields): FieldChange[] {
  const out: FieldChange[] = [];
  if (fields.title !== undefined && fields.title !== action.title) out.push({ field: 'title', from: action.title, to: fields.title });
  const d = fields.deadline;
  if (d && (d.text !== action.deadlineText || d.dueDate !== action.dueDate || d.recurrence !== action.recurrence))
    out.push({
      field: 'deadline',
      from: { text: action.deadlineText, dueDate: action.dueDate, recurrence: action.recurrence },
      to: d,
    });
  if (fields.leads && !sameList(fields.leads, action.leads)) out.push({ field: 'leads', from: [...action.leads], to: fields.leads });
  if (fields.theme !== undefined && fields.theme !== action.theme) out.push({ field: 'theme', from: action.theme, to: fields.theme });
  if (fields.owner !== undefined && (fields.owner?.id ?? null) !== (action.owner?.id ?? null))
    out.push({ field: 'owner', from: action.owner ?? null, to: fields.owner });
  return out;
}

const quote = (text: string): string => `"${text.length > 80 ? `${text.slice(0, 77)}...` : text}"`;
const deadline = (d: { text: string; dueDate: string | null }): string =>
  d.text === ''
    ? 'none'
    : d.dueDate && !d.text.includes(formatDate(d.dueDate))
      ? `${quote(d.text)} (${formatDate(d.dueDate)})`
      : quote(d.text);
const owner = (o: OwnerRef | null): string => o?.name ?? 'nobody';

/** One change in words, as the history and the reply say it: "target date moved from "Ongoing" to "end of March" (31 March 2027)". */
export function describeChange(change: FieldChange): string {
  switch (change.field) {
    case 'title':
      return `reworded to ${quote(change.to)} (was ${quote(change.from)})`;
    case 'deadline':
      return `target date moved from ${deadline(change.from)} to ${deadline(change.to)}`;
    case 'leads':
      return `leads changed from ${change.from.join(', ') || 'none'} to ${change.to.join(', ') || 'none'}`;
    case 'theme':
      return `moved from theme "${change.from}" to "${change.to}"`;
    case 'owner':
      return change.to ? `named owner ${owner(change.to)} (was ${owner(change.from)})` : `named owner removed (was ${owner(change.from)})`;
    case 'rag':
      return `RAG ${change.from} to ${change.to}`;
    case 'created':
      return `added to the plan: ${quote(change.to)}`;
  }
}

/** The action as it is after the changes (the plan view is frozen: this is a copy). */
export function actionAfterEdit(action: PlanAction, changes: readonly FieldChange[], version: number): PlanAction {
  const next: PlanAction = { ...action, leads: [...action.leads], version };
  for (const c of changes) {
    if (c.field === 'title') next.title = c.to;
    if (c.field === 'deadline') Object.assign(next, { deadlineText: c.to.text, dueDate: c.to.dueDate, recurrence: c.to.recurrence });
    if (c.field === 'leads') next.leads = [...c.to];
    if (c.field === 'theme') next.theme = c.to;
    if (c.field === 'owner') next.owner = c.to;
  }
  return next;
}

/** Natural order of written numbers: "2.3" < "2.10" < "2.10a". */
export function compareLabels(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });
}

/**
 * Where a new action goes in the plan's order (its ref; actions from there on move down one): after the theme's last
 * action numbered before it, else before the theme's first, else at the end of the plan.
 */
export function placeFor(plan: Pick<PlanView, 'actions'>, theme: string, label: string): number {
  const sorted = [...plan.actions].sort((a, b) => a.ref - b.ref);
  const inTheme = sorted.filter((a) => a.theme === theme);
  const before = inTheme.filter((a) => compareLabels(a.label, label) < 0).at(-1);
  if (before) return before.ref + 1;
  const first = inTheme[0];
  if (first) return first.ref;
  return (sorted.at(-1)?.ref ?? 0) + 1;
}

/** The number for an action added without one: the theme's last number plus one ("2.3" → "2.4"), else the plan's highest whole number plus one. */
export function nextLabel(plan: Pick<PlanView, 'actions'>, theme: string): string {
  const taken = new Set(plan.actions.map((a) => a.label.toLowerCase()));
  const last = plan.actions
    .filter((a) => a.theme === theme)
    .map((a) => a.label)
    .sort(compareLabels)
    .at(-1);
  const dotted = last?.match(/^(.*\.)(\d+)$/);
  if (dotted?.[1] && dotted[2]) {
    for (let n = Number(dotted[2]) + 1; ; n++) if (!taken.has(`${dotted[1]}${n}`.toLowerCase())) return `${dotted[1]}${n}`;
  }
  const whole = plan.actions.map((a) => Number(a.label)).filter((n) => Number.isInteger(n));
  return String(Math.max(0, ...whole, plan.actions.length) + 1);
}
