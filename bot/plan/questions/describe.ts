import { addDays, dateParts, formatDate, formatMonth, monthStart } from '../dates.js';
import type { Rag } from '../types.js';
import type { ActionFilter } from './types.js';

/** "A, B or C" */
function either(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function ragPhrase(rags: Rag[], beforeNoun: boolean): string {
  const outstanding = ['RED', 'AMBER', 'GREEN', 'UNRATED'].every((r) => rags.includes(r as Rag)) && !rags.includes('COMPLETE');
  if (outstanding) return 'outstanding (not COMPLETE)';
  const unrated = beforeNoun ? 'not-yet-rated' : 'not yet rated';
  return either(rags.map((rag) => (rag === 'UNRATED' ? unrated : rag)));
}

function range(from: string | undefined, before: string | undefined): string {
  if (from && before) {
    const { month, day } = dateParts(from);
    if (day === 1 && month === 1 && before === `${dateParts(from).year + 1}-01-01`) return `in ${dateParts(from).year}`;
    if (day === 1 && before === monthStart(from, 1)) return `in ${formatMonth(from)}`;
    if (before === addDays(from, 1)) return `on ${formatDate(from)}`;
    return `between ${formatDate(from)} and ${formatDate(addDays(before, -1))}`;
  }
  if (before) return `before ${formatDate(before)}`;
  return from ? `on or after ${formatDate(from)}` : '';
}

function duePhrase(due: NonNullable<ActionFilter['due']>): string {
  const dated = due.from || due.before ? `due ${range(due.from, due.before)}` : '';
  return [due.overdue ? 'overdue' : '', dated].filter(Boolean).join(' and ');
}

/**
 * The first line of an answer: how many actions and what was understood, RAG in words
 * ("12 actions are AMBER", "No actions are overdue", "3 AMBER actions led by City of London Police Prevent team").
 */
export function describeFilter(filter: ActionFilter, count: number): string {
  const notes = [
    filter.status?.length ? `${either(filter.status.map((w) => `"${w}"`))} read as ${ragPhrase(filter.rags ?? [], false)}` : '',
    filter.mine ? 'your organisation' : '',
    filter.rankBy?.length ? `best matches for "${filter.rankBy.join(' ')}" first` : '',
    ...(filter.corrections ?? []).map(
      ({ written, read, others }) => `"${written}" read as "${read}"${others?.length ? `; did you mean "${others.join('" or "')}"?` : ''}`,
    ),
  ].filter(Boolean);
  const line = describeReading(filter, count);
  return notes.length > 0 ? `${line} (${notes.join('; ')})` : line;
}

/** The answer to a kind of partner that leads nothing: "No action is led by health partners; actions are led by …". */
export function describeNoLead(label: string, leaders: string[]): string {
  const led = leaders.length > 0 ? `; actions are led by ${leaders.join(', ')}` : '';
  return `No action is led by ${label}${led}.`;
}

function describeReading(filter: ActionFilter, count: number): string {
  const many = count !== 1;
  const number = count === 0 ? 'No' : String(count);
  const noun = many ? 'actions' : 'action';
  const be = many ? 'are' : 'is';
  const rags = filter.rags ?? [];
  const text = filter.text && filter.text.length > 0 ? `"${filter.text.join(' ')}"` : '';
  const leads = filter.leads?.length ? filter.leads : [];
  const themes = filter.themes?.length ? filter.themes : [];
  const due = filter.due ? duePhrase(filter.due) : '';

  if (rags.length > 0 && !text && !leads.length && !themes.length && !due) {
    return `${number} ${noun} ${be} ${ragPhrase(rags, false)}`;
  }
  if (text && !rags.length && !leads.length && !themes.length && !due) {
    return `${number} ${noun} ${many ? 'match' : 'matches'} ${text}`;
  }
  const subject = [
    number,
    rags.length > 0 ? `${ragPhrase(rags, true)} ${noun}` : noun,
    leads.length > 0 ? `led by ${either(leads)}${filter.ownerName ? ` or owned by ${filter.ownerName}` : ''}` : '',
    !leads.length && filter.ownerName ? `owned by ${filter.ownerName}` : '',
    themes.length > 0 ? `in ${either(themes)}` : '',
    text ? `matching ${text}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  if (due) return `${subject} ${be} ${due}`;
  return rags.length || leads.length || filter.ownerName || themes.length || text ? subject : `${subject} in the plan`;
}
