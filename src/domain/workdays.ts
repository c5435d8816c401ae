/**
 * Belgian workday arithmetic for the schedule of moments (BRIEF.md, "Moments and cards": dates skip weekends
 * and Belgian public holidays).
 *
 * Holidays come from the maintained `date-holidays` library (country 'BE', no community/region: federal
 * organisations follow the federal calendar, not the Flemish, French or German community days). What the library
 * returns for BE (checked on 3.37.0):
 * - type `public`: the ten legal holidays (1 Jan, Easter Monday, 1 May, Ascension, Whit Monday, 21 Jul, 15 Aug,
 *   1 Nov, 11 Nov, 25 Dec). Always closed.
 * - type `observance`: Epiphany, Valentine's, Easter and Whit Sunday, Mother's Day, 2 Nov, 15 Nov (Fête du Roi /
 *   Koningsdag), 6 Dec. Working days, except 15 Nov for the federal civil service.
 * - no `bank` or `optional` days, and no 26 December at all.
 * So the federal civil-service days are picked by rule, not by type: the library's own '11-15' rule, and a
 * '12-26' rule that we register through the library's rule grammar (only if the library has none), so the
 * library still computes every year.
 *
 * A holiday on a weekend gives no closed replacement day: federal staff get it as an individual leave day. The
 * yearly "dienstvrijstellingen / dispenses de service" (bridge days decided by circular) differ every year: the
 * organisation adds them as `extraClosedDates`.
 */
import Holidays from 'date-holidays';
import type { IsoDate } from './internship';

export interface WorkCalendarOptions {
  /** Days the organisation is closed on top of the holidays (bridge days, collective closure). */
  extraClosedDates?: IsoDate[];
  /** 15 November and 26 December, days off for federal civil servants; default true. */
  includeFederalCivilServiceDays?: boolean;
}

export interface WorkCalendar {
  /** Not a Saturday, Sunday, Belgian holiday or closed day of the organisation. */
  isWorkday(date: IsoDate): boolean;
  /**
   * n > 0: the n-th workday strictly after `date`; n < 0: the |n|-th workday strictly before `date`; n = 0: `date`
   * itself if it is a workday, else the next workday. `date` itself need not be a workday, so "2 workdays after a
   * Saturday" is the Tuesday.
   */
  addWorkdays(date: IsoDate, n: number): IsoDate;
  nextWorkdayOnOrAfter(date: IsoDate): IsoDate;
  previousWorkdayOnOrBefore(date: IsoDate): IsoDate;
  /**
   * Signed count of workdays in the half-open interval (a, b] (or -(b, a] when b < a), so that for workdays a
   * and b, addWorkdays(a, workdaysBetween(a, b)) === b.
   */
  workdaysBetween(a: IsoDate, b: IsoDate): number;
  /** The n-th workday (n >= 1) counting `start` as the first if it is a workday: n = 1 is nextWorkdayOnOrAfter. */
  nthWorkdayFrom(start: IsoDate, n: number): IsoDate;
  /** Every workday of [from, to], both included, in order; empty when to < from. */
  workdaysIn(from: IsoDate, to: IsoDate): IsoDate[];
  /** The holidays and extra closed dates of a year, sorted; a holiday on a weekend is listed too. */
  closedDatesIn(year: number): IsoDate[];
}

// Federal civil-service days off on top of the legal holidays, by the library's rule name.
const FEDERAL_CIVIL_SERVICE_RULES = ['11-15', '12-26'] as const;
const BOXING_DAY_NAMES = {
  nl: 'Tweede Kerstdag',
  fr: 'Lendemain de Noël',
  de: 'Zweiter Weihnachtstag',
  en: 'Boxing Day',
};

const DAY_MS = 86_400_000;

// Years outside this range are typing errors in an internship (0226, 20260), and Date.UTC maps 0–99 to 19xx.
const MIN_YEAR = 1900;
const MAX_YEAR = 2999;

/** Days since 1970-01-01 of a valid IsoDate; throws RangeError on anything else (e.g. 2026-02-30). */
export function toEpochDay(date: IsoDate): number {
  // Parsed by hand: this runs for every date a schedule touches, and a regex match costs several times more.
  if (typeof date === 'string' && date.length === 10 && date[4] === '-' && date[7] === '-') {
    const y = digits(date, 0, 4);
    const mo = digits(date, 5, 2);
    const d = digits(date, 8, 2);
    if (y >= MIN_YEAR && y <= MAX_YEAR && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo))
      return Date.UTC(y, mo - 1, d) / DAY_MS;
  }
  throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
}

