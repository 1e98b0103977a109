import { AppError } from '../errors.js';
import type { Db } from './client.js';
import { findPerson } from './people.js';

/** A Channel panel member as the reminder jobs need them. */
export interface PanelMember {
  id: number;
  chatId: string;
  displayName: string;
}

/**
 * Adds someone to (or removes them from) the Channel panel; a person not yet known is created as a member,
 * recognised by name when they first talk to the bot.
 */
export async function setPanelMember(db: Db, input: { partnership: string; who: string; member: boolean }): Promise<PanelMember> {
  const partnership = await db.partnership.findUnique({ where: { name: input.partnership } });
  if (!partnership) throw new AppError('NOT_FOUND', `There is no partnership called "${input.partnership}".`);
  const existing = await findPerson(db, input.partnership, input.who);
  if (!existing && !input.member) throw new AppError('NOT_FOUND', `Nobody called "${input.who}" is known in ${input.partnership}.`);
  const isEmail = /@/.test(input.who);
  const row = existing
    ? await db.person.update({ where: { id: existing.id }, data: { panelMember: input.member } })
    : await db.person.create({
        data: {
          partnershipId: partnership.id,
          chatId: `pending:${input.who.trim().toLowerCase()}`,
          displayName: isEmail ? input.who.split('@')[0] : input.who.trim(),
          email: isEmail ? input.who.trim().toLowerCase() : null,
          panelMember: true,
        },
      });
  return { id: row.id, chatId: row.chatId, displayName: row.displayName };
}

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
