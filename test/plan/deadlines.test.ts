import { describe, expect, it } from 'vitest';
import { parseDeadline } from '../../bot/plan/deadlines.js';

describe('parseDeadline', () => {
  it.each([
    ['October 2021', '2021-10-31', null],
    ['June 2021', '2021-06-30', null],
    ['February 2024', '2024-02-29', null],
    ['2021–22', '2022-03-31', null],
    ['2021-22', '2022-03-31', null],
    ['2021/22', '2022-03-31', null],
    ['2023-2024', '2024-03-31', null],
    ['March 2016 and annual review', '2016-03-31', 'annual'],
    ['January 2016 for production of guidance', '2016-01-31', null],
    ['12 March 2022', '2022-03-12', null],
    ['1st April 2023', '2023-04-01', null],
    ['31/03/2022', '2022-03-31', null],
    ['01/04/22', '2022-04-01', null],
    ['Oct-21', '2021-10-31', null],
    ['2024-03-31', '2024-03-31', null],
    ['End of 2025', '2025-12-31', null],
    ['Ongoing', null, null],
    ['Ongoing – bi-weekly', null, 'bi-weekly'],
    ['Ongoing/ continue to review', null, null],
    ['Complete', null, null],
    ['Complete/ continue to review', null, null],
    ['When resources allow', null, null],
    ['', null, null],
    ['every six months', null, 'six-monthly'],
    ['Twice a year', null, 'six-monthly'],
    ['Bi-annual', null, 'six-monthly'],
    ['Fortnightly', null, 'bi-weekly'],
    ['Weekly', null, 'weekly'],
    ['Monthly panel', null, 'monthly'],
    ['Quarterly board', null, 'quarterly'],
    ['Annually', null, 'annual'],
  ])('reads %j as due %s, repeating %s', (text, dueDate, recurrence) => {
    expect(parseDeadline(text)).toEqual({ dueDate, recurrence, refersTo: null });
  });

  it.each([
    ['See 9 above', 9],
    ['see action 12', 12],
    ['See no. 3 above', 3],
  ])('reads %j as pointing to action %i', (text, refersTo) => {
    expect(parseDeadline(text)).toEqual({ dueDate: null, recurrence: null, refersTo });
  });

  it.each(['31/02/2022', '30 February 2021', '2021–23'])('gives no date for the impossible %j', (text) => {
    expect(parseDeadline(text).dueDate).toBeNull();
  });

  it.each(['Sepember 2021', '3 sepember 2021'])('gives no date for the misspelt month in %j rather than reading it as January', (text) => {
    expect(parseDeadline(text).dueDate).toBeNull();
  });
});
