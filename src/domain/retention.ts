/**
 * Retention (BRIEF "Security and privacy"): an internship's personal data is kept for the organisation's retention
 * period (Settings, in months) after it ends, then purged. The clock starts at the later of the planned end and the
 * day it was closed or stopped: an early stop still keeps the records for the full period.
 */
import { DateTime } from 'luxon';
import type { IsoDate } from './internship';

export function purgeAfterDate(endDate: IsoDate, endedOn: IsoDate, retentionMonths: number): IsoDate {
  if (!Number.isInteger(retentionMonths) || retentionMonths < 1)
    throw new RangeError(`retentionMonths must be a positive integer, got ${retentionMonths}`);
  const from = endDate > endedOn ? endDate : endedOn;
  const d = DateTime.fromISO(from, { zone: 'utc' });
  if (!d.isValid) throw new RangeError(`not a date: ${from}`);
  // luxon clamps to the month's last day (31 Jan + 1 month = 28/29 Feb), which is what "n months later" means.
  return d.plus({ months: retentionMonths }).toISODate()!;
}
