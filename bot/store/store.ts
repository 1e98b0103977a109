import { addCaseReview, closeCaseReview, findCaseReview, listCaseReviews, openCaseReviewsDueBy } from './case-reviews.js';
import {
  announcementConversation,
  announcementConversations,
  conversationPartnership,
  enterConversation,
  findConversation,
  markConversationInactive,
  personalConversation,
  setAnnouncementConversation,
} from './conversations.js';
import type { Db } from './client.js';
import { deleteDialog, findDialog, loadDialog, saveDialog, startDialog } from './dialogs.js';
import { loadDigestData } from './digest-data.js';
import { findDigestRecipient, listDigestRecipients, setDigestSettings } from './digest-settings.js';
import { claimRun, existingRuns, finishRun, recentRuns } from './job-runs.js';
import { claimDue, finishMessage, listMessages, onQueued, pendingCount, queueMessages } from './outbox.js';
import { databaseCreatedAt } from './database-age.js';
import { loadDeliveryProblems } from './delivery-problems.js';
import { claimTurn, finishTurn, purgeExpiredTurns, recordTurnReplies } from './turn-replies.js';
import { openTurn } from './turn-start.js';
import { activeMutes, muteReminders, unmuteReminders } from './mutes.js';
import { isPanelMember, listPanelMembers, setPanelMember } from './panel.js';
import { existingPartnerships, linkPartnershipToTenant, partnershipForTenant } from './partnerships.js';
import {
  findPerson,
  grantRole,
  identifySender,
  listCoordinators,
  listPeople,
  listUpdaters,
  listRoleHolders,
  resolveOrganisation,
  revokeRole,
} from './people.js';
import { previewImport } from './current-actions.js';
import { deletePendingImport, findPendingImport, savePendingImport } from './pending-imports.js';
import { hasAnyPlan, listPartnerships, listPlans, loadOrganisations, loadPlanView, requirePlanView, savePlan } from './plans.js';
import { listPartnershipPlans, makePlanLive, planOfAction } from './plan-status.js';
import { startNextPlan } from './next-plan.js';
import { listPartnershipZones, unreachablePeople } from './reach.js';
import {
  claimReminder,
  closeRound,
  createRound,
  findRound,
  latestRound,
  markUnreachable,
  openRounds,
  roundItems,
  updatesSince,
} from './rounds.js';
import {
  cancelSchedule,
  createSchedule,
  findSchedule,
  listAllActiveSchedules,
  listSchedules,
  partnershipTimeZone,
  resolveSchedule,
  updateRecurrence,
} from './schedules.js';
import { addAction } from './action-edits.js';
import { applyUpdate, listEarlierHistory, listHistory, listPartnershipChanges, listPlanChanges } from './updates.js';
import { erasePerson, exportPerson } from './person-data.js';
import { changePrivacySettings, privacySettings } from './privacy-settings.js';
import { purgeExpired } from './retention.js';
import { countStoppedNote, stoppedNotesSince } from './stopped-notes.js';
import {
  isKnownMember,
  listPendingGrants,
  listRoster,
  partnershipsKnowing,
  roleOf,
  partnershipTenant,
  recordMember,
  removeMember,
  rosterState,
} from './roster.js';
import { listAudit, recordAudit } from './audit.js';
import {
  approveReport,
  findReport,
  findReportByRequest,
  lastApprovedReport,
  listReports,
  loadReportFile,
  loadReportHistory,
  loadReportSettings,
  saveDraftReport,
  saveReportSettings,
} from './reports.js';
import { loadToolkitTags, setToolkitTag } from './toolkit-tags.js';
import {
  identifySlackSender,
  linkPartnershipToSlackTeam,
  partnershipForSlackTeam,
  recordSlackMember,
  rememberSlackConversation,
  slackConversationsLeft,
  slackMemberLeft,
  slackPersonChatId,
} from './slack.js';

type Bound<F> = { [K in keyof F]: F[K] extends (db: Db, ...args: infer A) => infer R ? (...args: A) => R : never };

