import type { MessageInput, Reply } from '../context.js';
import { askHandler } from './ask.js';
import { dialogMessageTurn } from '../dialogs/message-turn.js';
import { startUpdateHandler, updateTopicHandler } from '../dialogs/start-update.js';
import { roundStatusHandler, startRoundHandler } from '../rounds/round-commands.js';
import { changesHandler } from './changes.js';
import { historyHandler } from './history.js';
import { PATTERNS } from './patterns.js';
import { REPORT_COMMANDS } from '../reports/index.js';
import { postUpdatesHereHandler } from './post-here.js';
import { makeRoleHandler, whoAreLeadsHandler } from './roles.js';
import { addCaseReviewHandler, closeCaseReviewHandler, listCaseReviewsHandler } from './case-reviews.js';
import { digestPreviewHandler, digestSwitchHandler, digestWhenHandler } from './digest-settings.js';
import { muteHandler, unmuteHandler } from './mutes.js';
import { addToPanelHandler, listPanelHandler, removeFromPanelHandler } from './panel.js';
import { cancelScheduleHandler, listSchedulesHandler, moveScheduleHandler, scheduleHandler } from './schedules.js';

/** A text command: a pattern over the normalised text and the handler it runs. */
export interface TextCommand {
  name: string;
  pattern: RegExp;
  handle(input: MessageInput, match: RegExpMatchArray): Promise<Reply | Reply[]>;
}

/** Commands, tried in order before the text is treated as a plan question. */
export const TEXT_COMMANDS: TextCommand[] = [
  { name: 'history', pattern: PATTERNS.history, handle: historyHandler },
  { name: 'what changed', pattern: PATTERNS.changes, handle: changesHandler },
  { name: 'make role', pattern: PATTERNS.makeRole, handle: makeRoleHandler },
  { name: 'who are the leads', pattern: PATTERNS.whoAreLeads, handle: whoAreLeadsHandler },
  { name: 'post updates here', pattern: PATTERNS.postUpdatesHere, handle: postUpdatesHereHandler },
  { name: 'update conversation', pattern: PATTERNS.startUpdate, handle: startUpdateHandler },
  { name: 'update conversation about a topic', pattern: PATTERNS.updateTopic, handle: updateTopicHandler },
  { name: 'start an update round', pattern: PATTERNS.startRound, handle: startRoundHandler },
  { name: 'update round status', pattern: PATTERNS.roundStatus, handle: roundStatusHandler },
  { name: 'schedule a meeting', pattern: PATTERNS.schedule, handle: scheduleHandler },
  { name: 'list schedules', pattern: PATTERNS.listSchedules, handle: listSchedulesHandler },
  { name: 'move a meeting', pattern: PATTERNS.moveSchedule, handle: moveScheduleHandler },
  { name: 'cancel a schedule', pattern: PATTERNS.cancelSchedule, handle: cancelScheduleHandler },
  { name: 'add to the Channel panel', pattern: PATTERNS.addToPanel, handle: addToPanelHandler },
  { name: 'remove from the Channel panel', pattern: PATTERNS.removeFromPanel, handle: removeFromPanelHandler },
  { name: 'who is on the Channel panel', pattern: PATTERNS.listPanel, handle: listPanelHandler },
  { name: 'digest day and time', pattern: PATTERNS.digestWhen, handle: digestWhenHandler },
  { name: 'digest on or off', pattern: PATTERNS.digestSwitch, handle: digestSwitchHandler },
  { name: 'show the digest', pattern: PATTERNS.digestPreview, handle: digestPreviewHandler },
  { name: 'stop reminding me', pattern: PATTERNS.muteReminders, handle: muteHandler },
  { name: 'remind me again', pattern: PATTERNS.unmuteReminders, handle: unmuteHandler },
  { name: 'add a case review', pattern: PATTERNS.addCaseReview, handle: addCaseReviewHandler },
  { name: 'list case reviews', pattern: PATTERNS.listCaseReviews, handle: listCaseReviewsHandler },
  { name: 'close a case review', pattern: PATTERNS.closeCaseReview, handle: closeCaseReviewHandler },
  ...REPORT_COMMANDS,
];

/** Routes a message: a conversation in progress takes it first; then the first matching command, otherwise a plan question (which answers help for anything not understood). */
export async function handleText(input: MessageInput): Promise<Reply[]> {
  const dialog = await dialogMessageTurn(input);
  if (dialog.handled) return dialog.replies;
  const text = input.text.trim();
  for (const command of TEXT_COMMANDS) {
    const match = text.match(command.pattern);
    if (match) return [...dialog.replies, ...[await command.handle(input, match)].flat()];
  }
  return [...dialog.replies, await askHandler(input)];
}
