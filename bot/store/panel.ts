import { AppError } from '../errors.js';
import type { Db } from './client.js';
import { classifyGrantee, displayNameRefusal, normaliseAddress, pendingChatId } from '../plan/identity.js';
import { recordAudit, type AuditActor } from './audit.js';
import { findPerson, type PlatformPerson } from './people.js';

/** A Channel panel member as the reminder jobs need them. */
export interface PanelMember {
  id: number;
  chatId: string;
  displayName: string;
}

/**
 * Adds someone to (or removes them from) the Channel panel. They are named as for a role (an @mention,
 * a known Teams user id or object id, or an email/UPN that waits for the Teams roster to confirm it);
 * a display name alone never adds anyone. Removal also accepts the display name of someone on the panel.
 */
export async function setPanelMember(
  db: Db,
  input: { partnership: string; who: string; member: boolean; person?: PlatformPerson; actor?: AuditActor; now?: Date },
): Promise<PanelMember> {
  const result = await changePanel(db, input);
  await recordAudit(db, {
    partnershipId: result.partnershipId,
    at: input.now ?? new Date(),
    actor: input.actor ?? { label: 'CLI (operator)' },
    action: input.member ? 'panel.add' : 'panel.remove',
    subject: result.subject,
    detail: { from: result.was ? 'on the panel' : 'not on the panel', to: input.member ? 'on the panel' : 'not on the panel' },
  });
  return result.member;
}

async function changePanel(
  db: Db,
  input: { partnership: string; who: string; member: boolean; person?: PlatformPerson },
): Promise<{ member: PanelMember; partnershipId: number; subject: string; was: boolean }> {
  const partnership = await db.partnership.findUnique({ where: { name: input.partnership } });
  if (!partnership) throw new AppError('NOT_FOUND', `There is no partnership called "${input.partnership}".`);
  const grantee = classifyGrantee(input.who);
  if (!input.person && grantee.kind === 'displayName') {
    const onPanel = input.member ? null : await findPerson(db, input.partnership, input.who);
    if (!onPanel) throw new AppError('INVALID_INPUT', displayNameRefusal(grantee.name).replace('give a role to', 'add'));
    const row = await db.person.update({ where: { id: onPanel.id }, data: { panelMember: false } });
    return {
      member: { id: row.id, chatId: row.chatId, displayName: row.displayName },
      partnershipId: partnership.id,
      subject: subjectOf(row),
      was: true,
    };
  }
  const existing = input.person
    ? ((input.person.aadObjectId
        ? await db.person.findFirst({ where: { partnershipId: partnership.id, aadObjectId: input.person.aadObjectId.toLowerCase() } })
        : null) ?? (await db.person.findFirst({ where: { partnershipId: partnership.id, chatId: input.person.chatId } })))
    : await findPerson(db, input.partnership, input.who);
  if (!existing && !input.member) throw new AppError('NOT_FOUND', `Nobody matching "${input.who}" is known in ${input.partnership}.`);
  if (!existing && !input.person && grantee.kind !== 'address') {
    throw new AppError('NOT_FOUND', `Nobody matching "${input.who}" is known in ${input.partnership}. Add them by @mention or by email.`);
  }
  const was = existing
    ? (await db.person.findUnique({ where: { id: existing.id }, select: { panelMember: true } }))?.panelMember === true
    : false;
  const row = existing
    ? await db.person.update({ where: { id: existing.id }, data: { panelMember: input.member } })
    : await db.person.create({
        data: input.person
          ? {
              partnershipId: partnership.id,
              chatId: input.person.chatId,
              displayName: input.person.displayName,
              aadObjectId: input.person.aadObjectId?.toLowerCase() ?? null,
              panelMember: true,
            }
          : {
              partnershipId: partnership.id,
              chatId: pendingChatId(input.who),
              displayName: normaliseAddress(input.who),
              email: normaliseAddress(input.who),
              panelMember: true,
            },
      });
  return {
    member: { id: row.id, chatId: row.chatId, displayName: row.displayName },
    partnershipId: partnership.id,
    subject: subjectOf(row),
    was,
  };
}

const subjectOf = (p: { displayName: string; aadObjectId: string | null; chatId: string }) =>
  `${p.displayName} (${p.aadObjectId ?? p.chatId})`;

/** A partnership's Channel panel members, by name. */
export async function listPanelMembers(db: Db, partnership: string): Promise<PanelMember[]> {
  const rows = await db.person.findMany({
    where: { partnership: { name: partnership }, panelMember: true },
    orderBy: { displayName: 'asc' },
  });
  return rows.map((r) => ({ id: r.id, chatId: r.chatId, displayName: r.displayName }));
}

/** Whether someone (by chat id) is a Channel panel member of a partnership. */
export async function isPanelMember(db: Db, partnership: string, chatId: string): Promise<boolean> {
  return (await db.person.count({ where: { partnership: { name: partnership }, chatId, panelMember: true } })) > 0;
}
