import { planShortName } from '../plan/plan-names.js';
import { ragWords } from '../plan/types.js';
import type { EditConflict, ImportPreview } from './reconcile.js';

const FIELD_WORDS: Record<EditConflict['field'], string> = { title: 'wording', deadline: 'target date', leads: 'leads', theme: 'theme' };
const short = (text: string): string => `"${text.length > 60 ? `${text.slice(0, 57)}...` : text}"`;

/** One field edited in chat since the last import that the file says otherwise, and whose value the import keeps. */
export function describeEditConflict(c: EditConflict): string {
  const whose = c.kept === 'plan' ? "keeping the plan's (choose the file's to replace it)" : "taking the file's, as chosen";
  return `Conflict, action ${c.label}: its ${FIELD_WORDS[c.field]} was changed in chat since it was imported; the plan says ${short(c.plan)}, the file says ${short(c.file)}: ${whose}.`;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** The most changes listed one by one; the rest are counted. */
const LISTED = 20;

/** What an import would do (or did) against the current plan, for people: counts, conflicts with newer chat changes, each change. */
export function describeDiff(preview: ImportPreview, limit = LISTED): string[] {
  const { planExists, diff } = preview;
  const which = whichPlan(preview);
  if (!planExists) return [...which, `A new plan: ${plural(diff.created.length, 'action')} to create.`];
  const lines = [
    ...which,
    `Against the current plan: ${diff.created.length} new, ${diff.changed.length} changed, ${diff.unchanged} unchanged${
      diff.missing.length ? `, ${diff.missing.length} not in the file (kept)` : ''
    }.`,
  ];
  if (diff.created.length === 0 && diff.changed.length === 0) lines.push('No changes.');
  for (const c of diff.conflicts) {
    const whose = c.kept === 'plan' ? "keeping the plan's (choose the file's to replace them)" : "taking the file's, as chosen";
    const said = (side: { rag: string; notes: string }) =>
      ragWords(side.rag as never) + (side.notes ? `, notes "${side.notes.slice(0, 60)}"` : '');
    lines.push(
      `Conflict, action ${c.label}: changed in chat since it was imported; the plan says ${said(c.plan)}, the file says ${said(c.file)}: ${whose}.`,
    );
  }
  for (const c of diff.editConflicts ?? []) lines.push(describeEditConflict(c));
  const described = diff.changed.filter((c) => c.described.length > 0);
  for (const c of described.slice(0, limit)) lines.push(`Action ${c.before.label}: ${c.described.join('; ')}.`);
  if (described.length > limit) lines.push(`…and ${plural(described.length - limit, 'more changed action')}.`);
  if (diff.created.length)
    lines.push(
      `New: ${diff.created
        .slice(0, limit)
        .map((a) => a.label)
        .join(', ')}${diff.created.length > limit ? ', …' : ''}.`,
    );
  if (diff.missing.length)
    lines.push(
      `Not in the file (kept as they are): ${diff.missing.slice(0, limit).join(', ')}${diff.missing.length > limit ? ', …' : ''}.`,
    );
  return lines;
}

/**
 * Which plan an import becomes: never silently the live one. A new title with a live plan in place waits (a draft) unless
 * the coordinator makes it live; the words say which plan partners will be answered from.
 */
export function whichPlan({ planExists, livePlan, live, title, period, existingStatus, makeLive }: ImportPreview): string[] {
  const liveName = live ? planShortName(live) : livePlan;
  const name = title ? planShortName({ title, period: period ?? '' }) : 'the file’s plan';
  if (!liveName) return [`It will be the live plan, ${name}: the one partners ask about and update.`];
  if (planExists && (existingStatus ?? 'live') === 'live') return [];
  const what = !planExists
    ? `This will be a new plan, ${name}`
    : `This updates the ${name} plan, which is ${existingStatus === 'draft' ? 'not live yet' : 'archived'}`;
  if (makeLive) return [`${what}, and makes it live: the live plan ${liveName} will be archived (kept, still answerable, read-only).`];
  return [`${what}; the live plan stays ${liveName} unless you make it live.`];
}

/** Whether the file's plan would not be live after the import (a new title, or a draft or archived plan, while another is live). */
export function wouldNotBeLive({ livePlan, planExists, existingStatus }: ImportPreview): boolean {
  return Boolean(livePlan) && !(planExists && (existingStatus ?? 'live') === 'live');
}
