import { describe, expect, it } from 'vitest';
import { parseQuestion, type Question } from '../../bot/plan/questions/index.js';
import { findActions } from '../../bot/plan/query.js';
import { demoPlanView } from '../factories/demo-plan.js';

const plan = demoPlanView();
const TODAY = '2026-11-22';

const RED = [18, 22];
const AMBER = [3, 6, 8, 10, 11, 15, 17, 19, 20, 21, 23, 24];
const GREEN = [1, 2, 4, 5, 7, 9, 14, 16];
const COMPLETE = [12, 13];
const OVERDUE = [5, 9, 10, 11, 14, 22];
const DUE_2021 = [5, 9, 10, 14, 22];
const TRAINING = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const POLICY = [12, 13, 14, 15];
const AWARENESS = [16, 17, 18, 19, 20];
const OTHER = [21, 22, 23, 24];
const COLP = [1, 2, 3, 4, 5, 8, 9, 10, 13, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24];
const CST = [1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 23, 24];
const ALL_STAKEHOLDERS = [3, 6, 15, 16];

/** The refs a question finds on the demo plan, or the question itself when it is not a list. */
function answer(text: string, today = TODAY): number[] | Question {
  const question = parseQuestion(text, plan, today);
  return question.kind === 'list' ? findActions(plan, question.filter, today).map((a) => a.ref) : question;
}

const LISTS: [string, number[]][] = [
  // by RAG
  ["what's red?", RED],
  ["what's amber?", AMBER],
  ['which actions are red', RED],
  ['Which actions are RED?', RED],
  ['show me the greens', GREEN],
  ['Show me the greens please.', GREEN],
  ['anything complete?', COMPLETE],
  ['what have we completed?', COMPLETE],
  ['not yet rated', []],
  ['unrated', []],
  ["what's RAG red", RED],
  ['reds', RED],
  ['ambers?', AMBER],
  ['which actions are rated amber at the moment?', AMBER],
  ['red or amber', [...RED, ...AMBER].sort((a, b) => a - b)],
  ['anything not complete?', [...RED, ...AMBER, ...GREEN].sort((a, b) => a - b)],
  ['what is outstanding for CoLP', COLP.filter((ref) => ref !== 13)],
  // by date, today 22 November 2026
  ["what's overdue?", OVERDUE],
  ['What is overdue', OVERDUE],
  ['anything late?', OVERDUE],
  ["what's due this month", []],
  ['due next month', []],
  ["what's due before March?", OVERDUE],
  ['due by October 2021', DUE_2021],
  ['due by the end of October 2021', DUE_2021],
  ['due in 2021', DUE_2021],
  ['due this year', []],
  ["what's due in June 2021?", [14]],
  ['due after June 2021', [5, 9, 10, 11, 22]],
  ['due before 1 November 2021', DUE_2021],
  ["what's due?", []],
  // by lead
  ['what is CoLP leading?', COLP],
  ["CoLP's actions", COLP],
  ['CST actions', CST],
  ['what does probation lead on', [22]],
  ['actions for All stakeholders', ALL_STAKEHOLDERS],
  ['what does the Community Safety Team lead?', CST],
  ['actions led by the City of London Police', COLP],
  ["what's the police leading?", COLP],
  ['Channel members actions', [23]],
  ['what does CoLC Learning and Development lead?', [1]],
  ['PPU', [23]],
  // by theme
  ['training actions', TRAINING],
  ['awareness', AWARENESS],
  ['policy actions', POLICY],
  ['processes', POLICY],
  ['Training and engagement', TRAINING],
  ['other actions', OTHER],
  ['actions in the other theme', OTHER],
  ['training and awareness actions', [...TRAINING, ...AWARENESS]],
  // text search
  ['anything on faith groups?', [18]],
  ['find MAPPA', [22]],
  ['search for VAWG', [23]],
  ['anything about the London Prevent Network?', [7]],
  ['find mental health', [21]],
  ['anything on probation?', [3]],
  ['faith groups', [18]],
  // best match first: "training" in the title, then in the outcome or notes
  ['anything on training?', [1, 2, 3, 4, 6, 19, 5, 8, 10, 15, 16, 20, 21, 23]],
  // combinations
  ['red or amber training actions', [3, 6, 8, 10, 11]],
  ['amber actions for CoLP', [3, 8, 10, 15, 17, 19, 20, 21, 23, 24]],
  ['overdue red actions', [22]],
  ['green awareness actions', [16]],
  ["what's amber in training?", [3, 6, 8, 10, 11]],
  ['red other actions', [22]],
  ['what other actions are red?', RED],
  ['amber actions for schools', [11]],
  ['overdue actions led by probation', [22]],
  ['green actions due in 2021', [5, 9, 14]],
  ['find CoLP actions that are red', RED],
  ['amber policy actions for All stakeholders', [15]],
  // everything
  ['show all actions', Array.from({ length: 24 }, (_, i) => i + 1)],
  ['how many actions are there?', Array.from({ length: 24 }, (_, i) => i + 1)],
];

