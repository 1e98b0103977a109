import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import ExcelJS from 'exceljs';

/** Six plans in the shapes partners keep them, built in code: Excel, Word, CSV in three encodings. */

/** Excel: a merged title row, a period row, a spacer, a two-row merged header, objectives as merged section rows, a date cell. */
export async function northshireXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Action plan');
  sheet.addRow(['Northshire Prevent Action Plan 2025/26']);
  sheet.mergeCells('A1:G1');
  sheet.addRow(['2025-2026']);
  sheet.addRow([]);
  sheet.addRow(['Ref', 'Action', 'Lead', 'Timescale', '', 'Progress', '']);
  sheet.mergeCells('D4:E4');
  sheet.mergeCells('F4:G4');
  sheet.addRow(['', '', '', 'Start', 'Target date', 'RAG', 'Update']);
  sheet.addRow(['Objective 1: Leadership and partnership']);
  sheet.mergeCells('A6:G6');
  sheet.addRow([
    '1.1',
    'Refresh the Prevent risk assessment with partners',
    'CoLC CST',
    'Apr-25',
    'Q3 2025/26',
    'On track',
    'Draft shared with partners in September',
  ]);
  sheet.addRow([
    '1.2',
    'Agree the partnership’s terms of reference',
    'City of London Police',
    '',
    new Date(Date.UTC(2026, 2, 31)),
    'Not started',
    '',
  ]);
  sheet.addRow([]);
  sheet.addRow(['Objective 2: Training']);
  sheet.mergeCells('A10:G10');
  sheet.addRow([
    '2.1',
    'Train designated safeguarding leads in schools',
    'Schools',
    'Sep-25',
    'Summer term 2026',
    'at risk',
    'Two schools still to book',
  ]);
  sheet.addRow(['2.2', 'Deliver WRAP sessions to café and shop staff', 'Businesses', '', 'TBC', 'Complete', 'Done in June; £450 spent']);
  sheet.addRow(['2.3a', 'Run the monthly referral clinic', 'NHS', '', 'Monthly', 'OFF TRACK', '']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Excel with BRAG: RAG by cell colour (no words) or words with colours, blue for complete, objectives in a column. */
export async function westbridgeBragXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('BRAG');
  sheet.addRow(['Westbridge Prevent Delivery Plan']);
  sheet.addRow(['No.', 'Objective', 'Key Actions', 'Responsibility/Lead', 'Deadline', 'BRAG']);
  const rows: [string, string, string, string, string, string, string][] = [
    ['1', 'Safeguarding', 'Publish the Channel referral pathway', 'CoLC CST', 'October 2025', '', 'FF0070C0'],
    ['2', 'Safeguarding', 'Audit Prevent referrals from health', 'NHS', '30/11/2025', '', 'FFFFC000'],
    ['3', 'Communities', 'Hold a faith leaders’ round table', 'Faith groups', 'Autumn term 2025/26', 'Blue', 'FF0070C0'],
    ['4', 'Communities', 'Map community venues for outreach', 'Community groups', '2026-02-28', 'green', 'FF00B050'],
    ['5', 'Communities', 'Refresh the online safety leaflet', 'CoLC CST', 'Q4 2025/26', '', 'FFFF0000'],
  ];
  for (const [no, objective, action, lead, deadline, word, colour] of rows) {
    const row = sheet.addRow([no, objective, action, lead, deadline, word]);
    row.getCell(6).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: colour } };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
const row = (cells: string[]) => new TableRow({ children: cells.map(cell) });
const HEADER = ['No.', 'Key Actions', 'Lead', 'Deadline', 'RAG rating', 'Notes'];

/** Word: a title, then a heading and a table per theme (several tables in one document). */
export async function eastbrookDocx(): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: 'Eastbrook Prevent Partnership Plan', heading: HeadingLevel.TITLE }),
          new Paragraph({ text: 'Awareness', heading: HeadingLevel.HEADING_1 }),
          new Table({
            rows: [
              row(HEADER),
              row(['1', 'Run a Prevent awareness week', 'CoLC CST', 'end of March', 'Amber', 'Venues booked']),
              row(['2', 'Brief elected members', 'CoLC CST', 'Sep-25', 'Completed', 'Briefed on 3 September']),
            ],
          }),
          new Paragraph('Actions agreed at the partnership board in July; reviewed each quarter.'),
          new Paragraph({ text: 'Engagement', heading: HeadingLevel.HEADING_1 }),
          new Table({
            rows: [
              row(HEADER),
              row(['3', 'Engage mosques and churches in the town centre', 'Faith groups', '2026-01-15', 'red', 'Two meetings cancelled']),
              row(['4', 'Support the business crime partnership', 'Businesses', 'Ongoing – quarterly', 'Green', '']),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** CSV with numbered objective rows and sub-refs ("1", then "1.1", "1.2"), UTF-8 with a byte-order mark. */
export function southvaleSubRefsCsv(): Buffer {
  const text = [
    'Southvale Prevent Action Plan',
    'Ref,Action,Lead,Due,RAG,Notes',
    '1,Governance,,,,',
    '1.1,Review the Prevent partnership board membership,CoLC CST,31/01/2026,Green,Board agreed in November',
    '1.2,Report Prevent performance to the Safer City Partnership,CoLC CST,Quarterly,Amber,',
    '2,Training,,,,',
    '2.1,Train housing officers,CoLC CST,Spring term 2026,Red,Trainer off sick',
    '2.2,Train taxi drivers in the licensing refresher,Businesses,March 2026,Not started,',
    '2.3a,Add Prevent to the licensing handbook,Businesses,March 2026,On track,Text drafted',
  ].join('\r\n');
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

/** CSV saved by Excel on Windows (Windows-1252): £ and é, semicolons, a word mapped by the coordinator ("Delayed"). */
export function latin1Csv(): Buffer {
  const text = [
    'Plan title:;Riverbank Prevent Plan 2025',
    'No.;Theme;Key Actions;Deadline;Responsibility/Lead;Notes;Status',
    '1;Engagement;Hold a forum at the Café Rouge community room;June 2025;Community groups;Room hire £120;GREEN',
    '2;Engagement;Translate leaflets for the Fête de la Musique stall;July 2025;CoLC CST;Budget £300 agreed;Delayed',
    '3;Training;Train staff at the Théâtre Royal;Q2 2025/26;Businesses;;amber',
  ].join('\r\n');
  return Buffer.from(text, 'latin1');
}

/** The plan from the issue: title row, then "Ref, Objective, Action, Lead, Target date, RAG, Update, Evidence", tab-separated UTF-16 as Excel's "Unicode text". */
export function updateColumnUtf16(): Buffer {
  const text = [
    'Lakeside Prevent Action Plan 2025/26',
    'Ref\tObjective\tAction\tLead\tTarget date\tRAG\tUpdate\tEvidence',
    '1.1\tProtect\tRefresh the Channel panel terms of reference\tCoLC CST\tQ3 2025/26\tNot started\t\t',
    '1.2\tProtect\tAudit case reviews against the guidance\tCoLC CST\tSummer term 2026\tOn track\tHalf the reviews done\tAudit log v2',
    '2.1\tPrepare\tExercise the response plan with the police\tCity of London Police\tSep-25\tComplete\tExercise held 12 September\tDebrief report',
    '2.2\tPrepare\tKeep the contact list current\tCoLC CST\tMonthly\tGreen\tChecked in October\t',
    '2.3\tPrepare\tAgree the communications protocol\tCoLC CST\tTBC\tAmber\tWaiting for the police press office\t',
  ].join('\r\n');
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}
