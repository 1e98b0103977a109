/** Time zone used when a partnership has not chosen another. */
export const DEFAULT_TIME_ZONE = 'Europe/London';

const DAY_MONTH_YEAR: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };
const TIME_OF_DAY: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

/** Building an Intl.DateTimeFormat costs far more than using one: keep one per kind and time zone. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: 'day' | 'time', timeZone: string): Intl.DateTimeFormat {
  const key = `${kind}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { ...(kind === 'day' ? DAY_MONTH_YEAR : TIME_OF_DAY), timeZone });
    formatters.set(key, f);
  }
  return f;
}

/** Formats a calendar date (YYYY-MM-DD) as "31 October 2021"; other text is returned unchanged. */
export function formatDueDate(ymd: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!match) return ymd;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (Number.isNaN(date.getTime())) return ymd;
  return formatter('day', 'UTC').format(date);
}

/** Formats an ISO instant in a time zone as { date: "22 November 2026", time: "14:05" }. */
export function formatInstant(iso: string, timeZone: string = DEFAULT_TIME_ZONE): { date: string; time: string } {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return { date: iso, time: '' };
  return { date: formatter('day', timeZone).format(instant), time: formatter('time', timeZone).format(instant) };
}

/** Joins lead organisations with commas, or says that there is none. */
export function joinLeads(leads: readonly string[]): string {
  const named = leads.map((lead) => lead.trim()).filter((lead) => lead.length > 0);
  return named.length > 0 ? named.join(', ') : 'No lead assigned';
}

/** "1 action", "12 actions". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** Cuts text to at most `max` characters, ending with an ellipsis when cut. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

/** Removes characters that Adaptive Card markdown would turn into links or formatting (for echoed user text). */
export function plainText(text: string): string {
  return text
    .replace(/[[\]()*_`#>~\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