describe('parseQuestion + findActions on the demo plan, today 22 November 2026', () => {
  it.each(LISTS)('%s', (text, refs) => {
    expect(answer(text)).toEqual(refs);
  });
});

const ON_OTHER_DAYS: [string, string, number[]][] = [
  ["what's due this month?", '2021-10-05', [5, 9, 10, 22]],
  ['due next month', '2021-09-10', [5, 9, 10, 22]],
  ['due this year', '2021-03-01', DUE_2021],
  ['due next year', '2021-03-01', [11]],
  ["what's due before March?", '2021-11-22', DUE_2021],
  ['due before April', '2021-12-15', OVERDUE],
  ["what's overdue?", '2021-07-01', [14]],
  ["what's due?", '2021-05-01', OVERDUE],
  ['upcoming actions for probation', '2021-05-01', [22]],
  ["what's overdue?", '2021-01-01', []],
  ['due by October', '2021-10-31', DUE_2021],
  ['due in October', '2021-10-31', [5, 9, 10, 22]],
  ['due before October', '2021-11-22', OVERDUE],
  ['due before October 2022', '2021-11-22', OVERDUE],
  ['due before October 2021', '2021-11-22', [14]],
];

describe('date questions on other days', () => {
  it.each(ON_OTHER_DAYS)('%s (today %s)', (text, today, refs) => {
    expect(answer(text, today)).toEqual(refs);
  });
});

const OTHER_KINDS: [string, Question][] = [
  ['show action 18', { kind: 'show', ref: '18' }],
  ['action 18', { kind: 'show', ref: '18' }],
  ['#18', { kind: 'show', ref: '18' }],
  ['tell me about action 18', { kind: 'show', ref: '18' }],
  ['Show action 12, please', { kind: 'show', ref: '12' }],
  ['action no. 7', { kind: 'show', ref: '7' }],
  ['is action 22 red?', { kind: 'show', ref: '22' }],
  ['18?', { kind: 'show', ref: '18' }],
  ['status', { kind: 'summary' }],
  ['summary', { kind: 'summary' }],
  ['how are we doing?', { kind: 'summary' }],
  ['overview', { kind: 'summary' }],
  ["what's the RAG status?", { kind: 'summary' }],
  ['help', { kind: 'help' }],
  ['what can you do?', { kind: 'help' }],
  ['Hello', { kind: 'smalltalk', reply: expect.stringMatching(/^Hello!/) as unknown as string }],
  ['', { kind: 'unknown', text: '' }],
  ['?!', { kind: 'unknown', text: '?!' }],
  ["what's the weather like?", { kind: 'unknown', text: "what's the weather like?" }],
  ['other', { kind: 'unknown', text: 'other' }],
  ['find', { kind: 'unknown', text: 'find' }],
  ['what changed this week?', { kind: 'unknown', text: 'what changed this week?' }],
  ['update action 3 to green', { kind: 'unknown', text: 'update action 3 to green' }],
];

describe('questions that are not lists', () => {
  it.each(OTHER_KINDS)('%s', (text, expected) => {
    expect(parseQuestion(text, plan, TODAY)).toEqual(expected);
  });
});