/** The decimal number in text[from, from + length), or -1 if any character is not a digit. */
function digits(text: string, from: number, length: number): number {
  let n = 0;
  for (let i = from; i < from + length; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** IsoDate of a day number; the reverse of toEpochDay (H. Hinnant's civil_from_days, allocation-free). */
export function fromEpochDay(day: number): IsoDate {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : (MONTH_DAYS[month - 1] ?? 0);
}

/** 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday. */
const weekdayOf = (day: number): number => (((day + 4) % 7) + 7) % 7;
const isWeekend = (day: number): boolean => {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
};

const yearStart = (year: number): number => Date.UTC(year, 0, 1) / DAY_MS;
function yearOf(day: number): number {
  let y = Math.floor(day / 365.2425) + 1970;
  while (day < yearStart(y)) y--;
  while (day >= yearStart(y + 1)) y++;
  return y;
}

function requireInteger(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} must be an integer, got ${n}`);
}

/**
 * A calendar for one organisation. Construct it once and reuse it: it holds one `date-holidays` instance and
 * caches the closed days per year.
 */
export function createWorkCalendar(options: WorkCalendarOptions = {}): WorkCalendar {
  const federal = options.includeFederalCivilServiceDays ?? true;
  const extra = new Set<number>((options.extraClosedDates ?? []).map(toEpochDay));

  const holidays = new Holidays('BE');
  if (federal && !holidays.getRule('12-26')) {
    holidays.setHoliday('12-26', { name: BOXING_DAY_NAMES, type: 'observance' });
  }
  const closedRules = new Set<string>(federal ? FEDERAL_CIVIL_SERVICE_RULES : []);

  const closedByYear = new Map<number, Set<number>>();
  function closedOfYear(year: number): Set<number> {
    let closed = closedByYear.get(year);
    if (!closed) {
      closed = new Set<number>();
      for (const h of holidays.getHolidays(year)) {
        if (h.type === 'public' || closedRules.has(h.rule)) closed.add(toEpochDay(h.date.slice(0, 10)));
      }
      closedByYear.set(year, closed);
    }
    return closed;
  }

  const computeIsWorkday = (day: number): boolean =>
    !isWeekend(day) && !extra.has(day) && !closedOfYear(yearOf(day)).has(day);

  // One byte per day of the supported years (~400 kB per calendar): a schedule asks about the same few hundred
  // days thousands of times, and a table lookup beats finding the year and its holiday set each time.
  const UNKNOWN = 0;
  const WORKDAY = 1;
  const CLOSED = 2;
  const firstDay = yearStart(MIN_YEAR);
  const known = new Uint8Array(yearStart(MAX_YEAR + 1) - firstDay);
  function isWorkdayNumber(day: number): boolean {
    const i = day - firstDay;
    if (i < 0 || i >= known.length) return computeIsWorkday(day); // arithmetic can step past 2999
    let state = known[i] ?? UNKNOWN;
    if (state === UNKNOWN) {
      state = computeIsWorkday(day) ? WORKDAY : CLOSED;
      known[i] = state;
    }
    return state === WORKDAY;
  }

  function step(day: number, direction: 1 | -1): number {
    let d = day;
    do d += direction;
    while (!isWorkdayNumber(d));
    return d;
  }

  function onOrAfter(day: number): number {
    return isWorkdayNumber(day) ? day : step(day, 1);
  }
  function onOrBefore(day: number): number {
    return isWorkdayNumber(day) ? day : step(day, -1);
  }

  function addWorkdaysNumber(day: number, n: number): number {
    if (n === 0) return onOrAfter(day);
    const direction = n > 0 ? 1 : -1;
    let d = day;
    for (let left = Math.abs(n); left > 0; left--) d = step(d, direction);
    return d;
  }

  function countHalfOpen(from: number, to: number): number {
    let count = 0;
    for (let d = from + 1; d <= to; d++) if (isWorkdayNumber(d)) count++;
    return count;
  }

  return {
    isWorkday: (date) => isWorkdayNumber(toEpochDay(date)),
    addWorkdays(date, n) {
      requireInteger(n, 'addWorkdays: n');
      return fromEpochDay(addWorkdaysNumber(toEpochDay(date), n));
    },
    nextWorkdayOnOrAfter: (date) => fromEpochDay(onOrAfter(toEpochDay(date))),
    previousWorkdayOnOrBefore: (date) => fromEpochDay(onOrBefore(toEpochDay(date))),
    workdaysBetween(a, b) {
      const da = toEpochDay(a);
      const db = toEpochDay(b);
      return db >= da ? countHalfOpen(da, db) : -countHalfOpen(db, da);
    },
    nthWorkdayFrom(start, n) {
      requireInteger(n, 'nthWorkdayFrom: n');
      if (n < 1) throw new RangeError(`nthWorkdayFrom: n counts from 1, got ${n}`);
      return fromEpochDay(addWorkdaysNumber(onOrAfter(toEpochDay(start)), n - 1));
    },
    workdaysIn(from, to) {
      const out: IsoDate[] = [];
      const end = toEpochDay(to);
      for (let d = toEpochDay(from); d <= end; d++) if (isWorkdayNumber(d)) out.push(fromEpochDay(d));
      return out;
    },
    closedDatesIn(year) {
      requireInteger(year, 'closedDatesIn: year');
      const from = yearStart(year);
      const to = yearStart(year + 1);
      const days = new Set(closedOfYear(year));
      for (const d of extra) if (d >= from && d < to) days.add(d);
      return [...days].sort((x, y) => x - y).map(fromEpochDay);
    },
  };
}

let belgian: WorkCalendar | undefined;
/** The default federal calendar (no organisation-specific closed days), built on first use. */
export function belgianWorkCalendar(): WorkCalendar {
  belgian ??= createWorkCalendar();
  return belgian;
}
