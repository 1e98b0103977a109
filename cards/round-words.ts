import { DateTime } from 'luxon';

/** A date with its weekday, as people write it: "Friday 4 December 2026". */
export function longDate(iso: string): string {
  return DateTime.fromISO(iso, { zone: 'UTC' }).setLocale('en-GB').toFormat('cccc d LLLL yyyy');
}

/** An instant as a local time and day: "17:00 on Thursday 3 December 2026". */
export function timeAndDay(instant: Date | string, timeZone: string): string {
  const local = DateTime.fromJSDate(new Date(instant), { zone: timeZone }).setLocale('en-GB');
  return `${local.toFormat('HH:mm')} on ${local.toFormat('cccc d LLLL yyyy')}`;
}

/** What a round is for: "the board meeting on Friday 4 December 2026". */
export function roundName(round: { title: string; meetingDate: string }): string {
  return `the ${round.title} on ${longDate(round.meetingDate)}`;
}
