import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { dateIn, formatDate } from '../plan/dates.js';
import { buildOverview, overviewLines, quarterOf } from '../plan/report/overview.js';
import { reportMarkdown } from '../plan/report/render/markdown.js';
import { parsePastDate } from '../plan/report/request.js';
import type { ReportSettings, TypedCounts } from '../plan/report/types.js';
import { parseMeetingDate } from '../plan/rounds.js';
import { suggestToolkitSections, TOOLKIT_NAMES, toolkitCoverage } from '../plan/toolkit.js';
import { draftReport } from '../features/reports/report-service.js';
import type { CliCommand, CliContext } from './context.js';

const COUNT_OPTIONS = {
  'channel-referrals': 'channelReferrals',
  'open-cases': 'channelOpenCases',
  sessions: 'trainingSessions',
  attendees: 'trainingAttendees',
  businesses: 'businessesEngaged',
} as const satisfies Record<string, keyof TypedCounts>;

function counts(values: Record<string, unknown>): TypedCounts | string {
  const out: TypedCounts = {};
  for (const [option, key] of Object.entries(COUNT_OPTIONS)) {
    const raw = values[option];
    if (raw === undefined) continue;
    if (typeof raw !== 'string' || !/^\d{1,5}$/.test(raw)) return `--${option} must be a whole number, not "${raw}".`;
    out[key] = Number(raw);
  }
  return out;
}

async function draft(args: string[], ctx: CliContext, partnership: string): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      meeting: { type: 'string' },
      since: { type: 'string' },
      next: { type: 'string' },
      format: { type: 'string', default: 'md' },
      out: { type: 'string' },
      by: { type: 'string', default: 'cli' },
      partnership: { type: 'string' },
      ...Object.fromEntries(Object.keys(COUNT_OPTIONS).map((k) => [k, { type: 'string' as const }])),
    },
  });
  const plan = await ctx.store.plans.require(partnership);
  const today = dateIn(ctx.now(), plan.timeZone);
  const meeting = values.meeting ? parseMeetingDate(values.meeting, today) : null;
  const since = values.since ? parsePastDate(values.since, today) : undefined;
  const next = values.next ? parseMeetingDate(values.next, today) : undefined;
  const typed = counts(values);
  const problem = !meeting
    ? `Give the board meeting's date: --meeting 2026-12-04${values.meeting ? ` ("${values.meeting}" is not a date I can read)` : ''}.`
    : since === null
      ? `"${values.since}" is not a date I can read: use --since 2026-09-01.`
      : next === null
        ? `"${values.next}" is not a date I can read: use --next 2027-03-05.`
        : typeof typed === 'string'
          ? typed
          : !['md', 'docx'].includes(values.format ?? '')
            ? `Unknown format "${values.format}": use md or docx.`
            : values.format === 'docx' && !values.out
              ? 'A Word file needs somewhere to go: add --out report.docx.'
              : null;
  if (problem || !meeting || typeof typed === 'string') {
    ctx.out(problem ?? 'Could not read the arguments.');
    return 2;
  }
  const saved = await draftReport(ctx.store, {
    partnership,
    meetingDate: meeting,
    since: since ?? undefined,
    nextMeetingDate: next ?? undefined,
    counts: typed,
    createdBy: values.by ?? 'cli',
    at: ctx.now(),
  });
  const body = values.format === 'docx' ? await ctx.store.reports.file(partnership, saved.id) : reportMarkdown(saved.report);
  if (!values.out) {
    ctx.out(String(body));
    return 0;
  }
  writeFileSync(values.out, body ?? '');
  ctx.out(
    `Wrote ${values.out}: draft board report ${saved.version} for ${formatDate(meeting)}, ${formatDate(saved.periodFrom)} to ${formatDate(saved.periodTo)}.`,
  );
  for (const w of saved.report.withheld) ctx.out(`Left out a note on action ${w.ref}: ${w.reason}.`);
  return 0;
}

async function settings(args: string[], ctx: CliContext, partnership: string): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      committee: { type: 'string' },
      subject: { type: 'string' },
      'report-of': { type: 'string' },
      author: { type: 'string' },
      public: { type: 'string' },
      purpose: { type: 'string' },
      partnership: { type: 'string' },
    },
  });
  const changes: Partial<ReportSettings> = {};
  if (values.committee) changes.committee = values.committee;
  if (values.subject) changes.subject = values.subject;
  if (values['report-of']) changes.reportOf = values['report-of'];
  if (values.author) changes.author = values.author;
  if (values.public) changes.public = !/^(?:no|false|non-public)$/i.test(values.public);
  if (values.purpose) changes.purpose = /decision/i.test(values.purpose) ? 'For Decision' : 'For Information';
  const now = await ctx.store.reports.saveSettings(partnership, changes);
  ctx.out(
    `Board reports for ${partnership}: ${now.committee} · ${now.subject} · ${now.public ? 'Public' : 'Non-public'} · Report of: ${now.reportOf} · Author: ${now.author} · ${now.purpose}`,
  );
  return 0;
}

