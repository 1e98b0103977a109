import { VERBS } from '../../../cards/verbs.js';
import { cardAction, type CardRoute, type CommandRoute, command, coordinatorsOnly } from '../../routes/route.js';
import { draftReportHandler } from './draft.js';
import { ApproveData, approveReportButton, approveReportHandler, listReportsHandler } from './list-approve.js';
import { annualHandler, quarterHandler } from './overview.js';
import { REPORT_PATTERNS } from './patterns.js';
import { toolkitCoverageHandler, toolkitTagHandler } from './toolkit.js';

/** Board report, toolkit and overview commands, registered in the route table. */
export const REPORT_COMMANDS: CommandRoute[] = [
  command({
    name: 'draft the board report',
    pattern: REPORT_PATTERNS.draft,
    needs: coordinatorsOnly('draft the board report'),
    handle: draftReportHandler,
  }),
  command({ name: 'list board reports', pattern: REPORT_PATTERNS.list, handle: listReportsHandler }),
  command({
    name: 'approve a board report',
    pattern: REPORT_PATTERNS.approve,
    needs: coordinatorsOnly('approve a board report'),
    handle: approveReportHandler,
  }),
  command({ name: 'toolkit coverage', pattern: REPORT_PATTERNS.coverage, handle: toolkitCoverageHandler }),
  command({
    name: 'tag an action with a toolkit area',
    pattern: REPORT_PATTERNS.tag,
    needs: coordinatorsOnly('change an action’s toolkit areas'),
    handle: toolkitTagHandler,
  }),
  command({ name: 'how did we do this quarter', pattern: REPORT_PATTERNS.quarter, handle: quarterHandler }),
  command({ name: 'annual summary', pattern: REPORT_PATTERNS.annual, handle: annualHandler }),
];

/** The Approve button on a board report card. */
export const REPORT_CARD_ACTIONS: CardRoute[] = [
  cardAction({
    verb: VERBS.approveReport,
    schema: ApproveData,
    invalid: 'That button does not say which board report to approve. Say “list board reports”.',
    needs: coordinatorsOnly('approve a board report'),
    handle: approveReportButton,
  }),
];
