import mammoth from 'mammoth';
import { ImportError } from '../errors.js';
import { cleanCell, stripHtml } from './cell-text.js';
import type { GridRow } from './grid.js';
import { checkRowCount } from './limits.js';

const TABLE = /<table\b[^>]*>([\s\S]*?)<\/table>/gi;
const ROW = /<tr\b[^>]*>([\s\S]*?)<\/tr>/gi;
const CELL = /<t([dh])\b([^>]*)>([\s\S]*?)<\/t\1>/gi;
const BLOCK_END = /<\/(?:p|h[1-6]|li)>/i;

function tableRows(html: string): string[][] {
  return [...html.matchAll(ROW)].map(([, row = '']) =>
    [...row.matchAll(CELL)].flatMap(([, , attributes = '', inner = '']) => {
      const span = Number(attributes.match(/colspan="(\d+)"/)?.[1] ?? 1);
      return [cleanCell(inner), ...Array.from({ length: Math.max(0, span - 1) }, () => '')];
    }),
  );
}

function paragraphs(html: string): string[] {
  return html
    .split(BLOCK_END)
    .map((part) => stripHtml(part).replace(/\s+/g, ' ').trim())
    .filter((text) => text !== '');
}

/** Turns the HTML mammoth makes from a Word document into rows: each paragraph a row of one cell, each table row its cells; lines count paragraphs and table rows in document order. */
export function htmlToRows(html: string, file: string): GridRow[] {
  const rows: GridRow[] = [];
  const push = (cells: string[], paragraph: boolean): void => {
    checkRowCount(file, rows.length + 1);
    rows.push({ line: rows.length + 1, cells, paragraph });
  };
  let at = 0;
  for (const match of html.matchAll(TABLE)) {
    for (const text of paragraphs(html.slice(at, match.index))) push([text], true);
    for (const cells of tableRows(match[1] ?? '')) push(cells, false);
    at = (match.index ?? 0) + match[0].length;
  }
  for (const text of paragraphs(html.slice(at))) push([text], true);
  return rows;
}

/** Reads a Word document's paragraphs and tables (mammoth turns .docx into HTML); rows are numbered in document order. */
export async function readDocxRows(bytes: Uint8Array, file: string): Promise<GridRow[]> {
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
  } catch {
    throw new ImportError('IMPORT_UNREADABLE', file, null, null, 'the file is not a Word document that can be read (.docx).');
  }
  return htmlToRows(html, file);
}
