import { z } from 'zod';
import { AppError } from './errors.js';
import { PrivacyConfigSchema } from './privacy-config.js';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalText = z.preprocess(blankToUndefined, z.string().optional());

/** Every setting the bot reads from the environment, validated once at start. */
const ConfigSchema = z.object({
  NODE_ENV: z.preprocess(blankToUndefined, z.enum(['development', 'production', 'test']).default('development')),
  PORT: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(65535).default(3978)),
  DATABASE_URL: z.preprocess(
    blankToUndefined,
    z
      .string()
      .default('file:./data/prevent-bot.db')
      .refine((u) => u.startsWith('file:') || /^postgres(ql)?:\/\//.test(u), {
        message: 'must start with file: (SQLite) or postgres:// (PostgreSQL)',
      }),
  ),
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppType: z.preprocess(blankToUndefined, z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('SingleTenant')),
  MicrosoftAppTenantId: optionalText,
  /** the address the server binds with an app id set (local mode always binds 127.0.0.1) */
  HOST: z.preprocess(
    blankToUndefined,
    z.union([z.ipv4(), z.ipv6()], { error: 'must be an IP address such as 0.0.0.0 or 127.0.0.1' }).default('0.0.0.0'),
  ),
  /** how long a role granted by email or user principal name waits for the Teams roster to confirm it */
  PENDING_GRANT_DAYS: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(365).default(30)),
  PUBLIC_HOST: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[a-z0-9.-]+(:\d+)?$/i, 'must be a host name such as prevent-bot.example.org, without https://')
      .optional(),
  ),
  DEFAULT_PARTNERSHIP: z.preprocess(blankToUndefined, z.string().default('City of London')),
  DEMO_PLAN: z.preprocess(blankToUndefined, z.enum(['on', 'off']).default('on')),
  /** proactive sends a second for the whole app: Teams allows 30-50 per app per tenant; plan for 30 */
  /**
   * How long start-up may spend rehearsing partners' questions before taking traffic (see warmUp), in milliseconds; 0
   * skips it. The first question on each plan is always asked (it opens the pool's connections); nothing else past the budget.
   */
  WARM_UP_MS: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(10_000).default(300)),
  SEND_RATE_PER_SECOND: z.preprocess(blankToUndefined, z.coerce.number().min(1).max(50).default(30)),
  /** Slack app's signing secret (Basic Information → App Credentials); with SLACK_BOT_TOKEN turns Slack on */
  SLACK_SIGNING_SECRET: z.preprocess(blankToUndefined, z.string().min(16, 'must be the signing secret from the Slack app').optional()),
  /** the bot user OAuth token of the workspace install (xoxb-...) */
  SLACK_BOT_TOKEN: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^xoxb-\S+$/, 'must be a bot token starting xoxb-')
      .optional(),
  ),
  /** the Slack Web API's base URL (tests point it at a local stand-in) */
  SLACK_API_URL: z.preprocess(blankToUndefined, z.url({ protocol: /^https?$/ }).default('https://slack.com/api/')),
  /**
   * TEST ONLY (fault injection): "exit-after-commit" kills the process right after the first commit that queued
   * proactive messages, before the outbox sender can send them, so tests can show they are sent once after a restart;
   * "hold-start-up" waits before the start-up catch-up until the process is stopped (a long catch-up, for shutdown tests).
   */
  /**
   * TEST ONLY: where the Bot Service's token signing keys are discovered (an OpenID configuration URL) instead of
   * Microsoft's, so a local stand-in can sign the activities (the soak). Refused when NODE_ENV=production.
   */
  BOT_OPENID_METADATA_URL: z.preprocess(blankToUndefined, z.url({ protocol: /^https?$/ }).optional()),
  /**
   * TEST ONLY: an OAuth 2 token endpoint the bot's outgoing calls get their token from (client credentials with
   * MicrosoftAppId and MicrosoftAppPassword) instead of Entra ID. Refused when NODE_ENV=production.
   */
  BOT_TOKEN_URL: z.preprocess(blankToUndefined, z.url({ protocol: /^https?$/ }).optional()),
  PREVENT_FAULT: z.preprocess(blankToUndefined, z.enum(['exit-after-commit', 'hold-start-up']).optional()),
  LOG_LEVEL: z.preprocess(blankToUndefined, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional()),
  ...PrivacyConfigSchema.shape,
});

/** Rules across settings, checked on the raw values so they are reported alongside any other problem. */
function crossFieldProblems(env: Record<string, string | undefined>): string[] {
  const set = (k: string) => Boolean(env[k]?.trim());
  const problems: string[] = [];
  if (env.NODE_ENV === 'production' && !set('MicrosoftAppId'))
    problems.push('MicrosoftAppId is required when NODE_ENV=production (local mode is for development only)');
  if (set('MicrosoftAppId') && env.MicrosoftAppType !== 'UserAssignedMSI' && !set('MicrosoftAppPassword'))
    problems.push('MicrosoftAppPassword is required when MicrosoftAppId is set');
  const appType = env.MicrosoftAppType?.trim() || 'SingleTenant';
  if (appType === 'SingleTenant' && set('MicrosoftAppId') && !set('MicrosoftAppTenantId'))
    problems.push(
      'MicrosoftAppTenantId is required when MicrosoftAppId is set and MicrosoftAppType is SingleTenant (the default; new multi-tenant bots cannot be created since 31 July 2025)',
    );
  for (const testOnly of ['BOT_OPENID_METADATA_URL', 'BOT_TOKEN_URL'])
    if (env.NODE_ENV === 'production' && set(testOnly)) problems.push(`${testOnly} is for tests only: unset it when NODE_ENV=production`);
  if (set('SLACK_SIGNING_SECRET') !== set('SLACK_BOT_TOKEN'))
    problems.push('SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN go together: set both to turn Slack on, or neither to leave it off');
  return problems;
}

export type RawConfig = z.infer<typeof ConfigSchema>;

/** The validated configuration, passed down from the entry point. */
export interface Config extends RawConfig {
  /** true when no MicrosoftAppId is set: unauthenticated, loopback only */
  localMode: boolean;
  /** the host Teams reaches the bot on: PUBLIC_HOST, else this machine on PORT (localhost:3978) */
  PUBLIC_HOST: string;
  /** PUBLIC_HOST was set (else it is this machine) */
  publicHostSet: boolean;
  databaseKind: 'sqlite' | 'postgres';
  /** Slack's settings when Slack is on (both SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN set), else null */
  slack: SlackConfig | null;
}

/** What the Slack front end needs. */
export interface SlackConfig {
  signingSecret: string;
  botToken: string;
  apiUrl: string;
}

/** Reads and validates the configuration; every problem becomes one line of the error. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  const lines = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'} ${i.message}`)),
    ...crossFieldProblems(env),
  ].map((line) => `Configuration: ${line}`);
  if (!parsed.success || lines.length) throw new AppError('CONFIG_INVALID', lines.join('\n'), { lines });
  const c = parsed.data;
  const slack =
    c.SLACK_SIGNING_SECRET && c.SLACK_BOT_TOKEN
      ? { signingSecret: c.SLACK_SIGNING_SECRET, botToken: c.SLACK_BOT_TOKEN, apiUrl: c.SLACK_API_URL }
      : null;
  return {
    ...c,
    localMode: !c.MicrosoftAppId,
    PUBLIC_HOST: c.PUBLIC_HOST ?? `localhost:${c.PORT}`,
    publicHostSet: c.PUBLIC_HOST !== undefined,
    databaseKind: c.DATABASE_URL.startsWith('file:') ? 'sqlite' : 'postgres',
    slack,
  };
}
