import {
  AMBER,
  AWARENESS,
  COLP,
  COMPLETE,
  CST,
  GREEN,
  OVERDUE,
  POLICY,
  PREVENT_REFERRALS,
  RED,
  RED_OR_AMBER,
  REFERRALS,
  TRAINING,
  type Answer,
  type Speaker,
} from './answers.js';

const POLICE: Speaker = { organisations: ['City of London Police Prevent team'] };
const PROBATION: Speaker = { organisations: ['London Probation Service'] };

/**
 * A fresh set of questions, written before the parser was changed for issue 15 and kept to measure it
 * (test/bench/parse.ts scores it). Not the examples: new phrasings of the same needs.
 */
export const FRESH_SET: [string, Answer, Speaker?][] = [
  // status words
  ['are we behind on anything?', RED_OR_AMBER],
  ['which actions are off-track', RED_OR_AMBER],
  ['anything slipping at the moment?', RED_OR_AMBER],
  ["what's at risk?", RED_OR_AMBER],
  ['any concerns?', RED_OR_AMBER],
  ['any problems?', RED_OR_AMBER],
  ['which ones are going well', GREEN],
  ['which ones are fine?', GREEN],
  ['on track actions for CoLP', [1, 2, 4, 5, 9, 16]],
  ['what have we delivered?', COMPLETE],
  ["what's been finished", COMPLETE],
  ['closed actions', COMPLETE],
  ['anything not started?', []],
  ['red-rated actions', RED],
  ['show the ambers', AMBER],
  ['RAG green', GREEN],
  ['amber-rated police actions', [3, 8, 10, 15, 17, 19, 20, 21, 23, 24]],
  // organisations
  ['what are the police working on?', COLP],
  ['police actions that are red', RED],
  ['what is the local authority responsible for?', CST],
  ["what's probation doing?", [22]],
  ["anything led by probation that's overdue", [22]],
  ['what does the NHS lead?', { noLead: 'health' }],
  ['what are schools leading?', { noLead: 'schools' }],
  ["what's the ICB doing", { noLead: 'health' }],
  ['what are businesses doing?', { noLead: 'business' }],
  ["what's overdue for the council", [5, 9, 10, 11, 14]],
  // topics
  ['faith sector actions', [18]],
  ['training for schools', [11, 4]],
  ['hate crime', [11]],
  ['anything on hate crime in schools', [11]],
  ['e-learning', []],
  ['what about the night-time economy?', []],
  ['tell me about the Act Early campaign', [16]],
  ['Act Early', [16]],
  ['MAPPA', [22]],
  ['anything on violence against women and girls', [23]],
  ['VAWG', [23]],
  ['CTLP', [24]],
  ['counter terrorism local profile', [24]],
  ['referrals', REFERRALS],
  // written as REFERRALS before the change; the ranking puts "Prevent" in a title ahead (see answers.ts)
  ['Prevent referrals', PREVENT_REFERRALS],
  ['anything on mental health', [21]],
  ['radicalisation', [21, 22]],
  ['the ECINs system', [13]],
  // typos
  ['whats ambr', AMBER],
  ['grene actions', GREEN],
  ['anything ovedue?', OVERDUE],
  ['polise actions', COLP],
  ['probaton', [22]],
  ['faith gropus', [18]],
  // themes and combinations
  ['anything red or amber due in 2021', [10, 22]],
  ['amber stuff in the awareness theme', [17, 19, 20]],
  ['training theme', TRAINING],
  ['policy', POLICY],
  ['awareness section', AWARENESS],
  // one action
  ['show action 14', { show: '14' }],
  ['give us number 7', { show: '7' }],
  ['action 2.2', { show: '2.2' }],
  // small talk, help, summary
  ['hello', 'smalltalk'],
  ['thanks!', 'smalltalk'],
  ['who are you?', 'smalltalk'],
  ['morning all', 'smalltalk'],
  ['help', 'help'],
  ['how are we getting on overall?', 'summary'],
  // mine
  ['my actions', COLP, POLICE],
  ['what do I need to update?', [22], PROBATION],
  ["what's my organisation doing?", 'mine-unknown'],
];
