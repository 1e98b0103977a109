import { buildActionCard } from '../../../cards/action-card.js';
import type { Notice } from '../../../cards/notice.js';
import type { UpdateDraft } from '../../../cards/action-form.js';
import type { PlanAction } from '../../plan/types.js';
import { canUpdate } from '../../plan/permissions.js';
import type { Reply, Services } from '../../core/context.js';
import type { PersonInfo } from '../../store/people-rows.js';
import { updatePermission, type Permission } from './update-service.js';

/** An action's card as this person should see it: the update form if they may update, read-only with "who can" otherwise. */
export async function actionCardFor(
  services: Services,
  partnership: string,
  person: PersonInfo | null,
  action: PlanAction,
  extras: { notice?: Notice; draft?: UpdateDraft; showForm?: boolean; timeZone?: string; permission?: Permission } = {},
): Promise<Reply> {
  const { permission: known, ...cardExtras } = extras;
  const { allowed, whoCan, people } = known ?? (await updatePermission(services, partnership, person, action));
  const userIds = people.filter((p) => !p.chatId.startsWith('pending:') && canUpdate(p, action)).map((p) => p.chatId);
  const notesToChannel = allowed ? (await services.store.privacy.settings(partnership)).postNotesToChannel : undefined;
  return buildActionCard({
    action,
    canUpdate: allowed,
    userIds,
    whoCanUpdate: allowed ? undefined : whoCan,
    notesToChannel,
    canEdit: allowed,
    ...cardExtras,
  });
}
