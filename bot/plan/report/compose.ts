import { dateIn, dateParts, formatDate, isoDate } from '../dates.js';
import { resolveLocal } from '../schedule/local-time.js';
import { TOOLKIT_NAMES, TOOLKIT_SECTIONS, toolkitCoverage } from '../toolkit.js';
import { analysePeriod } from './analyse.js';
import {
  channelWords,
  count,
  listedWords,
  listWords,
  movementWords,
  ragCountWords,
  summaryWords,
  targetWords,
  trainingWords,
} from './wording.js';
import type { BoardReport, ReportInput, ReportSection } from './types.js';

/** Placeholder text the coordinator replaces before the report goes to the board. */
export const PLACEHOLDER = '[Coordinator to complete]';

/** The meeting after a board meeting when none is given: three months later. */
export function defaultNextMeeting(meetingDate: string): string {
  const { year, month, day } = dateParts(meetingDate);
  return isoDate(year, month + 3, day);
}

/** Numbers paragraphs across sections, in order, starting at 1. */
function numbered(sections: { heading: string; texts: (string | null)[] }[]): ReportSection[] {
  let n = 0;
  return sections
    .map((s) => ({ heading: s.heading, paragraphs: s.texts.filter((t): t is string => !!t).map((text) => ({ number: ++n, text })) }))
    .filter((s) => s.paragraphs.length > 0);
}

/** The coverage paragraphs: actions per toolkit area, and the areas no action addresses. */
export function coverageWords(toolkit: Record<number, readonly string[]>): string[] {
  const { covered, uncovered } = toolkitCoverage(toolkit);
  const perArea = TOOLKIT_SECTIONS.filter((s) => covered.includes(s)).map(
    (s) => `${TOOLKIT_NAMES[s]} (${count(Object.values(toolkit).filter((t) => t.includes(s)).length, 'action')})`,
  );
  return [
    `The plan's actions address ${covered.length} of the ${TOOLKIT_SECTIONS.length} areas of the Home Office Prevent duty toolkit: ${listWords(perArea)}.`,
    uncovered.length
      ? `No action addresses ${listWords(uncovered.map((s) => TOOLKIT_NAMES[s]))}. ${PLACEHOLDER} Say how these areas are met or what is planned.`
      : null,
  ].filter((t): t is string => t !== null);
}

/** Drafts a board report from the plan, its history in the period and the typed-in counts. Pure: no clock, no database. */
export function composeReport(input: ReportInput): BoardReport {
  const { plan, settings } = input;
  const today = dateIn(input.at, plan.timeZone);
  const window = { start: resolveLocal(input.since, '00:00', plan.timeZone).getTime(), end: input.at.getTime(), today };
  const nextMeeting = input.nextMeetingDate ?? defaultNextMeeting(input.meetingDate);
  const f = analysePeriod(input, window, nextMeeting);
  const coverage = input.toolkit ? toolkitCoverage(input.toolkit) : null;
  const countsNow = ragCountWords(f.ragCounts.map((c) => ({ rag: c.rag, n: c.now })));
  const countsThen = ragCountWords(f.ragCounts.map((c) => ({ rag: c.rag, n: c.atStart })));
  const sections = numbered([
    {
      heading: 'Channel',
      texts: [
        channelWords(input.counts, input.since, settings.committee) ??
          `${PLACEHOLDER} Channel activity: give the number of new cases and open cases only, never details of any person.`,
      ],
    },
    {
      heading: 'Progress against the action plan',
      texts: [
        `The action plan now has ${countsNow} actions (at the start of the period: ${countsThen}).`,
        ...f.movements.map(movementWords),
        f.movements.length ? null : 'No action changed its RAG rating in the period.',
      ],
    },
    {
      heading: 'Training and engagement',
      texts: [trainingWords(input.counts), ...f.targets.map(targetWords)],
    },
    ...f.highlights.map((h) => ({
      heading: `Highlights: ${h.theme}`,
      texts: h.items.map(
        (item) =>
          `${item.title} (action ${item.ref}): ${item.notes.map((n) => `${n.text.replace(/[.\s]*$/, '')} (${formatDate(n.on)}).`).join(' ')}`,
      ),
    })),
    {
      heading: 'Overdue and slipped actions',
      texts: [
        f.overdue.length ? `${count(f.overdue.length, 'action is', 'actions are')} past the due date:` : null,
        ...f.overdue.map(listedWords),
        f.slipped.length ? `${count(f.slipped.length, 'action')} slipped in the period:` : null,
        ...f.slipped.map(listedWords),
      ],
    },
    {
      heading: 'Before the next meeting',
      texts: f.dueBeforeNext.length
        ? [`Due before the next meeting on ${formatDate(nextMeeting)}:`, ...f.dueBeforeNext.map(listedWords)]
        : [`No action has a due date before the next meeting on ${formatDate(nextMeeting)}.`],
    },
    { heading: 'Prevent duty toolkit coverage', texts: input.toolkit ? coverageWords(input.toolkit) : [] },
  ]);
  return {
    header: { ...settings, meetingDate: input.meetingDate },
    partnership: plan.partnership,
    planTitle: plan.title,
    period: { from: input.since, to: today },
    summary: summaryWords(plan.partnership, input.since, today, f),
    recommendations: ['to note the contents of this report.', `${PLACEHOLDER} any further recommendations.`],
    sections,
    ragCounts: f.ragCounts,
    series: f.series,
    movements: f.movements,
    targets: f.targets,
    highlights: f.highlights,
    overdue: f.overdue,
    slipped: f.slipped,
    dueBeforeNext: f.dueBeforeNext,
    nextMeetingDate: nextMeeting,
    counts: input.counts,
    coverage,
    withheld: f.withheld,
  };
}
