import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoFromTimestamptz } from './timestampText.ts';

/** How PostgreSQL writes a timestamp(3) with time zone in a session at `offset` (DateStyle ISO). */
function pgText(ms: number, offsetMinutes: number): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString();
  const fraction = local.slice(20, 23).replace(/0+$/, '');
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = abs % 60 ? `:${String(abs % 60).padStart(2, '0')}` : '';
  return `${local.slice(0, 10)} ${local.slice(11, 19)}${fraction ? `.${fraction}` : ''}${sign}${hh}${mm}`;
}

describe('isoFromTimestamptz', () => {
  it('gives what Date gives for the text, to the byte, in UTC and in other zones', () => {
    const years1000to9999 = fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9999, 11, 31) });
    fc.assert(
      fc.property(years1000to9999, fc.constantFrom(0, 0, 60, -300, 330, 765), (ms, offset) => {
        const text = pgText(ms, offset);
        expect(isoFromTimestamptz(text)).toBe(new Date(text).toISOString());
        expect(isoFromTimestamptz(text)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 2000 },
    );
  });

  it('pads short fractions and adds one where the server wrote none', () => {
    expect(isoFromTimestamptz('2026-11-24 05:47:40+00')).toBe('2026-11-24T05:47:40.000Z');
    expect(isoFromTimestamptz('2026-11-24 05:47:40.1+00')).toBe('2026-11-24T05:47:40.100Z');
    expect(isoFromTimestamptz('2026-11-24 05:47:40.12+00')).toBe('2026-11-24T05:47:40.120Z');
    expect(isoFromTimestamptz('2026-11-24 05:47:40.123+00')).toBe('2026-11-24T05:47:40.123Z');
    expect(isoFromTimestamptz('2026-11-24 06:47:40.5+01')).toBe('2026-11-24T05:47:40.500Z');
  });
});
