import { buildActionCard } from '../../../cards/action-card.js';
import type { Notice } from '../../../cards/notice.js';
import type { UpdateDraft } from '../../../cards/action-form.js';
import type { PlanAction } from '../../plan/types.js';
import { canUpdate } from '../../plan/permissions.js';
import type { Reply, Sender, Services } from '../../core/context.js';
import { updatePermission, type Permission } from './update-service.js';

/** Teams refreshes a card automatically for at most 60 listed users. */
const MAX_REFRESH_USERS = 60;

/** An action's card as this person should see it: the update form if they may update, read-only with "who can" otherwise. */
export async function actionCardFor(
  services: Services,
  partnership: string,
  sender: Sender,
  action: PlanAction,
  extras: { notice?: Notice; draft?: UpdateDraft; showForm?: boolean; timeZone?: string; permission?: Permission } = {},
): Promise<Reply> {
  const { permission: known, ...cardExtras } = extras;
  const { allowed, whoCan, people } = known ?? (await updatePermission(services, partnership, sender, action));
  const userIds = people
    .filter((p) => !p.chatId.startsWith('pending:') && canUpdate(p, action))
    .map((p) => p.chatId)
    .slice(0, MAX_REFRESH_USERS);
  return buildActionCard({ action, canUpdate: allowed, userIds, whoCanUpdate: allowed ? undefined : whoCan, ...cardExtras });
}
