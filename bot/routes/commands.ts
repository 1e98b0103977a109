import { PATTERNS } from '../handlers/commands/patterns.js';
import { changesHandler } from '../handlers/commands/changes.js';
import { historyHandler } from '../handlers/commands/history.js';
import { postUpdatesHereHandler } from '../handlers/commands/post-here.js';
import { makeRoleHandler, whoAreLeadsHandler } from '../handlers/commands/roles.js';
import { auditHandler, IDENTITY_PATTERNS, pendingGrantsHandler, rosterHandler } from '../handlers/commands/identity.js';
import { addCaseReviewHandler, closeCaseReviewHandler, listCaseReviewsHandler } from '../handlers/commands/case-reviews.js';
import { digestPreviewHandler, digestSwitchHandler, digestWhenHandler } from '../features/digests/commands.js';
import { muteHandler, unmuteHandler } from '../handlers/commands/mutes.js';
import { addToPanelHandler, listPanelHandler, removeFromPanelHandler } from '../handlers/commands/panel.js';
import { cancelScheduleHandler, listSchedulesHandler, moveScheduleHandler, scheduleHandler } from '../features/schedules/commands.js';
import { thanksHandler } from '../handlers/commands/thanks.js';
import { deliveryProblemsHandler } from '../handlers/commands/delivery-problems.js';
import { startUpdateHandler, updateTopicHandler } from '../features/update-dialog/handlers.js';
import { roundStatusHandler, startRoundHandler } from '../features/rounds/round-commands.js';
import { REPORT_COMMANDS } from '../features/reports/index.js';
import { editCommandHandler } from '../features/editing/commands.js';
import { whatOwnsHandler } from '../features/editing/owners.js';
import { EDIT_COMMAND_PATTERN } from '../plan/editing/index.js';
import { command, coordinatorsOnly, type CommandRoute } from './route.js';
import { PRIVACY_COMMANDS } from '../handlers/privacy/commands.js';
import { PLAN_PATTERNS } from '../features/plans/patterns.js';
import { listPlansHandler, makeLiveHandler, startNextPlanHandler } from '../features/plans/commands.js';

