import { adaptiveCard, factSet, heading, text, type CardResult, type Element } from './elements.js';
import { plural } from './format.js';

export interface PrivacyCardInput {
  retention: { dialogDays: number; jobRunDays: number; stoppedCountDays: number; auditDays: number };
  /** who to ask about personal data */
  contact: string;
  notesToChannel: boolean;
  /** coordinators also see how many notes the guard stopped (counts only) */
  stopped?: { lastWeek: number; lastMonth: number };
}

/** What the bot stores about partners, why, for how long, and who to ask; for coordinators, the stopped-note counts. */
export function buildPrivacyCard(input: PrivacyCardInput): CardResult {
  const r = input.retention;
  const intro =
    'I never store or post anything about a person referred to the Channel panel: notes, messages, case references and imports that look like personal data are stopped and not kept anywhere. Case reviews use an opaque reference only.';
  const stored: [string, string][] = [
    [
      'You',
      'Your Teams id, name, email if given, organisation, role and reminder settings: to know who may update what and whom to remind. Kept while you are a member.',
    ],
    [
      'Your updates',
      'Who changed an action, when, the RAG rating, note and progress: the plan’s history for the board. Kept with the plan; if you are erased, your name becomes “former member N”.',
    ],
    ['Update conversations', `What you have answered so far: deleted ${plural(r.dialogDays, 'day')} after the conversation ends.`],
    ['Reminder pauses', 'Until the date you chose.'],
    ['Scheduled job runs', `${plural(r.jobRunDays, 'day')}.`],
    ['Stopped notes', `A count per day, never the text: ${plural(r.stoppedCountDays, 'day')}.`],
    ['Audit trail', `Exports, erasures, role and privacy changes: ${plural(r.auditDays, 'day')}.`],
  ];
  const channel = input.notesToChannel
    ? 'Update notes are posted to the partnership channel with RAG changes.'
    : 'Update notes are not posted to the channel: it is told what changed and by whom.';
  const ask = `To see or erase what is held about you, or with any question, ask ${input.contact}.`;
  const body: Element[] = [heading('Privacy: what I keep and why'), text(intro), factSet(stored), text(channel), text(ask)];
  const lines = ['Privacy: what I keep and why', intro, ...stored.map(([k, v]) => `${k}: ${v}`), channel, ask];
  if (input.stopped) {
    const counts = `Notes stopped by the confidentiality guard: ${input.stopped.lastWeek} in the last 7 days, ${input.stopped.lastMonth} in the last 30 days (counts only; the text is never kept).`;
    body.push(text(counts, { weight: 'Bolder' }));
    lines.push(counts);
  }
  return { card: adaptiveCard(body), text: lines.join('\n') };
}
