import { formatDate } from '../../dates.js';
import { ragWords } from '../../types.js';
import type { BoardReport } from '../types.js';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The committee header as rows of two cells, as the board papers lay it out. */
export function headerRows(report: BoardReport): [string, string][] {
  const h = report.header;
  return [
    ['Committee(s):', 'Date(s):'],
    [h.committee, formatDate(h.meetingDate)],
    ['Subject:', h.public ? 'Public' : 'Non-public'],
    [h.subject, ''],
    [`Report of: ${h.reportOf}`, h.purpose],
    [`Author: ${h.author}`, ''],
  ];
}

/** The RAG counts table: rating, at the start of the period, now, change. */
export function countRows(report: BoardReport): [string, string, string, string][] {
  return report.ragCounts.map((c) => {
    const diff = c.now - c.atStart;
    return [ragWords(c.rag), String(c.atStart), String(c.now), diff === 0 ? 'no change' : diff > 0 ? `up ${diff}` : `down ${-diff}`];
  });
}

/** The report as Markdown: header table, summary, recommendations, RAG counts table and numbered paragraphs. */
export function reportMarkdown(report: BoardReport): string {
  const lines: string[] = [];
  const rows = headerRows(report);
  const [head, ...rest] = rows;
  lines.push(`| ${(head ?? []).map(cell).join(' | ')} |`, '|---|---|', ...rest.map((r) => `| ${r.map(cell).join(' | ')} |`), '');
  lines.push('## Summary', '', report.summary, '');
  lines.push('## Recommendations', '', `The ${report.header.committee} is asked:`, '');
  for (const [i, r] of report.recommendations.entries()) lines.push(`${i + 1}. ${r}`);
  lines.push('', '## Main report', '');
  lines.push(`RAG ratings, ${formatDate(report.period.from)} to ${formatDate(report.period.to)}:`, '');
  lines.push('| RAG rating | At the start | Now | Change |', '|---|---|---|---|');
  for (const row of countRows(report)) lines.push(`| ${row.join(' | ')} |`);
  lines.push('');
  for (const section of report.sections) {
    lines.push(`### ${section.heading}`, '');
    for (const p of section.paragraphs) lines.push(`${p.number}. ${p.text}`, '');
  }
  lines.push(report.header.author);
  return `${lines.join('\n')}\n`;
}
