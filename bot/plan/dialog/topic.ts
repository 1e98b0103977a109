import { isFiller } from '../questions/filler.js';
import { matchesWords } from '../questions/search-words.js';
import { tokenise } from '../questions/tokens.js';
import type { PlanAction, PlanView } from '../types.js';

/** Words about updating itself, which say nothing about which action is meant. */
const UPDATE_WORDS = new Set(['update', 'updates', 'news', 'progress', 'work', 'our', 'my']);

/** The words of a topic worth searching for: "the faith groups work" → ["faith", "groups"]. */
export function topicWords(topic: string): string[] {
  return tokenise(topic)
    .filter((t) => t.word !== '#' && !isFiller(t.stem) && !UPDATE_WORDS.has(t.word))
    .map((t) => t.raw);
}

/** Actions whose title, outcome or notes contain every word of the topic, in plan order. */
export function findTopicActions(plan: PlanView, topic: string): PlanAction[] {
  const words = topicWords(topic);
  if (!words.length) return [];
  return plan.actions.filter((a) => matchesWords(a, words));
}
