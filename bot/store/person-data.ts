import type { Db } from './client.js';

/** The partnership member records an email address belongs to (one per partnership), matched without regard to case. */
async function peopleByEmail(db: Db, email: string) {
  const wanted = email.trim().toLowerCase();
  const rows = await db.person.findMany({
    where: { email: { not: null } },
    include: { organisation: { select: { name: true } }, partnership: { select: { name: true } } },
    orderBy: { id: 'asc' },
  });
  return rows.filter((p) => p.email?.toLowerCase() === wanted);
}

/** Everything held about a person in one partnership: record, role, history written, conversations, pauses, digest settings, audit. */
export interface PersonExport {
  partnership: string;
  person: {
    id: number;
    chatId: string;
    displayName: string;
    email: string | null;
    aadObjectId: string | null;
    tenantId: string | null;
    userPrincipalName: string | null;
    /** Slack workspace and user id, when the person uses the bot in Slack */
    slack: { teamId: string; userId: string } | null;
    guest: boolean;
    organisation: string | null;
    role: string;
    panelMember: boolean;
    digest: { enabled: boolean; day: number; time: string };
    createdAt: string;
  };
  historyWritten: { action: number; at: string; ragFrom: string; ragTo: string; note: string; progress: number | null; source: string }[];
  dialogs: { kind: string; state: unknown; updatedAt: string; expiresAt: string }[];
  personalChats: { conversationId: string; createdAt: string }[];
  reminderPauses: { action: number | null; until: string }[];
  roundRequests: { round: string; action: number; status: string }[];
  roundsStarted: { title: string; meetingDate: string }[];
  /** actions they are named as owner of (by their person id) */
  actionsOwned: { action: string; title: string }[];
  auditEntries: { at: string; actor: string; action: string; subject: string; detail: string }[];
}

const iso = (d: Date) => d.toISOString();

/** Reads everything held about the person with this email, in every partnership they belong to, and audits the export. */
export async function exportPerson(db: Db, email: string, actor: { label: string; at: Date }): Promise<PersonExport[]> {
  const out: PersonExport[] = [];
  for (const p of await peopleByEmail(db, email)) {
    const subject = `person ${p.id}`;
    const [history, dialogs, chats, mutes, items, rounds, audits, owned] = await Promise.all([
      db.actionUpdate.findMany({
        where: {
          action: { plan: { partnershipId: p.partnershipId } },
          OR: [{ actorPersonId: p.id }, { actorChatId: p.chatId }, { actorChatId: null, actorName: p.displayName }],
        },
        include: { action: { select: { ref: true } } },
        orderBy: { id: 'asc' },
      }),
      db.dialogState.findMany({ where: { partnershipId: p.partnershipId, userChatId: p.chatId } }),
      db.conversationRef.findMany({ where: { partnershipId: p.partnershipId, userChatId: p.chatId } }),
      db.reminderMute.findMany({ where: { personId: p.id }, include: { action: { select: { ref: true } } } }),
      db.updateRoundItem.findMany({
        where: { personId: p.id },
        include: { action: { select: { ref: true } }, round: { select: { title: true } } },
      }),
      db.updateRound.findMany({
        where: { partnershipId: p.partnershipId, OR: [{ createdByChatId: p.chatId }, { createdBy: p.displayName }] },
      }),
      db.auditEntry.findMany({
        where: { partnershipId: p.partnershipId, OR: [{ actorPersonId: p.id }, { subject }, { subject: { contains: p.displayName } }] },
        orderBy: { id: 'asc' },
      }),
      db.action.findMany({ where: { ownerId: p.id }, select: { label: true, ref: true, title: true }, orderBy: { ref: 'asc' } }),
    ]);
    out.push({
      partnership: p.partnership.name,
      person: {
        id: p.id,
        chatId: p.chatId,
        displayName: p.displayName,
        email: p.email,
        aadObjectId: p.aadObjectId,
        tenantId: p.tenantId,
        userPrincipalName: p.userPrincipalName,
        slack: p.slackTeamId && p.slackUserId ? { teamId: p.slackTeamId, userId: p.slackUserId } : null,
        guest: p.guest,
        organisation: p.organisation?.name ?? null,
        role: p.role,
        panelMember: p.panelMember,
        digest: { enabled: p.digestEnabled, day: p.digestDay, time: p.digestTime },
        createdAt: iso(p.createdAt),
      },
      historyWritten: history.map((h) => ({
        action: h.action.ref,
        at: iso(h.at),
        ragFrom: h.ragFrom,
        ragTo: h.ragTo,
        note: h.note,
        progress: h.progress,
        source: h.source,
      })),
      dialogs: dialogs.map((d) => ({
        kind: d.kind,
        state: JSON.parse(d.state) as unknown,
        updatedAt: iso(d.updatedAt),
        expiresAt: iso(d.expiresAt),
      })),
      personalChats: chats.map((c) => ({ conversationId: c.conversationId, createdAt: iso(c.createdAt) })),
      reminderPauses: mutes.map((m) => ({ action: m.action?.ref ?? null, until: m.until })),
      roundRequests: items.map((i) => ({ round: i.round.title, action: i.action.ref, status: i.status })),
      roundsStarted: rounds.map((r) => ({ title: r.title, meetingDate: r.meetingDate })),
      actionsOwned: owned.map((a) => ({ action: a.label || String(a.ref), title: a.title })),
      auditEntries: audits.map((a) => ({ at: iso(a.at), actor: a.actorLabel, action: a.action, subject: a.subject, detail: a.detail })),
    });
    await db.auditEntry.create({
      data: {
        partnershipId: p.partnershipId,
        at: actor.at,
        actorLabel: actor.label,
        action: 'person.export',
        subject,
        detail: JSON.stringify({ exported: 'everything held' }),
      },
    });
  }
  return out;
}