/** Every typed command, tried in order before the text is treated as a plan question. One line each: name, pattern, role, handler. */
export const COMMANDS: CommandRoute[] = [
  ...PRIVACY_COMMANDS,
  command({ name: 'list plans', pattern: PLAN_PATTERNS.listPlans, handle: listPlansHandler }),
  command({
    name: 'make a plan live',
    pattern: PLAN_PATTERNS.makeLive,
    needs: coordinatorsOnly('choose the live plan'),
    handle: makeLiveHandler,
  }),
  command({
    name: "start next year's plan",
    pattern: PLAN_PATTERNS.startNext,
    needs: coordinatorsOnly("start next year's plan"),
    handle: startNextPlanHandler,
  }),
  command({ name: 'history', pattern: PATTERNS.history, handle: historyHandler }),
  command({ name: 'what changed', pattern: PATTERNS.changes, handle: changesHandler }),
  // Edits of the plan: coordinators may make all of them, a lead some on their own actions (the edit service decides).
  command({ name: 'edit the plan', pattern: EDIT_COMMAND_PATTERN, handle: editCommandHandler }),
  command({ name: 'what does someone own', pattern: /^what\s+(?:does|do)\s+(.+?)\s+own\??$/i, handle: whatOwnsHandler }),
  command({
    name: 'make role',
    pattern: PATTERNS.makeRole,
    needs: {
      role: 'coordinator',
      refusal:
        'Only a coordinator can give people roles. Ask your Prevent coordinator, or an operator can run: npm run cli -- role grant <email> <role>.',
    },
    handle: makeRoleHandler,
  }),
  command({ name: 'who are the leads', pattern: PATTERNS.whoAreLeads, handle: whoAreLeadsHandler }),
  command({
    name: 'who is waiting to be bound',
    pattern: IDENTITY_PATTERNS.pendingGrants,
    needs: coordinatorsOnly('see waiting grants'),
    handle: pendingGrantsHandler,
  }),
  command({ name: 'who is in the partnership', pattern: IDENTITY_PATTERNS.roster, handle: rosterHandler }),
  command({
    name: 'who changed roles',
    pattern: IDENTITY_PATTERNS.audit,
    needs: coordinatorsOnly('see who changed roles'),
    handle: auditHandler,
  }),
  command({ name: 'post updates here', pattern: PATTERNS.postUpdatesHere, handle: postUpdatesHereHandler }),
  command({ name: 'update conversation', pattern: PATTERNS.startUpdate, handle: startUpdateHandler }),
  command({ name: 'update conversation about a topic', pattern: PATTERNS.updateTopic, handle: updateTopicHandler }),
  command({
    name: 'start an update round',
    pattern: PATTERNS.startRound,
    needs: coordinatorsOnly('run update rounds'),
    handle: startRoundHandler,
  }),
  command({
    name: 'delivery problems',
    pattern: /^(?:show\s+(?:me\s+)?(?:the\s+)?)?delivery\s+problems\??$/i,
    needs: coordinatorsOnly('see delivery problems'),
    handle: deliveryProblemsHandler,
  }),
  command({
    name: 'update round status',
    pattern: PATTERNS.roundStatus,
    needs: coordinatorsOnly('run update rounds'),
    handle: roundStatusHandler,
  }),
  command({
    name: 'schedule a meeting',
    pattern: PATTERNS.schedule,
    needs: coordinatorsOnly('schedule meetings'),
    handle: scheduleHandler,
  }),
  command({ name: 'list schedules', pattern: PATTERNS.listSchedules, handle: listSchedulesHandler }),
  command({
    name: 'move a meeting',
    pattern: PATTERNS.moveSchedule,
    needs: coordinatorsOnly('move meetings'),
    handle: moveScheduleHandler,
  }),
  command({
    name: 'cancel a schedule',
    pattern: PATTERNS.cancelSchedule,
    needs: coordinatorsOnly('cancel schedules'),
    handle: cancelScheduleHandler,
  }),
  command({
    name: 'add to the Channel panel',
    pattern: PATTERNS.addToPanel,
    needs: coordinatorsOnly('change the Channel panel'),
    handle: addToPanelHandler,
  }),
  command({
    name: 'remove from the Channel panel',
    pattern: PATTERNS.removeFromPanel,
    needs: coordinatorsOnly('change the Channel panel'),
    handle: removeFromPanelHandler,
  }),
  command({
    name: 'who is on the Channel panel',
    pattern: PATTERNS.listPanel,
    needs: coordinatorsOnly('see who is on the Channel panel'),
    handle: listPanelHandler,
  }),
  command({
    name: 'digest day and time',
    pattern: PATTERNS.digestWhen,
    needs: coordinatorsOnly('get the weekly digest'),
    handle: digestWhenHandler,
  }),
  command({
    name: 'digest on or off',
    pattern: PATTERNS.digestSwitch,
    needs: coordinatorsOnly('get the weekly digest'),
    handle: digestSwitchHandler,
  }),
  command({
    name: 'show the digest',
    pattern: PATTERNS.digestPreview,
    needs: coordinatorsOnly('see the weekly digest'),
    handle: digestPreviewHandler,
  }),
  command({ name: 'stop reminding me', pattern: PATTERNS.muteReminders, handle: muteHandler }),
  command({ name: 'remind me again', pattern: PATTERNS.unmuteReminders, handle: unmuteHandler }),
  command({ name: 'add a case review', pattern: PATTERNS.addCaseReview, handle: addCaseReviewHandler }),
  command({ name: 'list case reviews', pattern: PATTERNS.listCaseReviews, handle: listCaseReviewsHandler }),
  command({ name: 'close a case review', pattern: PATTERNS.closeCaseReview, handle: closeCaseReviewHandler }),
  command({ name: 'thanks', pattern: PATTERNS.thanks, handle: thanksHandler }),
  ...REPORT_COMMANDS,
];