async function toolkit(ctx: CliContext, partnership: string): Promise<number> {
  const plan = await ctx.store.plans.require(partnership);
  const tags = await ctx.store.toolkit.tags(partnership);
  for (const a of plan.actions) {
    const suggested = suggestToolkitSections(a);
    const now = tags[a.id] ?? [];
    const note = now.join() === suggested.join() ? '' : ` (suggested: ${suggested.map((s) => TOOLKIT_NAMES[s]).join(', ') || 'none'})`;
    ctx.out(`${a.ref}. ${a.title.slice(0, 70)}: ${now.map((s) => TOOLKIT_NAMES[s]).join(', ') || 'none'}${note}`);
  }
  const { uncovered } = toolkitCoverage(tags);
  ctx.out(
    uncovered.length ? `No action covers: ${uncovered.map((s) => TOOLKIT_NAMES[s]).join(', ')}.` : 'Every toolkit area has an action.',
  );
  return 0;
}

async function overview(args: string[], ctx: CliContext, partnership: string, kind: 'quarter' | 'annual'): Promise<number> {
  const plan = await ctx.store.plans.require(partnership);
  const today = dateIn(ctx.now(), plan.timeZone);
  const year = args[0] && /^\d{4}$/.test(args[0]) ? args[0] : today.slice(0, 4);
  const period =
    kind === 'quarter'
      ? quarterOf(today, args[0] === 'last' ? 'last' : 'this')
      : { from: `${year}-01-01`, to: `${year}-12-31`, label: year };
  const [history, reports] = await Promise.all([
    ctx.store.reports.history(partnership),
    ctx.store.reports.list(partnership, { approvedOnly: true }),
  ]);
  const o = buildOverview({
    plan,
    history,
    ...period,
    at: ctx.now(),
    reports: reports.map((r) => ({ periodTo: r.periodTo, counts: r.report.counts })),
  });
  ctx.out(`${kind === 'quarter' ? 'Quarter' : 'Year'}: ${period.label} (${formatDate(period.from)} to ${formatDate(period.to)})`);
  for (const line of overviewLines(o)) ctx.out(line);
  return 0;
}

/** `report --meeting DATE [--since DATE] [--format md|docx --out FILE]`, and `report list|approve|settings|toolkit|quarter|annual`. */
export const reportCommand: CliCommand = async (args, ctx) => {
  const partnershipAt = args.indexOf('--partnership');
  const partnership = partnershipAt >= 0 ? (args[partnershipAt + 1] ?? '') : ctx.config.DEFAULT_PARTNERSHIP;
  const [sub, ...rest] = args;
  if (sub === 'list') {
    const reports = await ctx.store.reports.list(partnership);
    if (!reports.length) ctx.out('No board reports yet.');
    for (const r of reports)
      ctx.out(
        `${r.version}. ${formatDate(r.meetingDate)} · ${formatDate(r.periodFrom)} to ${formatDate(r.periodTo)} · ${r.approved ? `approved by ${r.approved.name}` : 'draft'}`,
      );
    return 0;
  }
  if (sub === 'approve') {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { by: { type: 'string' }, partnership: { type: 'string' } },
    });
    const target = (await ctx.store.reports.list(partnership)).find((r) => String(r.version) === positionals[0]);
    if (!target || !values.by) {
      ctx.out(
        target ? 'Say who approves it: --by "Ali Burlington".' : `There is no board report ${positionals[0] ?? ''}: see report list.`,
      );
      return 2;
    }
    const outcome = await ctx.store.reports.approve({
      partnership,
      id: target.id,
      by: { chatId: `cli:${values.by}`, name: values.by },
      at: ctx.now(),
    });
    ctx.out(
      outcome.status === 'approved'
        ? `Board report ${target.version} is approved and can no longer be changed.`
        : `Board report ${target.version} was already approved.`,
    );
    return 0;
  }
  if (sub === 'settings') return settings(rest, ctx, partnership);
  if (sub === 'toolkit') return toolkit(ctx, partnership);
  if (sub === 'quarter' || sub === 'annual')
    return overview(
      rest.filter((a) => !a.startsWith('--')),
      ctx,
      partnership,
      sub,
    );
  return draft(args, ctx, partnership);
};
