/** NHS numbers: ten digits (3-3-4 with any separators) whose last digit is the Modulus 11 check digit. */

/** Whether ten digits form a valid NHS number (Modulus 11: weights 10..2, check digit 11 - remainder, 11 means 0, 10 is never issued). */
export function isValidNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

/** Three digits, three digits, four digits, with any run of spaces, dots, hyphens or slashes between the groups. */
const CANDIDATE = /(?<![\d.\-/])(\d{3})[\s.\-/]{0,3}(\d{3})[\s.\-/]{0,3}(\d{4})(?![\d])/g;

/** Whether the text holds a valid NHS number, however it is separated; or any ten digits written just after the word "NHS". */
export function hasNhsNumber(text: string): boolean {
  for (const m of text.matchAll(CANDIDATE)) {
    if (isValidNhsNumber(`${m[1]}${m[2]}${m[3]}`)) return true;
    if (/\bNHS\b[^\d]{0,15}$/i.test(text.slice(Math.max(0, m.index - 20), m.index))) return true;
  }
  return false;
}