/** What an erasure did in one partnership. */
export interface ErasureResult {
  partnership: string;
  pseudonym: string;
  historyPseudonymised: number;
  roundsPseudonymised: number;
  dialogsDeleted: number;
  chatsDeleted: number;
}

/**
 * Erases a person, in one transaction per partnership: history entries they wrote keep their RAG, note and time but say
 * "former member N"; their record, role, pauses, round requests, conversations and personal-chat reference are deleted;
 * audit entries name them only as "former member N". The erasure itself is audited.
 */
export async function erasePerson(db: Db, email: string, actor: { label: string; at: Date }): Promise<ErasureResult[]> {
  const out: ErasureResult[] = [];
  for (const p of await peopleByEmail(db, email)) {
    const pseudonym = `former member ${p.id}`;
    const result = await db.$transaction(async (tx) => {
      const theirs = {
        action: { plan: { partnershipId: p.partnershipId } },
        OR: [{ actorPersonId: p.id }, { actorChatId: p.chatId }, { actorChatId: null, actorName: p.displayName }],
      };
      const touched = new Set(
        (await tx.actionUpdate.findMany({ where: theirs, select: { actionId: true }, distinct: ['actionId'] })).map((u) => u.actionId),
      );
      const history = await tx.actionUpdate.updateMany({
        where: theirs,
        data: { actorName: pseudonym, actorChatId: null, actorPersonId: null },
      });
      const rounds = await tx.updateRound.updateMany({
        where: { partnershipId: p.partnershipId, OR: [{ createdByChatId: p.chatId }, { createdBy: p.displayName }] },
        data: { createdBy: pseudonym, createdByChatId: null },
      });
      const dialogs = await tx.dialogState.deleteMany({ where: { partnershipId: p.partnershipId, userChatId: p.chatId } });
      const chats = await tx.conversationRef.deleteMany({ where: { partnershipId: p.partnershipId, userChatId: p.chatId } });
      await tx.auditEntry.updateMany({ where: { actorPersonId: p.id }, data: { actorLabel: pseudonym } });
      await tx.auditEntry.updateMany({
        where: { partnershipId: p.partnershipId, subject: { contains: p.displayName } },
        data: { subject: pseudonym, detail: '{}' },
      });
      // Actions they own lose their named owner (a version bump, so every instance's cached plan shows it), and edits
      // that named them as an owner keep the change but say "former member N".
      const owned = await tx.action.findMany({ where: { ownerId: p.id }, select: { id: true } });
      await tx.action.updateMany({ where: { ownerId: p.id }, data: { ownerId: null, version: { increment: 1 } } });
      const named = JSON.stringify(p.displayName).slice(1, -1);
      for (const entry of await tx.actionUpdate.findMany({
        where: { action: { plan: { partnershipId: p.partnershipId } }, changes: { contains: `"id":${p.id},` } },
        select: { id: true, actionId: true, changes: true, note: true },
      })) {
        touched.add(entry.actionId);
        await tx.actionUpdate.update({
          where: { id: entry.id },
          data: { changes: entry.changes.split(named).join(pseudonym), note: entry.note.split(p.displayName).join(pseudonym) },
        });
      }
      // Actions whose history named them move on a version too (once: those they owned have), so no instance's cached
      // plan still shows their name as who last updated an action (a cached action is read again when its version moves).
      for (const a of owned) touched.delete(a.id);
      if (touched.size) await tx.action.updateMany({ where: { id: { in: [...touched] } }, data: { version: { increment: 1 } } });
      await tx.person.delete({ where: { id: p.id } });
      await tx.auditEntry.create({
        data: {
          partnershipId: p.partnershipId,
          at: actor.at,
          actorLabel: actor.label,
          action: 'person.erase',
          subject: `person ${p.id}`,
          detail: JSON.stringify({
            recordDeleted: true,
            historyPseudonymised: history.count,
            roundsPseudonymised: rounds.count,
            pseudonym,
          }),
        },
      });
      return { history: history.count, rounds: rounds.count, dialogs: dialogs.count, chats: chats.count };
    });
    out.push({
      partnership: p.partnership.name,
      pseudonym,
      historyPseudonymised: result.history,
      roundsPseudonymised: result.rounds,
      dialogsDeleted: result.dialogs,
      chatsDeleted: result.chats,
    });
  }
  return out;
}
