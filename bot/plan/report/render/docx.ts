import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { formatDate } from '../../dates.js';
import type { BoardReport } from '../types.js';
import { CHART_SIZE, chartCaption, ragChartPng } from './chart.js';
import { countRows, headerRows } from './markdown.js';

const FONT = 'Arial';
const NO_BORDERS = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideHorizontal: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
};

const para = (text: string, bold = false) => new Paragraph({ children: [new TextRun({ text, bold })], spacing: { after: 160 } });
const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_2) =>
  new Paragraph({ text, heading: level, spacing: { before: 240, after: 120 } });

function table(rows: string[][], options: { header?: boolean; borders?: boolean } = {}): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    ...(options.borders === false ? { borders: NO_BORDERS } : {}),
    rows: rows.map(
      (row, r) =>
        new TableRow({
          tableHeader: options.header && r === 0,
          children: row.map(
            (text) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold: options.header && r === 0 })] })] }),
          ),
        }),
    ),
  });
}

/** The report as a Word document: committee header, summary, recommendations, RAG table and chart, numbered paragraphs. */
export async function reportDocx(report: BoardReport): Promise<Buffer> {
  const caption = chartCaption(report.series);
  const body = [
    table(headerRows(report), { borders: false }),
    heading('Summary'),
    para(report.summary),
    heading('Recommendations'),
    para(`The ${report.header.committee} is asked:`),
    ...report.recommendations.map((r, i) => para(`${i + 1}. ${r}`)),
    heading('Main report'),
    para(`RAG ratings, ${formatDate(report.period.from)} to ${formatDate(report.period.to)}:`),
    table([['RAG rating', 'At the start', 'Now', 'Change'], ...countRows(report)], { header: true }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 200 },
      children: [
        new ImageRun({
          type: 'png',
          data: ragChartPng(report.series),
          transformation: { width: CHART_SIZE.width * 0.75, height: CHART_SIZE.height * 0.75 },
          altText: { name: 'RAG chart', title: 'RAG ratings over the period', description: caption },
        }),
      ],
    }),
    new Paragraph({ children: [new TextRun({ text: caption, italics: true, size: 18 })], spacing: { after: 240 } }),
    ...report.sections.flatMap((section) => [
      heading(section.heading, HeadingLevel.HEADING_3),
      ...section.paragraphs.map((p) => para(`${p.number}. ${p.text}`)),
    ]),
    para(report.header.author, true),
  ];
  const document = new Document({
    creator: report.partnership,
    title: `${report.header.subject}: ${report.header.committee}, ${formatDate(report.header.meetingDate)}`,
    styles: { default: { document: { run: { font: FONT, size: 22 } } } },
    sections: [{ children: body }],
  });
  return Packer.toBuffer(document);
}
