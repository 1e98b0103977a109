import { loadConfig } from '../config.js';
import { configureLogging } from '../logger.js';
import { AppError } from '../errors.js';
import { openStore } from '../store/database.js';
import { applyMigrations } from '../store/migrate.js';
import type { CliCommand, CliContext } from './context.js';
import { exportCommand } from './export.js';
import { importCommand } from './import.js';
import { partnershipCommand } from './partnership.js';
import { plansCommand } from './plans.js';
import { roleCommand } from './role.js';
import { auditCommand } from './audit.js';
import { caseCommand } from './case.js';
import { digestCommand } from './digest.js';
import { jobsCommand } from './jobs.js';
import { panelCommand } from './panel.js';
import { scheduleCommand } from './schedule.js';
import { roundCommand } from './round.js';
import { personCommand } from './person.js';
import { privacyCommand } from './privacy.js';
import { reportCommand } from './report.js';

/** Every CLI command, by name. */
export const COMMANDS: Record<string, CliCommand> = {
  import: importCommand,
  export: exportCommand,
  plans: plansCommand,
  role: roleCommand,
  audit: auditCommand,
  round: roundCommand,
  partnership: partnershipCommand,
  schedule: scheduleCommand,
  panel: panelCommand,
  digest: digestCommand,
  jobs: jobsCommand,
  case: caseCommand,
  person: personCommand,
  privacy: privacyCommand,
  report: reportCommand,
  migrate: async (_args, ctx) => {
    const applied = await applyMigrations(ctx.config.DATABASE_URL);
    ctx.out(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'The database is up to date.');
    return 0;
  },
};

const HELP = `Prevent partnership bot: operator commands
  import <file> [--partnership NAME] [--by NAME]
                                         import a plan (Markdown or CSV); re-importing updates it in place
  export --format json|csv|md            print the plan with current RAG
  plans                                  list partnerships and their plans
  plans make-live <years>                make that plan the live one (the live one is archived), e.g. plans make-live 2025-26
  plans start-next [--called TITLE] [--yes]  carry the open actions into next year's plan (shows what first; --yes starts it)
  role grant <email> <role> [--org ORG]  make someone a coordinator, lead or member (email or UPN, bound when
                                         the Teams roster confirms it; or a known Teams user id or object id)
  role revoke <email>                    take a role away
  audit [--limit N]                      role changes and bindings: who, when, from -> to, how
  round start --meeting DATE [--due DATE] ask every lead for updates before a meeting
  round status                           who has replied in the latest update round
  partnership link <name> --tenant <id>  conversations from a Microsoft 365 tenant belong to this partnership
  partnership link <name> --slack-team <T...>  channels and DMs of a Slack workspace belong to this partnership
  schedule add|list|move|cancel          meeting reminders, e.g. schedule add "the forum every six months from 12 March at 14:00"
  panel add|remove|list <user>           who gets Channel panel reminders in personal chat
  digest --preview [--at ISO]            print the weekly digest; digest set <user> --day friday --time 16:00 | --off
  jobs tick --at <ISO time>              run every job due at that instant, as the scheduler would; jobs runs
  case add <ref> --started <date>        track a Channel case review by opaque reference; case list; case close <ref>
  person export|erase <email>            print everything held about a person (JSON), or erase them ("former member N" in history)
  privacy show|notes-to-channel on|off|referral --email --phone --form --out-of-hours
                                         privacy settings, stopped-note counts and the partnership's referral route
  report --meeting DATE [--since DATE] [--format md|docx --out FILE] [--sessions N --attendees N --channel-referrals N --open-cases N]
                                         draft the board report (saved as the next version); report list | approve N --by NAME
  report settings --committee ... --author ... --report-of ...   the report's header; report toolkit | quarter [last] | annual [YEAR]
  migrate                                apply database migrations`;

/** Runs one CLI command and returns the exit code; errors with a user message become one line on stderr. */
export async function runCli(
  argv: string[],
  env = process.env,
  out = (t: string) => void process.stdout.write(`${t}\n`),
  err = (t: string) => void process.stderr.write(`${t}\n`),
): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    out(HELP);
    return name && name !== 'help' && name !== '--help' ? 2 : 0;
  }
  return runCommand(command, args, env, out, err, { migrate: name !== 'migrate' });
}

/** Runs one command with an open store (also for commands kept outside the product, such as the benchmark's generator). */
export async function runCommand(
  command: CliCommand,
  args: string[],
  env = process.env,
  out = (t: string) => void process.stdout.write(`${t}\n`),
  err = (t: string) => void process.stderr.write(`${t}\n`),
  options: { migrate?: boolean } = {},
): Promise<number> {
  let ctx: CliContext | undefined;
  try {
    const config = loadConfig(env);
    configureLogging(config.LOG_LEVEL ?? 'warn');
    const store = await openStore(config.DATABASE_URL, { migrate: options.migrate !== false });
    ctx = { config, store, out, now: () => new Date() };
    return await command(args, ctx);
  } catch (e) {
    if (e instanceof AppError) {
      err(e.message);
      return 1;
    }
    err(`Unexpected error: ${(e as Error).stack ?? String(e)}`);
    return 1;
  } finally {
    await ctx?.store.close();
  }
}
