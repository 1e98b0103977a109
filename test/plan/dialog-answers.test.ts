import { describe, expect, it } from 'vitest';
import { controlWord, isSkip, parseConfirm, parseProgress, parseRagAnswer } from '../../bot/plan/dialog/answers.js';
import { findTopicActions, topicWords } from '../../bot/plan/dialog/topic.js';
import { demoPlanView } from '../factories/demo-plan.js';

describe('typed RAG answers', () => {
  const cases: [string, string | null][] = [
    ['amber', 'AMBER'],
    ['Amber.', 'AMBER'],
    ['still red', 'RED'],
    ["it's green now", 'GREEN'],
    ['GREEN please', 'GREEN'],
    ['done', 'COMPLETE'],
    ['all done and dusted', 'COMPLETE'],
    ['completed!', 'COMPLETE'],
    ['finished', 'COMPLETE'],
    ['no change', 'RED'],
    ['same as before', 'RED'],
    ['mark it amber', 'AMBER'],
    ['purple', null],
    ['red or amber', null],
    ['not done', null],
    ['not red', null],
    ['', null],
    ['amber because the forum slipped', null],
  ];
  it.each(cases)('%j → %s (current RED)', (text, expected) => {
    expect(parseRagAnswer(text, 'RED')).toBe(expected);
  });

  it('"no change" on an unrated action names no rating', () => {
    expect(parseRagAnswer('no change', 'UNRATED')).toBeNull();
  });
});

describe('other answers', () => {
  it.each([
    ['cancel', 'cancel'],
    ['Stop!', 'cancel'],
    ['never mind', 'cancel'],
    ['back', 'back'],
    ['go back', 'back'],
    ['cancel the forum', null],
    ['backing group', null],
  ])('control word %j → %s', (text, expected) => expect(controlWord(text)).toBe(expected));

  it.each([
    ['12', 12],
    ['12 of 25', 12],
    ['12/25', 12],
    ['we have trained 12 people', 12],
    ['0', 0],
    ['skip', 'skip'],
    ['no change', 'skip'],
    ['lots', null],
    ['-3', null],
    ['2.5', null],
    ['12 and 13', null],
    ['99999999', null],
  ])('progress %j → %s', (text, expected) => {
    expect(parseProgress(text)).toBe(expected);
  });

  it.each([
    ['yes', 'yes'],
    ['Y', 'yes'],
    ['save it', 'yes'],
    ['OK', 'yes'],
    ['no', 'no'],
    ['nope', 'no'],
    ['maybe', null],
    ['yes but', null],
  ])('confirm %j → %s', (text, expected) => {
    expect(parseConfirm(text)).toBe(expected);
  });

  it('skip words', () => {
    expect(['skip', 'None', 'nothing', 'n/a'].every(isSkip)).toBe(true);
    expect(isSkip('nothing new on faith groups')).toBe(false);
  });
});

describe('update topics', () => {
  const plan = demoPlanView();
  it('keeps the words that say which action, drops the chatter', () => {
    expect(topicWords('the faith groups work')).toEqual(['faith', 'groups']);
    expect(topicWords('our progress')).toEqual([]);
  });

  it.each([
    ['faith groups', [18]],
    ['businesses', [16, 19]],
    ['MAPPA', [22]],
    ['mental health', [21]],
    ['llamas', []],
    ['the', []],
  ])('%j → actions %j', (topic, refs) => {
    expect(findTopicActions(plan, topic).map((a) => a.ref)).toEqual(refs);
  });
});
