import { parseMeetingDate } from '../rounds.js';
import type { TypedCounts } from './types.js';

/** What "draft the board report for the 4 December board since 1 September with 2 training sessions" asks for. */
export interface ReportRequest {
  meetingDate: string | null;
  /** the words given for the meeting when they are not a date */
  unreadMeeting: string | null;
  since: string | null;
  unreadSince: string | null;
  counts: TypedCounts;
}

const number = (word: string) => (/^(?:no|none)$/i.test(word) ? 0 : Number(word));
const N = '(\\d{1,5}|no)';

/** Counts typed after "with": "0 Channel referrals, 2 open cases, 4 training sessions, 55 attendees, 12 businesses". */
export function parseTypedCounts(text: string): TypedCounts {
  const counts: TypedCounts = {};
  const take = (key: keyof TypedCounts, pattern: RegExp) => {
    const m = text.match(pattern);
    if (m?.[1]) counts[key] = number(m[1]);
  };
  take('channelReferrals', new RegExp(`\\b${N}\\s+(?:new\\s+)?channel\\s+(?:referrals?|cases?)`, 'i'));
  take('channelOpenCases', new RegExp(`\\b${N}\\s+open\\s+(?:channel\\s+)?cases?`, 'i'));
  take('trainingSessions', new RegExp(`\\b${N}\\s+(?:training\\s+)?sessions?`, 'i'));
  take('trainingAttendees', new RegExp(`\\b${N}\\s+(?:people\\s+trained|(?:people\\s+)?attend(?:ees|ed)|trained)`, 'i'));
  take('businessesEngaged', new RegExp(`\\b${N}\\s+businesses`, 'i'));
  return counts;
}

/** A date in the past people write ("1 September", "2026-09-01"): without a year, the last such day up to today. */
export function parsePastDate(text: string, today: string): string | null {
  const date = parseMeetingDate(text, today);
  if (!date || date <= today || /\d{4}/.test(text)) return date;
  return `${Number(date.slice(0, 4)) - 1}${date.slice(4)}`;
}

/** Reads the words after "draft the board report". Pure. */
export function parseReportRequest(rest: string, today: string): ReportRequest {
  const meeting = rest.match(/\bfor\s+(?:the\s+|our\s+)?(.+?)\s*(?:board(?:\s+meeting)?|meeting)?(?=\s+(?:since|from|with)\b|[.!?]*$)/i);
  const since = rest.match(/\b(?:since|from)\s+(.+?)(?=\s+with\b|[.!?]*$)/i);
  const withPart = rest.match(/\bwith\s+(.+)$/i);
  const meetingWords = meeting?.[1] ?? null;
  const sinceWords = since?.[1] ?? null;
  const meetingDate = meetingWords ? parseMeetingDate(meetingWords, today) : null;
  const sinceDate = sinceWords ? parsePastDate(sinceWords, today) : null;
  return {
    meetingDate,
    unreadMeeting: meetingWords && !meetingDate ? meetingWords : null,
    since: sinceDate,
    unreadSince: sinceWords && !sinceDate ? sinceWords : null,
    counts: withPart?.[1] ? parseTypedCounts(withPart[1]) : {},
  };
}
