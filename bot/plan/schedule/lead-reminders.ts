import { addDays, weekStart } from '../dates.js';
import type { PlanAction, PlanView } from '../types.js';

/** Leads hear about an action this many days before it is due. */
export const DUE_SOON_DAYS = 14;
/** An open action with no recorded update for this many days gets a nudge (and again every such period). */
export const STALE_DAYS = 60;

/** One thing to remind a lead about, with a key that makes it go once (due soon), once a week (overdue) or once a period (stale). */
export interface LeadItem {
  key: string;
  kind: 'due-soon' | 'overdue' | 'stale';
  action: PlanAction;
}

/**
 * What a lead for an organisation should hear about today: open actions due within 14 days (once per due date),
 * overdue actions (once a week) and actions with no update for 60 days (once per 60 days). Pure.
 */
export function leadReminderItems(plan: PlanView, organisation: string, today: string, at: Date): LeadItem[] {
  const items: LeadItem[] = [];
  const horizon = addDays(today, DUE_SOON_DAYS);
  for (const action of plan.actions) {
    if (action.rag === 'COMPLETE' || !action.leads.includes(organisation)) continue;
    const due = action.dueDate;
    if (due !== null && due >= today && due <= horizon) {
      items.push({ key: `soon:${action.id}:${due}`, kind: 'due-soon', action });
      continue;
    }
    if (due !== null && due < today) {
      items.push({ key: `overdue:${action.id}:${due}:${weekStart(today)}`, kind: 'overdue', action });
      continue;
    }
    if (action.lastUpdate) {
      const days = Math.floor((at.getTime() - Date.parse(action.lastUpdate.at)) / 86_400_000);
      if (days >= STALE_DAYS)
        items.push({
          key: `stale:${action.id}:${action.lastUpdate.at.slice(0, 10)}:${Math.floor(days / STALE_DAYS)}`,
          kind: 'stale',
          action,
        });
    }
  }
  return items;
}

/** Leaves out items a person has paused ("stop reminding me about action 7 until January"). */
export function withoutMuted(items: LeadItem[], mutes: { actionId: number | null }[]): LeadItem[] {
  if (mutes.some((m) => m.actionId === null)) return [];
  const muted = new Set(mutes.map((m) => m.actionId));
  return items.filter((i) => !muted.has(i.action.id));
}
