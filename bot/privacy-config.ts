import { z } from 'zod';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const days = (fallback: number) => z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(3650).default(fallback));
const text = (fallback: string) => z.preprocess(blankToUndefined, z.string().max(200).default(fallback));

/** Privacy settings read from the environment: how long things are kept, the national lines, who to ask about data. */
export const PrivacyConfigSchema = z.object({
  /** days a finished or abandoned update conversation is kept */
  RETENTION_DIALOG_DAYS: days(30),
  /** days a record of a scheduled job's run is kept */
  RETENTION_JOB_RUN_DAYS: days(90),
  /** days the per-day count of stopped notes is kept */
  RETENTION_STOPPED_COUNT_DAYS: days(365),
  /** days an audit entry (exports, erasures, role and privacy changes) is kept */
  RETENTION_AUDIT_DAYS: days(730),
  /** the national ACT Early support line shown with safeguarding signposting */
  ACT_EARLY_LINE: text('0800 011 3764'),
  /** the Anti-Terrorist Hotline shown with safeguarding signposting */
  ANTI_TERRORIST_HOTLINE: text('0800 789 321'),
  /** who to ask about personal data, e.g. "the council's Data Protection Officer, dpo@example.gov.uk" */
  PRIVACY_CONTACT: text('your Prevent coordinator, or your organisation’s Data Protection Officer'),
});

export type PrivacyConfig = z.infer<typeof PrivacyConfigSchema>;
