import { describe, expect, it } from 'vitest';
import { purgeAfterDate } from './retention';

describe('purge date', () => {
  it('counts the retention period from the later of the planned end and the day it ended', () => {
    expect(purgeAfterDate('2027-06-30', '2027-07-03', 24)).toBe('2029-07-03');
    // Stopped early: the full period from the planned end.
    expect(purgeAfterDate('2027-06-30', '2027-03-15', 24)).toBe('2029-06-30');
  });
  it('clamps to the end of a shorter month', () => {
    expect(purgeAfterDate('2027-01-31', '2027-01-31', 1)).toBe('2027-02-28');
    expect(purgeAfterDate('2027-01-31', '2027-01-31', 13)).toBe('2028-02-29');
  });
  it('refuses a period that is not a positive number of months', () => {
    expect(() => purgeAfterDate('2027-01-31', '2027-01-31', 0)).toThrow(RangeError);
    expect(() => purgeAfterDate('2027-01-31', '2027-01-31', 1.5)).toThrow(RangeError);
  });
});
