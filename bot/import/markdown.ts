import { ImportError } from '../errors.js';
import { cleanCell } from './cell-text.js';
import { cellsFor, mapColumns } from './columns.js';
import { type ExtraColumn, extraColumns, unmappedColumnWarnings } from './extra-columns.js';
import { isPeriod, looksLikeHeading, plainText } from './plain-lines.js';
import type { ColumnMap, SourcePlan } from './types.js';

interface TableLine {
  line: number;
  cells: string[];
}

interface Mapping {
  columns: ColumnMap;
  extras: ExtraColumn[];
  width: number;
}

const SEPARATOR = /^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?$/;

function splitRow(text: string): string[] {
  const inner = text
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => cleanCell(cell.replace(/\\\|/g, '|').replace(/\*\*|__/g, '')));
}

/** Reads the plain lines and tables of a Markdown plan into rows, keeping the column mapping across page breaks. */
export function readMarkdown(text: string, file: string): SourcePlan {
  const plan: SourcePlan = { file, title: '', period: '', objectives: [], rows: [], warnings: [] };
  const lines = text.split(/\r\n|\n|\r/);
  let theme = '';
  let mapping: Mapping | null = null;
  let seenTable = false;

  const readTable = (block: TableLine[]): void => {
    const lineText = (row: TableLine | undefined): string => (row ? (lines[row.line - 1] ?? '').trim() : '');
    const hasHeader = block.length > 1 && SEPARATOR.test(lineText(block[1]));
    let data = block.filter((row) => !SEPARATOR.test(lineText(row)));
    const [header, ...rest] = data;
    if (header === undefined) return;
    if (hasHeader || mapping === null) {
      const blank = header.cells.every((c) => c === '');
      const names = header.cells.map((c) => c.replace(/\n/g, ' '));
      const columns = mapColumns(names);
      if (columns.title !== undefined) {
        const extras = extraColumns(names, columns);
        mapping = { columns, extras: extras.kept, width: header.cells.length };
        plan.warnings.push(...unmappedColumnWarnings(header.line, extras));
        data = rest;
      } else if (mapping === null || !(blank || Object.keys(columns).length === 0)) {
        throw new ImportError(
          'IMPORT_NO_ACTION_COLUMN',
          file,
          header.line,
          null,
          'this table has no column for the action (such as "Key Actions", "Action" or "Description").',
        );
      } else if (blank) {
        data = rest;
      }
    }
    const current = mapping as Mapping;
    const width = Math.max(...data.map((row) => row.cells.length), current.width);
    const [first] = data;
    if (first && width !== current.width) {
      plan.warnings.push(
        `Line ${first.line}: this table has ${width} columns but the header had ${current.width}; cells were matched by position.`,
      );
    }
    for (const row of data) {
      const extras = Object.fromEntries(current.extras.map((e) => [e.header, row.cells[e.index] ?? '']).filter(([, text]) => text !== ''));
      plan.rows.push({ line: row.line, theme, cells: cellsFor(current.columns, row.cells), columns: current.columns, extras });
    }
  };

  for (let i = 0; i < lines.length; i++) {
    const trimmed = (lines[i] ?? '').trim();
    if (trimmed === '') continue;
    if (trimmed.startsWith('|')) {
      const block: TableLine[] = [];
      for (let line = lines[i]; line?.trim().startsWith('|'); line = lines[++i]) block.push({ line: i + 1, cells: splitRow(line) });
      i--;
      readTable(block);
      seenTable = true;
      continue;
    }
    const next =
      lines
        .slice(i + 1)
        .find((l) => l.trim() !== '')
        ?.trim() ?? '';
    const heading = /^#{1,6}\s/.test(trimmed);
    const line = plainText(trimmed);
    if (plan.title === '' && !seenTable) plan.title = line;
    else if (plan.period === '' && !seenTable && isPeriod(line)) plan.period = line;
    else if (!seenTable && !heading && /^\d+[.)]\s/.test(trimmed)) plan.objectives.push(line.replace(/^\d+[.)]\s+/, ''));
    else if (heading || (looksLikeHeading(line) && (next.startsWith('|') || seenTable))) theme = line;
    else if (seenTable) plan.warnings.push(`Line ${i + 1}: text outside a table was not imported: "${line.slice(0, 60)}".`);
  }
  return plan;
}
