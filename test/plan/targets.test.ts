import { describe, expect, it } from 'vitest';
import { parseTarget } from '../../bot/plan/targets.js';

describe('parseTarget', () => {
  it.each([
    ['Deliver six sessions a year minimum', 6],
    ['Engage with 25 businesses throughout the year', 25],
    ['Deliver at least 4 briefings to members', 4],
    ['Train 1,200 staff by March', 1200],
    ['Hold twelve forums', 12],
    ['Visit twenty-five schools', 25],
    ['Target: 40 referrals pathways reviewed', 40],
    ['A minimum of ten partners attend', 10],
    ['Run 3 workshops per quarter', 3],
    ['Reach one hundred residents', 100],
    ['Deliver seventeen sessions', 17],
    ['Run 3 marketing campaigns', 3],
    ['Publish 2 decision papers', 2],
  ])('reads %j as %i', (text, target) => {
    expect(parseTarget(text)).toBe(target);
  });

  it.each([
    'Ongoing',
    'Deliver bespoke training to CoLC staff',
    'Deliver by March 2022',
    'Deliver 12 March 2022',
    'Complete by 31/03/2022',
    'Hold 2021–22 programme of events',
    'Engage with partners in 2021',
    'Deliver 2024 sessions',
    'Members (October 21)',
    'The CST have compiled four real-life case studies',
    'Train 80% of staff',
    'Seventeen',
    'Deliver to tenants',
  ])('finds no target in %j', (text) => {
    expect(parseTarget(text)).toBeNull();
  });
});
