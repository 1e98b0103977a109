import ExcelJS from 'exceljs';
import { exportTable } from './export-table.js';
import type { PlanView, Rag } from './types.js';
import { planShortName } from './plan-names.js';

/** Fill colours for RAG cells (BRAG: complete is blue); the word is always written too. */
const RAG_FILL: Record<Rag, string | null> = {
  RED: 'FFFF0000',
  AMBER: 'FFFFC000',
  GREEN: 'FF00B050',
  COMPLETE: 'FF0070C0',
  UNRATED: null,
};
const WHITE_TEXT: Rag[] = ['RED', 'COMPLETE'];

/** A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ], unique in the workbook; the plan's years first when a long title would lose them. */
function sheetName(plan: PlanView, used: Set<string>): string {
  const clean = (text: string) => text.replace(/[:\\/?*[\]]/g, ' ').trim();
  const years = clean(planShortName(plan));
  const title = clean(plan.title);
  const named = title.length <= 28 || years === title || title.slice(0, 28).includes(years) ? title : `${years} ${title}`;
  const base = named.slice(0, 28).trim() || 'Plan';
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base} ${n}`;
  used.add(name.toLowerCase());
  return name;
}

/** The Excel export: one sheet per plan, title and period above the header, RAG in words and colour, the latest update and its date. */
export async function exportXlsx(plans: PlanView[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const used = new Set<string>();
  for (const plan of plans) {
    const sheet = workbook.addWorksheet(sheetName(plan, used));
    const table = exportTable(plan, { updates: true });
    sheet.addRow([plan.title]).font = { bold: true, size: 14 };
    if (plan.period) sheet.addRow([plan.period]);
    if (plan.status && plan.status !== 'live')
      sheet.addRow([plan.status === 'draft' ? 'Not live yet' : 'Archived plan (kept as a record)']);
    sheet.addRow([]);
    const header = sheet.addRow(table.header);
    header.font = { bold: true };
    for (const cells of table.rows) {
      const row = sheet.addRow(cells.map((c) => c.text));
      cells.forEach((c, i) => {
        const fill = c.rag ? RAG_FILL[c.rag] : null;
        if (!c.rag || fill === null) return;
        const cell = row.getCell(i + 1);
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
        cell.font = { bold: true, color: { argb: WHITE_TEXT.includes(c.rag) ? 'FFFFFFFF' : 'FF000000' } };
      });
      row.alignment = { wrapText: true, vertical: 'top' };
    }
    sheet.columns.forEach((column, i) => {
      column.width = [8, 18, 50, 18, 40, 28, 40, 14][i] ?? 30;
    });
    sheet.views = [{ state: 'frozen', ySplit: header.number }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
