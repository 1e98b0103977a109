import { buildMessageCard } from '../../../cards/message-card.js';
import { buildPrivacyCard } from '../../../cards/privacy-card.js';
import { DEFAULT_TIME_ZONE } from '../../../cards/format.js';
import { addDays, dateIn } from '../../plan/dates.js';
import type { MessageInput, Reply } from '../../core/context.js';
import { command, coordinatorsOnly, type CommandRoute, type WithPerson } from '../../routes/route.js';

/** Privacy commands, in the same shape as the other text commands. */
export const PRIVACY_PATTERNS = {
  /** "privacy", "privacy notice", "what do you store?", "what data do you keep about me?" */
  privacy:
    /^(?:privacy(?:\s+(?:notice|policy|settings))?|what\s+(?:data\s+|information\s+)?do\s+you\s+(?:store|keep|hold)(?:\s+about\s+me)?|what\s+do\s+you\s+know\s+about\s+me)\??$/i,
  /** "post notes to the channel", "post update notes in the channel", "notes to the channel on" */
  notesOn:
    /^(?:(?:please\s+)?(?:post|share|include)\s+(?:update\s+)?notes\s+(?:to|in)\s+the\s+channel|notes\s+(?:to|in)\s+the\s+channel\s+on)\.?$/i,
  /** "stop posting notes to the channel", "don't post notes to the channel", "notes to the channel off" */
  notesOff:
    /^(?:(?:stop\s+(?:posting|sharing|including)|do\s*n[o']?t\s+(?:post|share|include))\s+(?:update\s+)?notes\s+(?:to|in)\s+the\s+channel|notes\s+(?:to|in)\s+the\s+channel\s+off)\.?$/i,
};

/** "privacy": what is kept, why, how long and who to ask; coordinators also see how many notes were stopped. */
export async function privacyHandler(input: MessageInput): Promise<Reply> {
  const { services } = input;
  const { config } = services;
  const me = input.person;
  const settings = await services.store.privacy.settings(input.partnership);
  const today = dateIn(services.now(), DEFAULT_TIME_ZONE);
  const stopped =
    me?.role === 'coordinator'
      ? {
          lastWeek: await services.store.privacy.stoppedSince(input.partnership, addDays(today, -6)),
          lastMonth: await services.store.privacy.stoppedSince(input.partnership, addDays(today, -29)),
        }
      : undefined;
  return buildPrivacyCard({
    retention: {
      dialogDays: config.RETENTION_DIALOG_DAYS,
      jobRunDays: config.RETENTION_JOB_RUN_DAYS,
      stoppedCountDays: config.RETENTION_STOPPED_COUNT_DAYS,
      auditDays: config.RETENTION_AUDIT_DAYS,
    },
    contact: config.PRIVACY_CONTACT,
    notesToChannel: settings.postNotesToChannel,
    stopped,
  });
}

async function setNotesToChannel(input: WithPerson<MessageInput>, on: boolean): Promise<Reply> {
  await input.services.store.privacy.changeSettings({
    partnership: input.partnership,
    change: { postNotesToChannel: on },
    actor: { personId: input.person.id, label: `member ${input.person.id}` },
    now: input.services.now(),
  });
  const line = on
    ? 'From now on, update notes are posted to the partnership channel with RAG changes. The update form says so.'
    : 'From now on, update notes are not posted to the channel: it is told what changed and by whom, with a button to open the action.';
  return buildMessageCard({ lines: [line] });
}

const NOTES_SETTING = coordinatorsOnly('choose whether notes are posted to the channel');

/** The privacy commands, tried before the other commands. */
export const PRIVACY_COMMANDS: CommandRoute[] = [
  command({ name: 'privacy', pattern: PRIVACY_PATTERNS.privacy, handle: privacyHandler }),
  command({
    name: 'post notes to the channel',
    pattern: PRIVACY_PATTERNS.notesOn,
    needs: NOTES_SETTING,
    handle: (input: WithPerson<MessageInput>) => setNotesToChannel(input, true),
  }),
  command({
    name: 'stop posting notes to the channel',
    pattern: PRIVACY_PATTERNS.notesOff,
    needs: NOTES_SETTING,
    handle: (input: WithPerson<MessageInput>) => setNotesToChannel(input, false),
  }),
];
