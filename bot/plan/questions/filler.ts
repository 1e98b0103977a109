import { stem } from './tokens.js';

/**
 * Words that carry no meaning of their own in a question about the plan: question words, pronouns,
 * politeness, and words about actions in general. They are dropped before text search.
 */
const WORDS = `
  a about after again all also am an and any anybody anyone anything are as at be been being both but by
  can could currently did do does doing done each either etc every everything for from get getting give
  go going got had has have having he her here hers him his how i id if im in into is it its ive just
  know let lets like list look me mine more most much must my need needs no nor now of off ok okay on
  once only or our ours out over please pls plz right same see shall she should show so some something
  still such tell than thank thanks that thats the their theirs them then there these they thing this
  those to too up us very view want was we well were what whats when where which while who whom whose
  why will with within would yet you your yours other others else
  action actions task tasks item items stuff one ones plan plans rag rags rated rating ratings marked
  flagged currently current moment many number count total display open please cheers tell
  lead leads led leading leader owner owned owns responsible responsibility due deadline deadlines
  listed kind sort type status work working going happening progressing worried wondering curious interested keen
`;

const FILLER = new Set(WORDS.split(/\s+/).filter(Boolean).map(stem));

/** Whether a stem is filler: a word that says nothing about which actions are wanted. */
export function isFiller(wordStem: string): boolean {
  return FILLER.has(wordStem);
}
