import { userInfo } from 'node:os';
import type { CliCommand } from './context.js';

const USAGE = 'Usage: person export <email> | person erase <email>';

/** `person export <email>` prints everything held about a person (JSON); `person erase <email>` pseudonymises them in one transaction. Both are audited. */
export const personCommand: CliCommand = async (args, ctx) => {
  const [action, email] = args;
  if (!email || (action !== 'export' && action !== 'erase')) {
    ctx.out(USAGE);
    return 2;
  }
  const actor = { label: `cli (${userInfo().username})`, at: ctx.now() };
  if (action === 'export') {
    const held = await ctx.store.privacy.exportPerson(email, actor);
    if (!held.length) {
      ctx.out(`Nobody with the email address ${email} is held in any partnership.`);
      return 1;
    }
    ctx.out(JSON.stringify(held, null, 2));
    return 0;
  }
  const erased = await ctx.store.privacy.erasePerson(email, actor);
  if (!erased.length) {
    ctx.out(`Nobody with the email address ${email} is held in any partnership: nothing was erased.`);
    return 1;
  }
  for (const e of erased) {
    ctx.out(
      `Erased from ${e.partnership}: their record, role, reminder pauses, round requests, ${e.dialogsDeleted} conversation(s) and ${e.chatsDeleted} personal chat reference(s) deleted; ${e.historyPseudonymised} history entries and ${e.roundsPseudonymised} round(s) now say "${e.pseudonym}", so the plan's RAG trail stays.`,
    );
  }
  return 0;
};
