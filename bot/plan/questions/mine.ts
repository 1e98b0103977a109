import { phraseStems, takePhrase, type Sentence } from './tokens.js';

/** Ways of saying "the actions of my organisation". */
const MINE = [
  'my',
  'my action',
  'my organisation',
  'my organization',
  'my org',
  'my team',
  'my teams',
  'my organisation actions',
  'my stuff',
  'my work',
  'my lot',
  'on my plate',
  'mine',
  'our actions',
  'our organisation',
  'our organization',
  'our team',
  'our org',
  'we lead',
  'do we lead',
  'are we leading',
  'are we responsible for',
  'we are leading',
  'were leading',
  'i lead',
  'i am leading',
  'im leading',
  'i own',
  'i need to update',
  'should i update',
  'do i need to update',
  'have i got',
  'do i have',
  'i am responsible for',
  'im responsible for',
].map(phraseStems);

/** Takes the words that ask about the speaker's own actions: "my actions", "what do I need to update?". */
export function takeMine(s: Sentence): boolean {
  let found = false;
  while (takePhrase(s, MINE)) found = true;
  return found;
}
