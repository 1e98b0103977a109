/** Given names and family names common in England and Wales, for generated people. */
export const GIVEN_NAMES = [
  'Aisha', 'Alex', 'Amir', 'Amy', 'Andrew', 'Bethan', 'Bilal', 'Callum', 'Chloe', 'Chris', 'Claire', 'Daniel', 'David', 'Deborah', 'Dylan',
  'Eleanor', 'Emma', 'Fatima', 'Gareth', 'Georgia', 'Grace', 'Hannah', 'Harpreet', 'Imran', 'Jack', 'James', 'Jasmine', 'Jo', 'John',
  'Karen', 'Kwame', 'Laura', 'Liam', 'Lucy', 'Mark', 'Megan', 'Mohammed', 'Nadia', 'Natalie', 'Niamh', 'Olivia', 'Omar', 'Patrick',
  'Priya', 'Rachel', 'Rhys', 'Rebecca', 'Sam', 'Sarah', 'Siobhan', 'Sophie', 'Stephen', 'Sunita', 'Tariq', 'Thomas', 'Tom', 'Usha',
  'Victoria', 'Wei', 'Yusuf', 'Zainab', 'Zoe',
];

export const FAMILY_NAMES = [
  'Adams', 'Ahmed', 'Ali', 'Allen', 'Baker', 'Bennett', 'Brown', 'Campbell', 'Carter', 'Chen', 'Clarke', 'Cooper', 'Davies', 'Edwards',
  'Evans', 'Fisher', 'Green', 'Griffiths', 'Hall', 'Harris', 'Hughes', 'Hussain', 'Jackson', 'James', 'Jenkins', 'Johnson', 'Jones',
  'Kaur', 'Khan', 'King', 'Lewis', 'Lloyd', 'Martin', 'Mason', 'Mistry', 'Moore', "O'Brien", 'Okafor', 'Owen', 'Parker', 'Patel',
  'Phillips', 'Price', 'Rahman', 'Roberts', 'Robinson', 'Scott', 'Shah', 'Singh', 'Smith', 'Taylor', 'Thomas', 'Thompson', 'Turner',
  'Walker', 'Ward', 'Watson', 'White', 'Williams', 'Wilson', 'Wood', 'Wright', 'Young',
];
