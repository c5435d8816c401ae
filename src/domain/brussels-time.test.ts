import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { atLocalTime, localDateOf, localTimeOf } from './brussels-time';
import { fromEpochDay, toEpochDay } from './workdays';

describe('atLocalTime', () => {
  it('is 08:00Z in winter (CET) and 07:00Z in summer (CEST) for 09:00 Brussels', () => {
    expect(atLocalTime('2026-01-05', '09:00')).toBe('2026-01-05T08:00:00.000Z');
    expect(atLocalTime('2026-07-01', '09:00')).toBe('2026-07-01T07:00:00.000Z');
  });

  it('follows the change to summer time on the last Sunday of March (29 March 2026)', () => {
    expect(atLocalTime('2026-03-27', '09:00')).toBe('2026-03-27T08:00:00.000Z'); // Friday before
    expect(atLocalTime('2026-03-29', '09:00')).toBe('2026-03-29T07:00:00.000Z'); // the Sunday, after 02:00
    expect(atLocalTime('2026-03-30', '09:00')).toBe('2026-03-30T07:00:00.000Z'); // Monday after
  });

  it('follows the change to winter time on the last Sunday of October (25 October 2026)', () => {
    expect(atLocalTime('2026-10-23', '09:00')).toBe('2026-10-23T07:00:00.000Z');
    expect(atLocalTime('2026-10-25', '09:00')).toBe('2026-10-25T08:00:00.000Z');
    expect(atLocalTime('2026-10-26', '09:00')).toBe('2026-10-26T08:00:00.000Z');
  });

  it('moves a time in the spring gap forward and takes the winter-time occurrence in the autumn overlap', () => {
    expect(atLocalTime('2026-03-29', '02:30')).toBe('2026-03-29T01:30:00.000Z'); // = 03:30 CEST
    expect(atLocalTime('2026-10-25', '02:30')).toBe('2026-10-25T01:30:00.000Z'); // = 02:30 CET
  });

  it('works in another zone', () => {
    expect(atLocalTime('2026-01-05', '09:00', 'America/New_York')).toBe('2026-01-05T14:00:00.000Z');
    expect(atLocalTime('2026-01-05', '00:00', 'UTC')).toBe('2026-01-05T00:00:00.000Z');
  });

  it('refuses bad times, dates and zones', () => {
    expect(() => atLocalTime('2026-01-05', '9:00')).toThrow(RangeError);
    expect(() => atLocalTime('2026-01-05', '24:00')).toThrow(RangeError);
    expect(() => atLocalTime('2026-02-30', '09:00')).toThrow(RangeError);
    expect(() => atLocalTime('2026-1-5', '09:00')).toThrow(RangeError);
    expect(() => atLocalTime('2026-01-05', '09:00', 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('localDateOf / localTimeOf', () => {
  it('give the Brussels wall clock of an instant', () => {
    expect(localDateOf('2026-03-31T23:30:00.000Z')).toBe('2026-04-01'); // 01:30 CEST
    expect(localDateOf('2026-01-31T22:30:00.000Z')).toBe('2026-01-31'); // 23:30 CET
    expect(localDateOf('2026-01-31T23:30:00.000Z')).toBe('2026-02-01'); // 00:30 CET
    expect(localTimeOf('2026-03-31T23:30:00.000Z')).toBe('01:30');
    expect(localTimeOf('2026-10-25T00:30:00.000Z')).toBe('02:30'); // first 02:30, still CEST
    expect(localTimeOf('2026-10-25T01:30:00.000Z')).toBe('02:30'); // second 02:30, CET
    expect(localDateOf('2026-01-31T23:30:00.000Z', 'UTC')).toBe('2026-01-31');
  });

  it('refuse what is not an instant', () => {
    expect(() => localDateOf('yesterday')).toThrow(RangeError);
    expect(() => localTimeOf('2026-01-05T08:00:00.000Z', 'Nowhere/Land')).toThrow(RangeError);
  });

  it('invert atLocalTime on every date, DST changes included', () => {
    const date = fc
      .integer({ min: toEpochDay('2024-01-01'), max: toEpochDay('2031-12-31') })
      .map((day) => fromEpochDay(day));
    const time = fc
      .tuple(fc.integer({ min: 4, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    fc.assert(
      fc.property(date, time, (d, hhmm) => {
        const instant = atLocalTime(d, hhmm);
        expect(localDateOf(instant)).toBe(d);
        expect(localTimeOf(instant)).toBe(hhmm);
        const offsetHours = DateTime.fromISO(instant).setZone('Europe/Brussels').offset / 60;
        expect([1, 2]).toContain(offsetHours);
      }),
      { numRuns: 300 },
    );
  });
});
