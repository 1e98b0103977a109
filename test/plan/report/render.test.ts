import mammoth from 'mammoth';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { buildReportCard } from '../../../cards/report-card.js';
import { validateCard } from '../../../cards/validate.js';
import { composeReport } from '../../../bot/plan/report/compose.js';
import { ragChartPng } from '../../../bot/plan/report/render/chart.js';
import { reportDocx } from '../../../bot/plan/report/render/docx.js';
import { reportMarkdown } from '../../../bot/plan/report/render/markdown.js';
import { DRAFTED_AT, SETTINGS, scriptedPlan } from './scripted-history.js';

function draft() {
  const { plan, history } = scriptedPlan();
  return composeReport({
    plan,
    history,
    settings: SETTINGS,
    meetingDate: '2026-12-04',
    since: '2026-09-01',
    at: DRAFTED_AT,
    counts: { channelReferrals: 0, trainingSessions: 4, trainingAttendees: 55 },
  });
}

const strip = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .trim();

/** The paragraphs and tables of a .docx, read back with mammoth. */
async function readDocx(buffer: Buffer) {
  const { value: html } = await mammoth.convertToHtml({ buffer });
  const tables = [...html.matchAll(/<table>(.*?)<\/table>/g)].map((t) =>
    [...(t[1] ?? '').matchAll(/<tr>(.*?)<\/tr>/g)].map((r) =>
      [...(r[1] ?? '').matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/g)].map((c) => strip(c[1] ?? '')),
    ),
  );
  const outside = html.replace(/<table>.*?<\/table>/g, '');
  const paragraphs = [...outside.matchAll(/<(?:p|h\d)>(.*?)<\/(?:p|h\d)>/g)].map((p) => strip(p[1] ?? '')).filter(Boolean);
  return { html, tables, paragraphs };
}

describe('the Word document', () => {
  it('has the committee header, the RAG counts table, the chart and one numbered paragraph per moved action', async () => {
    const { tables, paragraphs, html } = await readDocx(await reportDocx(draft()));
    expect(tables[0]).toEqual([
      ['Committee(s):', 'Date(s):'],
      ['Safer City Partnership', '4 December 2026'],
      ['Subject:', 'Public'],
      ['Prevent Update', ''],
      ['Report of: Chief Officer, Community and Children’s Services', 'For Information'],
      ['Author: Community Safety Officer (Prevent Coordinator)', ''],
    ]);
    expect(tables[1]).toEqual([
      ['RAG rating', 'At the start', 'Now', 'Change'],
      ['RED', '2', '2', 'no change'],
      ['AMBER', '12', '12', 'no change'],
      ['GREEN', '8', '7', 'down 1'],
      ['COMPLETE', '2', '3', 'up 1'],
    ]);
    expect(html).toContain('<img');
    const moved = paragraphs.filter((p) => /^\d+\. Action \d+ \(.*\) (improved|worsened|was completed|became RED), from/.test(p));
    expect(moved.map((p) => p.match(/Action (\d+)/)?.[1])).toEqual(['1', '8', '17', '18']);
    expect(moved[3]).toContain('improved, from RED to AMBER, on 15 September 2026: “Met three faith leaders; forum planned for January.”');
    expect(paragraphs).toContain('Summary');
    expect(paragraphs).toContainEqual(expect.stringMatching(/^1\. There have been no new Channel cases since the Safer City Partnership/));
    expect(paragraphs).toContainEqual(expect.stringContaining('4 of 6 sessions delivered, up from 2.'));
    expect(paragraphs.join('\n')).not.toContain('7606');
  });
});

describe('the chart', () => {
  it('is a PNG with one stacked bar per sampled week, coloured by RAG', () => {
    const report = draft();
    const png = PNG.sync.read(ragChartPng(report.series));
    expect([png.width, png.height]).toEqual([600, 240]);
    const bottom = png.height - 13;
    const coloured = new Set<string>();
    for (let x = 0; x < png.width; x++) {
      const i = (png.width * bottom + x) << 2;
      coloured.add(png.data.slice(i, i + 3).join(','));
    }
    expect(coloured).toContain('46,84,150');
  });
});

describe('Markdown and the card', () => {
  it('Markdown has the header, counts table and numbered paragraphs', () => {
    const md = reportMarkdown(draft());
    expect(md).toContain('| Safer City Partnership | 4 December 2026 |');
    expect(md).toContain('| GREEN | 8 | 7 | down 1 |');
    expect(md).toMatch(/^\d+\. Action 8 \(.*\) became RED, from AMBER to RED/m);
  });

  it('the card validates, names RAG in words and offers Approve only on a draft for a coordinator', () => {
    const report = draft();
    const draftCard = buildReportCard({ report, id: 7, version: 2, status: 'draft', canApprove: true });
    expect(validateCard(draftCard.card)).toEqual([]);
    expect(JSON.stringify(draftCard.card)).toContain('Approve this draft');
    expect(draftCard.text).toContain('Draft board report 2: Safer City Partnership, 4 December 2026');
    expect(draftCard.text).toContain('RED: 2 (at the start: 2)');
    const approved = buildReportCard({
      report,
      id: 7,
      version: 2,
      status: 'approved',
      canApprove: true,
      approved: { by: 'Ali', on: '2026-11-26' },
    });
    expect(JSON.stringify(approved.card)).not.toContain('Approve this draft');
    expect(approved.text).toContain('it can no longer be changed');
  });
});
