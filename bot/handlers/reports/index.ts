import type { MessageInput, Reply } from '../context.js';
import { draftReportHandler } from './draft.js';
import { approveReportHandler, listReportsHandler } from './list-approve.js';
import { annualHandler, quarterHandler } from './overview.js';
import { REPORT_PATTERNS } from './patterns.js';
import { toolkitCoverageHandler, toolkitTagHandler } from './toolkit.js';

/** A text command as the command table takes it (the same shape as commands/index.ts TextCommand). */
export interface ReportCommand {
  name: string;
  pattern: RegExp;
  handle(input: MessageInput, match: RegExpMatchArray): Promise<Reply | Reply[]>;
}

/** Board report, toolkit and overview commands, registered with the other text commands. */
export const REPORT_COMMANDS: ReportCommand[] = [
  { name: 'draft the board report', pattern: REPORT_PATTERNS.draft, handle: draftReportHandler },
  { name: 'list board reports', pattern: REPORT_PATTERNS.list, handle: listReportsHandler },
  { name: 'approve a board report', pattern: REPORT_PATTERNS.approve, handle: approveReportHandler },
  { name: 'toolkit coverage', pattern: REPORT_PATTERNS.coverage, handle: toolkitCoverageHandler },
  { name: 'tag an action with a toolkit area', pattern: REPORT_PATTERNS.tag, handle: toolkitTagHandler },
  { name: 'how did we do this quarter', pattern: REPORT_PATTERNS.quarter, handle: quarterHandler },
  { name: 'annual summary', pattern: REPORT_PATTERNS.annual, handle: annualHandler },
];
