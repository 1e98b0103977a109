import { describe, expect, it } from 'vitest';
import { checkCaseRef, personalDataIn } from '../../../bot/plan/confidentiality/case-ref.js';

describe('Channel case references', () => {
  it.each(['CH-2026-014', 'PREVENT-2026-001', 'ch-2026-014', 'LDN/0042', 'CP26_7', 'REF-2026-0007', 'CASE-118', 'COL.2026.12'])(
    'accepts the opaque reference %s',
    (ref) => {
      const r = checkCaseRef(ref, 2026);
      expect(r.ok).toBe(true);
    },
  );

  it('stores references in capitals', () => {
    expect(checkCaseRef(' ch-2026-014 ', 2026)).toEqual({ ok: true, ref: 'CH-2026-014' });
  });

  const refused: [string, string][] = [
    ['John Smith', 'name'],
    ['JSmith01', 'name'],
    ['Ali-2026', 'name'],
    ['mohammed.k', 'name'],
    ['12/03/2008', 'date of birth'],
    ['CH-12-03-2008', 'date of birth'],
    ['2008-03-12', 'date of birth'],
    ['12March2008', 'date of birth'],
    ['CH20080312', 'date of birth'],
    ['EC2V 7HH', 'postcode'],
    ['SW1A1AA', 'postcode'],
    ['12 Acacia Avenue', 'address'],
    ['flat 4', 'address'],
    ['j.smith@example.org', 'email address'],
    ['07700 900123', 'phone number'],
    ['+44 20 7946 0018', 'phone number'],
    ['02079460018', 'phone number'],
    ['QQ 12 34 56 C', 'National Insurance number'],
    ['943-476-5919', 'NHS number'],
    ['943.476.5919', 'NHS number'],
    ['9434765919', 'NHS number'],
    ['KHAN-2026-01', 'name'],
    ['ALI-01', 'name'],
    ['JS120309', 'date of birth'],
  ];
  it.each(refused)('refuses "%s" (%s), and says what a reference should look like', (text, kind) => {
    const r = checkCaseRef(text, 2026);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.kind).toBe(kind);
    expect(r.message).toContain(`looks like ${/^[aeiou]|^NHS/i.test(kind) ? 'an' : 'a'} ${kind}`);
    expect(r.message).toContain('CH-2026-014');
    expect(r.message).not.toContain(text);
  });

  it('refuses references with no digit or of the wrong length as badly formed', () => {
    for (const ref of ['AB', 'CH-', 'X'.repeat(40)]) expect(checkCaseRef(ref, 2026)).toMatchObject({ ok: false });
    expect(checkCaseRef('CH-ABC', 2026)).toMatchObject({ ok: false, kind: 'format' });
  });

  it('finds personal data inside longer text', () => {
    expect(personalDataIn('call 07700900123', 2026)).toBe('phone number');
    expect(personalDataIn('CH-2026-014', 2026)).toBeNull();
  });
});
