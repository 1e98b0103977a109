import { createHash } from 'node:crypto';
import { buildAnnouncementCard } from '../../../cards/announcement-card.js';
import { AppError } from '../../errors.js';
import { logger } from '../../logger.js';
import { canUpdate, whoCanUpdate } from '../../plan/permissions.js';
import { actionAfterUpdate } from '../../plan/action-update.js';
import { noteProblem, progressProblem } from '../../plan/input-bounds.js';
import { NOTE_MAX_LENGTH } from '../../../cards/action-form.js';
import type { PlanAction, PlanView, Rag, UpdateSource } from '../../plan/types.js';
import type { PersonInfo } from '../../store/people.js';
import type { DialogEnd } from '../../store/dialogs.js';
import type { UpdateOutcome } from '../../store/updates.js';
import type { OutboxInput } from '../../store/outbox.js';
import type { Sender, Services } from '../../core/context.js';
import { assertNoPersonalData } from '../../handlers/privacy/guard.js';
import { closedPlanMessage } from '../plans/words.js';

const log = logger('updates');

/** An update as it arrives from a card, a conversation or an update round: already validated. */
export interface UpdateRequest {
  partnership: string;
  sender: Sender;
  /** the sender as the partnership knows them (resolved once per turn), null for someone the bot does not know */
  person: PersonInfo | null;
  actionId: number;
  expectedVersion: number;
  rag: Rag;
  note: string;
  progress: number | null;
  source: UpdateSource;
  /** a conversation that ends with this update, its end written in the update's transaction: what it says once saved */
  endDialog?: (saved: SavedUpdate) => DialogEnd;
}

/** What a saved update came to, for the words that confirm it. */
export interface SavedUpdate {
  ragFrom: Rag;
  ragTo: Rag;
  /** the partnership channel will be told */
  announced: boolean;
  progress: number | null;
}

export interface UpdateResult {
  outcome: Exclude<UpdateOutcome, { status: 'closed' }>;
  /** the action as it is now */
  action: PlanAction;
  person: PersonInfo;
  announced: boolean;
  /** who may update the action (unchanged by the update), for the refreshed card */
  permission: Permission;
}

/** Whether the sender may update an action, who may, and the partnership's people. */
export type Permission = Awaited<ReturnType<typeof updatePermission>>;

/** Finds an action of the partnership's plan by id (never another partnership's). */
export async function actionOfPartnership(services: Services, partnership: string, actionId: number): Promise<PlanAction> {
  return (await planAndAction(services, partnership, actionId)).action;
}

/** The partnership's plan and one of its actions by id; NOT_FOUND for anything else. */
export async function planAndAction(
  services: Services,
  partnership: string,
  actionId: number,
): Promise<{ plan: PlanView; action: PlanAction }> {
  const plan = await services.store.plans.require(partnership);
  const action = plan.actions.find((a) => a.id === actionId);
  if (!action) {
    // an action of an archived plan (or one not live yet) is the partnership's, but read-only
    const other = await services.store.plans.ofAction(partnership, actionId);
    if (other && other.status !== 'live') throw new AppError('FORBIDDEN', closedPlanMessage(other.label, other));
    throw new AppError('NOT_FOUND', 'That action is not in your partnership’s plan. Ask "summary" to see the plan.');
  }
  return { plan, action };
}

/** The short name people use for an organisation: its shortest alias, or its name. */
export function shortName(plan: PlanView, organisation: string): string {
  const org = plan.organisations.find((o) => o.name === organisation);
  const aliases = (org?.aliases ?? []).filter((a) => a.length < organisation.length).sort((a, b) => a.length - b.length);
  return aliases[0] ?? organisation;
}

/** Who may update an action, and the words to tell someone who may not. */
export async function updatePermission(services: Services, partnership: string, person: PersonInfo | null, action: PlanAction) {
  const allowed = person !== null && canUpdate(person, action);
  // only coordinators and leads can update, so only they are read (for "who can" and the card's refresh list)
  const people = await services.store.people.updaters(partnership);
  return { person, allowed, whoCan: whoCanUpdate(action, people), people };
}

