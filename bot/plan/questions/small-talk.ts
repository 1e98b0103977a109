import { isFiller } from './filler.js';
import { phraseStems, takePhrase, type Sentence } from './tokens.js';

/** Greetings, thanks and "who are you?", each with a short friendly answer. */
const SMALL_TALK: [string[], string][] = [
  [
    [
      'hello',
      'hi',
      'hiya',
      'hey',
      'good morning',
      'good afternoon',
      'good evening',
      'morning',
      'afternoon',
      'evening',
      'hello there',
      'hi there',
    ],
    'Hello! Ask me about the plan, for example "what\'s overdue?" or "what is CoLP leading?". Say "help" for more.',
  ],
  [
    [
      'thanks',
      'thank you',
      'thankyou',
      'thx',
      'ta',
      'cheers',
      'many thanks',
      'thanks a lot',
      'much appreciated',
      'great thanks',
      'brilliant thanks',
      'perfect',
    ],
    'You\'re welcome! Ask me about the plan any time, or say "help" to see what I can do.',
  ],
  [
    ['who are you', 'what are you', 'are you a bot', 'are you a person', 'are you human', 'what is this bot', 'whats your name'],
    'I am the Prevent partnership bot: I answer questions about the action plan, take RAG updates from action leads and send reminders. Say "help" to see what you can ask.',
  ],
  [['how are you', 'how are you doing', 'you ok', 'alright'], 'Very well, thank you. How can I help with the plan?'],
  [['bye', 'goodbye', 'see you', 'see ya', 'speak soon'], 'Goodbye! I am here whenever you need the plan.'],
];

const PHRASES = SMALL_TALK.map(([phrases, reply]) => ({ stems: phrases.map(phraseStems), reply }));

/** The first word of every small-talk phrase: a question with none of them is not small talk. */
const FIRST_WORDS = new Set(PHRASES.flatMap(({ stems }) => stems.map((phrase) => phrase[0] ?? '')));

/** Words that may go with small talk without making it a question: "hi all", "thanks team", "morning everyone". */
const COMPANY = new Set([
  ...['all', 'everyone', 'everybody', 'team', 'folks', 'there', 'bot', 'mate', 'again', 'very', 'much', 'so', 'lot', 'guys', 'both'],
  ...['useful', 'helpful', 'great', 'brilliant', 'lovely', 'perfect', 'excellent', 'good', 'fab', 'awesome', 'nice', 'spot', 'really'],
]);

/** The friendly answer to small talk with nothing else of substance in it, or null. */
export function smallTalk(s: Sentence): string | null {
  if (!s.tokens.some((t) => FIRST_WORDS.has(t.stem))) return null;
  for (const { stems, reply } of PHRASES) {
    const probe: Sentence = { tokens: s.tokens, used: [...s.used] };
    let found = false;
    while (takePhrase(probe, stems)) found = true;
    if (found && probe.tokens.every((t, i) => probe.used[i] || isFiller(t.stem) || COMPANY.has(t.stem))) return reply;
  }
  return null;
}
