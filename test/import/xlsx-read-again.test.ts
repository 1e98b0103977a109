import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readXlsxRows } from '../../bot/import/xlsx.js';
import { ImportError } from '../../bot/errors.js';
import { northshireXlsx } from './partner-plans.js';

// exceljs's streaming reader once failed on a valid workbook while the machine was busy (CI, stop 19): a read that fails
// for a reason other than what the file holds is tried once more; a file that is not a workbook is still refused.

const Reader = ExcelJS.stream.xlsx.WorkbookReader;
afterEach(() => void vi.restoreAllMocks());

/** Makes the streaming reader fail as if its temporary file could not be written, `times` times, then read as usual. */
function failReads(times: number) {
  let left = times;
  const calls = { count: 0 };
  vi.spyOn(ExcelJS.stream.xlsx, 'WorkbookReader').mockImplementation(function (this: unknown, ...args: unknown[]) {
    calls.count++;
    if (left-- > 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    return new (Reader as unknown as new (...a: unknown[]) => unknown)(...args);
  } as never);
  return calls;
}

describe('reading an Excel workbook that fails once for a reason outside the file', () => {
  it('reads it again and gets every row', async () => {
    const calls = failReads(1);
    const sheet = await readXlsxRows(await northshireXlsx(), 'Northshire plan.xlsx');
    expect(calls.count).toBe(2);
    expect(sheet.rows.length).toBeGreaterThan(5);
    expect(sheet.rows.some((r) => r.cells.some((c) => c.includes('Deliver')))).toBe(true);
  });

  it('says the file cannot be read when the second read fails too', async () => {
    const calls = failReads(2);
    const read = readXlsxRows(await northshireXlsx(), 'Northshire plan.xlsx');
    await expect(read).rejects.toBeInstanceOf(ImportError);
    await expect(read).rejects.toThrow('the file is not an Excel workbook that can be read (.xlsx).');
    expect(calls.count).toBe(2);
  });

  it('refuses a file that is not a workbook, with the same words', async () => {
    const read = readXlsxRows(new TextEncoder().encode('not a zip at all'), 'broken.xlsx');
    await expect(read).rejects.toThrow('the file is not an Excel workbook that can be read (.xlsx).');
  });
});
