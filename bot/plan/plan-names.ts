import type { PlanStatus } from './types.js';

/** What naming a plan needs to know about it. */
export interface NamedPlan {
  title: string;
  period: string;
  status: PlanStatus;
  /** ISO instants: the newest archived or draft plan is "last year's" or "next year's" */
  importedAt: string;
  archivedAt?: string | null;
}

/** The plan a partner's words name: one plan, several that fit equally, or none. */
export type PlanMatch<P> = { kind: 'match'; plan: P } | { kind: 'ambiguous'; plans: P[] } | { kind: 'none' };

const YEAR_SPAN =
  /\b((?:19|20)\d{2})(?:\s*(?:[-–—/]|\bto\b|\buntil\b|\btill\b|\bthrough\b|\band\b)\s*(?:[a-z]+\.?\s+)?((?:19|20)?\d{2})\b)?/i;

/** The years a text names: "2020–24", "2020 to 2024", "2025/26", "October 2020 – October 2024" → [2020, 2024]; "2023" → [2023, 2023]. */
export function yearSpan(text: string): [number, number] | null {
  const m = YEAR_SPAN.exec(text);
  if (!m?.[1]) return null;
  const start = Number(m[1]);
  if (!m[2]) return [start, start];
  const end = m[2].length === 2 ? Math.floor(start / 100) * 100 + Number(m[2]) : Number(m[2]);
  return end >= start && end - start <= 10 ? [start, end] : [start, start];
}

/** The years a plan covers: from its period, else its title. */
export function planSpan(plan: Pick<NamedPlan, 'title' | 'period'>): [number, number] | null {
  return yearSpan(plan.period) ?? yearSpan(plan.title);
}

/** The short name people give a plan: its years ("2020–24", "2025–26", "2024"), else its title. */
export function planShortName(plan: Pick<NamedPlan, 'title' | 'period'>): string {
  const span = planSpan(plan);
  if (!span) return plan.title;
  return spanWords(span);
}

/** "the 2020–24 plan (City of London Prevent Strategic Action Plan)": the short name, with the title when they differ. */
export function planLabel(plan: Pick<NamedPlan, 'title' | 'period'>): string {
  const short = planShortName(plan);
  return short === plan.title ? `"${plan.title}"` : `the ${short} plan ("${plan.title}")`;
}