/** Binds store functions that take the database first to one database: the methods of a repository. */
function bind<F extends Record<string, (db: Db, ...args: never[]) => unknown>>(db: Db, fns: F): Bound<F> {
  return Object.fromEntries(Object.entries(fns).map(([name, fn]) => [name, (...args: never[]) => fn(db, ...args)])) as Bound<F>;
}

/**
 * The store port: repositories with intention-revealing methods over one open database. The Prisma client stays
 * inside bot/store; handlers, feature services, jobs and the CLI see only these methods.
 */
export function repositories(db: Db) {
  return {
    plans: bind(db, {
      /** the partnership's live plan (cached per store instance, checked against a stamp on every call), or null; given a plan id, that plan */
      current: loadPlanView,
      /** like current, but NOT_FOUND when the partnership has no plan */
      require: requirePlanView,
      save: savePlan,
      list: listPlans,
      organisations: loadOrganisations,
      partnershipsWithPlans: listPartnerships,
      /** whether the database holds any plan at all */
      any: hasAnyPlan,
      /** what importing a plan would change, without saving anything */
      preview: previewImport,
      /** a partnership's plans: live, drafts, archived */
      all: listPartnershipPlans,
      /** makes one of a partnership's plans live, archiving the live one (audited) */
      makeLive: makePlanLive,
      /** starts next year's plan from the live one, carrying its open actions over (audited) */
      startNext: startNextPlan,
      /** the plan an action of the partnership belongs to, whatever its status */
      ofAction: planOfAction,
    }),
    imports: bind(db, {
      /** a plan file sent in chat, kept until its coordinator presses Import or Cancel */
      savePending: savePendingImport,
      findPending: findPendingImport,
      deletePending: deletePendingImport,
    }),
    actions: bind(db, {
      /** the one update path: RAG, note and progress, and edits of the action's fields, version-checked and kept in the history */
      applyUpdate,
      /** a new action in the partnership's live plan, with its first history entry */
      add: addAction,
      history: listHistory,
      /** an action's history in the plans it was carried over from */
      earlierHistory: listEarlierHistory,
      planChanges: listPlanChanges,
      partnershipChanges: listPartnershipChanges,
    }),
    people: bind(db, {
      identify: identifySender,
      find: findPerson,
      grantRole,
      revokeRole,
      roleHolders: listRoleHolders,
      coordinators: listCoordinators,
      list: listPeople,
      /** coordinators and leads: who may update some action */
      updaters: listUpdaters,
      resolveOrganisation,
      unreachable: unreachablePeople,
    }),
    conversations: bind(db, {
      /** the partnership of the conversation a turn came from, remembering the conversation (see enterConversation) */
      enter: enterConversation,
      announcement: announcementConversation,
      /** the announcement channel on each platform the partnership uses */
      announcements: announcementConversations,
      setAnnouncement: setAnnouncementConversation,
      personal: personalConversation,
      find: findConversation,
      partnershipOf: conversationPartnership,
      markInactive: markConversationInactive,
    }),
    roster: bind(db, {
      /** records a member as Teams describes them and binds grants waiting for their confirmed addresses */
      record: recordMember,
      remove: removeMember,
      list: listRoster,
      pendingGrants: listPendingGrants,
      state: rosterState,
      isKnown: isKnownMember,
      partnershipsKnowing,
      roleOf,
      tenantOf: partnershipTenant,
    }),
    audit: bind(db, { record: recordAudit, list: listAudit }),
    /** Slack workspaces, people by (workspace, user) id, and Slack conversations */
    slack: bind(db, {
      partnershipFor: partnershipForSlackTeam,
      link: linkPartnershipToSlackTeam,
      identify: identifySlackSender,
      /** records a member as Slack's users.info describes them, linking them to their Teams self by a doubly confirmed email */
      record: recordSlackMember,
      personChatId: slackPersonChatId,
      rememberConversation: rememberSlackConversation,
      /** someone deactivated in a Slack workspace */
      memberLeft: slackMemberLeft,
      /** the bot removed from a Slack channel, or the app from a workspace */
      conversationsLeft: slackConversationsLeft,
    }),
    partnerships: bind(db, {
      forTenant: partnershipForTenant,
      existing: existingPartnerships,
      linkToTenant: linkPartnershipToTenant,
      zones: listPartnershipZones,
      timeZone: partnershipTimeZone,
    }),
    rounds: bind(db, {
      latest: latestRound,
      find: findRound,
      open: openRounds,
      create: createRound,
      items: roundItems,
      updatesSince,
      markUnreachable,
      claimReminder,
      close: closeRound,
    }),
    schedules: bind(db, {
      create: createSchedule,
      list: listSchedules,
      allActive: listAllActiveSchedules,
      find: findSchedule,
      resolve: resolveSchedule,
      updateRecurrence,
      cancel: cancelSchedule,
    }),
    digests: bind(db, {
      data: loadDigestData,
      recipients: listDigestRecipients,
      recipient: findDigestRecipient,
      setSettings: setDigestSettings,
    }),
    panel: bind(db, { set: setPanelMember, list: listPanelMembers, isMember: isPanelMember }),
    caseReviews: bind(db, {
      add: addCaseReview,
      list: listCaseReviews,
      openDueBy: openCaseReviewsDueBy,
      find: findCaseReview,
      close: closeCaseReview,
    }),
    mutes: bind(db, { mute: muteReminders, unmute: unmuteReminders, active: activeMutes }),
    reports: bind(db, {
      settings: loadReportSettings,
      saveSettings: saveReportSettings,
      history: loadReportHistory,
      saveDraft: saveDraftReport,
      find: findReport,
      byRequest: findReportByRequest,
      /** the Word file exactly as drafted */
      file: loadReportFile,
      list: listReports,
      lastApproved: lastApprovedReport,
      approve: approveReport,
    }),
    toolkit: bind(db, { tags: loadToolkitTags, setTag: setToolkitTag }),
    dialogs: bind(db, { load: loadDialog, find: findDialog, start: startDialog, save: saveDialog, delete: deleteDialog }),
    /** what could not be delivered in a partnership, and why */
    deliveries: bind(db, { problems: loadDeliveryProblems }),
    /** the replies of each turn by activity, so a retried activity is not answered twice */
    /** a turn's first reads in one statement: the sender, their conversation in progress, the live plan's stamp (see turnStore) */
    turns: bind(db, { open: openTurn }),
    turnReplies: bind(db, { claim: claimTurn, record: recordTurnReplies, finish: finishTurn, purgeExpired: purgeExpiredTurns }),
    jobRuns: bind(db, { claim: claimRun, finish: finishRun, existing: existingRuns, recent: recentRuns }),
    /** the durable outbox of proactive messages: one row per recipient, sent by the outbox sender */
    outbox: bind(db, {
      /** queues messages on their own (producers with a change queue them in that change's transaction instead) */
      queue: queueMessages,
      claim: claimDue,
      finish: finishMessage,
      list: listMessages,
      pending: pendingCount,
      /** calls the listener after every commit that queued messages */
      onQueued,
    }),
    /** when this database was created (its first migration), or null when unknown */
    createdAt: () => databaseCreatedAt(db),
    privacy: bind(db, {
      /** the partnership's privacy choices and referral route (defaults when none are stored) */
      settings: privacySettings,
      changeSettings: changePrivacySettings,
      /** one more piece of text stopped by the confidentiality guard today (a count, never the text) */
      countStopped: countStoppedNote,
      stoppedSince: stoppedNotesSince,
      exportPerson,
      erasePerson,
      purgeExpired,
    }),
    /** resolves when the database answers (the health check) */
    async ping(): Promise<void> {
      await db.partnership.count();
    },
  };
}

export type Repositories = ReturnType<typeof repositories>;