/** The one update path for cards, chat and rounds: permission, concurrency, idempotency, history, announcement. */
export async function submitUpdate(services: Services, req: UpdateRequest): Promise<UpdateResult> {
  const { plan, action: before } = await planAndAction(services, req.partnership, req.actionId);
  const permission = await updatePermission(services, req.partnership, req.person, before);
  const { person, allowed, whoCan } = permission;
  if (!person || !allowed) {
    throw new AppError('FORBIDDEN', `You can't update action ${before.ref}: nothing was saved. Who can: ${whoCan}.`, { whoCan });
  }
  const note = req.note.trim();
  const problem = progressProblem(req.progress, before.target) ?? noteProblem(note, NOTE_MAX_LENGTH);
  if (problem) throw new AppError('INVALID_INPUT', `Nothing was saved. ${problem}`);
  assertNoPersonalData(note, services.now(), 'the note');
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([req.rag, note, req.progress]))
    .digest('hex')
    .slice(0, 16);
  const at = services.now();
  const organisation = person.organisation ? shortName(plan, person.organisation) : undefined;
  const announce =
    req.rag !== before.rag
      ? await announcement(services, req.partnership, {
          action: actionAfterUpdate(before, {
            rag: req.rag,
            progress: req.progress,
            version: req.expectedVersion + 1,
            by: person.displayName,
            at,
            note,
          }),
          from: before.rag,
          to: req.rag,
          by: person.displayName,
          byOrganisation: organisation,
          note,
        })
      : [];
  const { endDialog } = req;
  const progress = req.progress ?? before.progress;
  const outcome = await services.store.actions.applyUpdate({
    actionId: before.id,
    expectedVersion: req.expectedVersion,
    rag: req.rag,
    keepsRag: req.rag === before.rag,
    note,
    progress: req.progress,
    actor: { name: person.displayName, chatId: req.sender.id, personId: person.id },
    source: req.source,
    idempotencyKey: `${before.id}:v${req.expectedVersion}:${req.sender.id}:${fingerprint}`,
    at,
    announce,
    cached: { partnership: req.partnership, action: before },
    endDialog:
      endDialog && ((applied) => endDialog({ ...applied, announced: applied.ragFrom !== applied.ragTo && announce.length > 0, progress })),
  });
  if (outcome.status === 'closed')
    throw new AppError('FORBIDDEN', closedPlanMessage(before.label, { title: outcome.planTitle, period: '', status: outcome.planStatus }));
  // Applied here: the action is known without reading the plan again. Otherwise someone else changed it: read it.
  const action =
    outcome.status === 'applied'
      ? actionAfterUpdate(before, { rag: req.rag, progress: req.progress, version: outcome.version, by: person.displayName, at, note })
      : (await planAndAction(services, req.partnership, req.actionId)).action;
  const announced = outcome.status === 'applied' && outcome.ragFrom !== outcome.ragTo && announce.length > 0;
  if (outcome.status === 'applied' && outcome.ragFrom !== outcome.ragTo && !announce.length)
    log.info({ partnership: req.partnership, ref: action.ref }, 'No channel to announce RAG changes in yet');
  return { outcome, action, person, announced, permission };
}

/**
 * The announcement of a RAG change to the partnership's channel, ready to be queued in the update's own transaction
 * (so a crash between the update and the send cannot lose it); none when the partnership has no channel yet. The
 * note has already passed the confidentiality guard, and is withheld when the partnership keeps notes out of channels.
 */
async function announcement(
  services: Services,
  partnership: string,
  change: { action: PlanAction; from: Rag; to: Rag; by: string; byOrganisation: string | undefined; note: string },
): Promise<OutboxInput[]> {
  // the partnership's channel on each platform it uses (a Teams channel, a Slack channel, or both)
  const channels = await services.store.conversations.announcements(partnership);
  if (!channels.length) return [];
  const { postNotesToChannel } = await services.store.privacy.settings(partnership);
  const { action, note } = change;
  const card = buildAnnouncementCard({
    ...change,
    note: postNotesToChannel ? note : '',
    noteWithheld: Boolean(note) && !postNotesToChannel,
  });
  return channels.map((channel) => ({
    key: `announce:action:${action.id}:v${action.version}:conv:${channel.conversationId}`,
    partnership,
    kind: 'announcement',
    conversationId: channel.conversationId,
    recipient: 'the partnership channel',
    reply: card,
  }));
}