const LIVE_WORDS = /\b(?:current|live|present|active|this\s+year['’]?s?)\b/i;
const EARLIER_WORDS = /\b(?:last|previous|old|older|earlier|former|archived|past|prior)\b/i;
const LATER_WORDS = /\b(?:next|new|newer|upcoming|coming|draft|future)\b/i;
/** Words in many plans' titles that name no plan in particular. */
const GENERIC = new Set(['the', 'a', 'our', 'plan', 'plans', 'action', 'actions', 'prevent', 'partnership', 'year', 'years', 's']);

const normalise = (text: string): string =>
  text
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const significant = (text: string): string[] =>
  normalise(text)
    .split(' ')
    .filter((w) => w && !GENERIC.has(w) && !/^\d+$/.test(w));

const newest = <P extends NamedPlan>(plans: P[], at: (p: P) => string): P | undefined =>
  [...plans].sort((a, b) => at(b).localeCompare(at(a)))[0];

const one = <P>(plans: P[]): PlanMatch<P> => {
  const [first] = plans;
  if (plans.length === 1 && first !== undefined) return { kind: 'match', plan: first };
  return plans.length ? { kind: 'ambiguous', plans } : { kind: 'none' };
};

/** Whether words could be the name of a plan at all: they name years, say which ("last year's", "live") or more than generic words. */
export function looksLikePlanName(words: string): boolean {
  return yearSpan(words) !== null || LIVE_WORDS.test(words) || EARLIER_WORDS.test(words) || LATER_WORDS.test(words);
}

/**
 * The plan a partner names, tolerantly: by years ("2020-24", "2020 to 2024", "2021" within 2020–24), by which
 * ("last year's", "the old plan" → the newest archived; "next year's", "the new plan" → the newest draft; "current",
 * "live"), or by words of its title. Years decide before title words; several equally good plans are ambiguous.
 */
export function matchPlan<P extends NamedPlan>(words: string, plans: P[]): PlanMatch<P> {
  const span = yearSpan(words);
  if (span) {
    const [start, end] = span;
    const spans = plans.map((p) => ({ p, s: planSpan(p) }));
    const exact = spans.filter(({ s }) => s && s[0] === start && s[1] === end).map(({ p }) => p);
    if (exact.length) return one(exact);
    const within = spans.filter(({ s }) => s && s[0] <= start && end <= s[1]).map(({ p }) => p);
    return one(within);
  }
  if (LIVE_WORDS.test(words)) return one(plans.filter((p) => p.status === 'live'));
  if (EARLIER_WORDS.test(words)) {
    const archived = newest(
      plans.filter((p) => p.status === 'archived'),
      (p) => p.archivedAt ?? p.importedAt,
    );
    return archived ? { kind: 'match', plan: archived } : { kind: 'none' };
  }
  if (LATER_WORDS.test(words)) {
    const draft = newest(
      plans.filter((p) => p.status === 'draft'),
      (p) => p.importedAt,
    );
    return draft ? { kind: 'match', plan: draft } : { kind: 'none' };
  }
  const asked = significant(words);
  if (!asked.length) return { kind: 'none' };
  const titled = plans.filter((p) => {
    const title = new Set(significant(`${p.title} ${p.period}`));
    return asked.every((w) => title.has(w));
  });
  return one(titled);
}

/** A question about a named plan, taken apart: the words naming the plan and the question without them. */
export interface PlanPhrase {
  words: string;
  rest: string;
}

const LEADING = /^(?:in|from|for|on|of)\s+(?:the\s+)?(.+?)\s+plan\s*[,:;]?\s+(.+)$/i;
const TRAILING = /^(.+)\s*,?\s+(?:in|from|for|on|of)\s+(?:the\s+)?(.+?)\s+plan\s*[?.!]*$/i;
const MIDDLE = /^(.+?)\s+(?:in|from|for|on|of)\s+(?:the\s+)?(.+?)\s+plan\s*,?\s+(.+?)$/i;
const PLAN_FOR = /^(.+?)\s*,?\s+(?:in|from)\s+(?:the\s+)?plan\s+(?:for\s+|of\s+)?((?:19|20)\d{2}.*?)\s*[?.!]*$/i;

/**
 * Finds "in the 2020–24 plan, …", "… in last year's plan", "… from the plan for 2020-24", "update 2.2 in the 2020–24 plan to
 * amber" in a message. Only words that
 * could name a plan count (see looksLikePlanName), or words matching a known plan title: "in the plan" and "in the
 * training plan" are left to the question.
 */
export function takePlanPhrase(text: string, titles: string[] = []): PlanPhrase | null {
  const trimmed = text.trim();
  const leading = LEADING.exec(trimmed);
  const trailing = TRAILING.exec(trimmed);
  const planFor = PLAN_FOR.exec(trimmed);
  const candidates: PlanPhrase[] = [];
  if (leading?.[1] && leading[2]) candidates.push({ words: leading[1], rest: leading[2] });
  if (trailing?.[1] && trailing[2]) candidates.push({ words: trailing[2], rest: trailing[1] });
  if (planFor?.[1] && planFor[2]) candidates.push({ words: planFor[2], rest: planFor[1] });
  const middle = MIDDLE.exec(trimmed);
  if (middle?.[1] && middle[2] && middle[3]) candidates.push({ words: middle[2], rest: `${middle[1]} ${middle[3]}` });
  const named = (words: string) => {
    const asked = significant(words);
    return asked.length > 0 && titles.some((t) => asked.every((w) => significant(t).includes(w)));
  };
  return candidates.find((c) => looksLikePlanName(c.words) || named(c.words)) ?? null;
}

/** Formats a span as people write it: "2027–28", "2024", "1999–2003". */
function spanWords([start, end]: [number, number]): string {
  if (start === end) return String(start);
  return Math.floor(start / 100) === Math.floor(end / 100) ? `${start}–${String(end).slice(-2)}` : `${start}–${end}`;
}

/**
 * The title and period of next year's plan: the UK financial year after today's (April to March), or the years the
 * coordinator's own title names. Without a title, the live plan's title with its years replaced (or added).
 */
export function nextPlanName(live: { title: string }, today: string, called?: string): { title: string; period: string } {
  const [year = 2000, month = 1] = today.split('-').map(Number);
  const start = (month >= 4 ? year : year - 1) + 1;
  const period = spanWords([start, start + 1]);
  const title = called?.trim().replace(/^["“']+|["”']+$/g, '');
  if (title) {
    const span = yearSpan(title);
    return { title, period: span ? spanWords(span) : period };
  }
  const written = YEAR_SPAN.exec(live.title);
  return written ? { title: live.title.replace(written[0], period), period } : { title: `${live.title} ${period}`, period };
}
