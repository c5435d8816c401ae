import Holidays from 'date-holidays';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { belgianWorkCalendar, createWorkCalendar, fromEpochDay, toEpochDay } from './workdays';

// Checked by hand against the Belgian calendar: Easter 2026 is 5 April, Easter 2027 is 28 March.
const CLOSED_2026 = [
  '2026-01-01', // Thu, New Year
  '2026-04-06', // Mon, Easter Monday
  '2026-05-01', // Fri, Labour Day
  '2026-05-14', // Thu, Ascension
  '2026-05-25', // Mon, Whit Monday
  '2026-07-21', // Tue, National Day
  '2026-08-15', // Sat, Assumption
  '2026-11-01', // Sun, All Saints
  '2026-11-11', // Wed, Armistice
  '2026-11-15', // Sun, King's Day (federal)
  '2026-12-25', // Fri, Christmas
  '2026-12-26', // Sat, 26 December (federal)
];
const CLOSED_2027 = [
  '2027-01-01', // Fri
  '2027-03-29', // Mon, Easter Monday
  '2027-05-01', // Sat
  '2027-05-06', // Thu, Ascension
  '2027-05-17', // Mon, Whit Monday
  '2027-07-21', // Wed
  '2027-08-15', // Sun
  '2027-11-01', // Mon
  '2027-11-11', // Thu
  '2027-11-15', // Mon, King's Day (federal)
  '2027-12-25', // Sat
  '2027-12-26', // Sun (federal)
];

const calendar = createWorkCalendar();
const withoutFederal = createWorkCalendar({ includeFederalCivilServiceDays: false });

describe('closed days', () => {
  it('are the ten legal holidays plus 15 November and 26 December, for 2026 and 2027', () => {
    expect(calendar.closedDatesIn(2026)).toEqual(CLOSED_2026);
    expect(calendar.closedDatesIn(2027)).toEqual(CLOSED_2027);
  });

  it('close the legal holidays that fall on a weekday', () => {
    for (const date of ['2027-03-29', '2026-05-25', '2026-07-21', '2026-11-11', '2026-05-14', '2026-12-25']) {
      expect(calendar.isWorkday(date), date).toBe(false);
    }
  });

  it('close 15 November and 26 December for the federal civil service only', () => {
    expect(calendar.isWorkday('2027-11-15')).toBe(false); // Monday
    expect(calendar.isWorkday('2025-12-26')).toBe(false); // Friday
    expect(calendar.isWorkday('2028-12-26')).toBe(false); // Tuesday
    expect(withoutFederal.isWorkday('2027-11-15')).toBe(true);
    expect(withoutFederal.isWorkday('2025-12-26')).toBe(true);
    expect(withoutFederal.isWorkday('2028-12-26')).toBe(true);
    expect(withoutFederal.isWorkday('2027-03-29')).toBe(false);
    expect(withoutFederal.closedDatesIn(2026)).toEqual(
      CLOSED_2026.filter((d) => d !== '2026-11-15' && d !== '2026-12-26'),
    );
  });

  it('keep observances as workdays (Epiphany, All Souls, Saint Nicholas)', () => {
    expect(calendar.isWorkday('2026-01-06')).toBe(true); // Tue
    expect(calendar.isWorkday('2026-11-02')).toBe(true); // Mon
    expect(calendar.isWorkday('2027-12-06')).toBe(true); // Mon
  });

  it('give no replacement day when a holiday falls on a weekend', () => {
    expect(calendar.isWorkday('2026-08-15')).toBe(false); // Saturday anyway
    expect(calendar.isWorkday('2026-08-17')).toBe(true); // the Monday after
    expect(calendar.isWorkday('2027-12-27')).toBe(true); // after 25 (Sat) and 26 (Sun) December 2027
    expect(calendar.isWorkday('2027-05-03')).toBe(true); // after 1 May 2027 (Sat)
  });

  it('close weekends', () => {
    expect(calendar.isWorkday('2026-01-31')).toBe(false);
    expect(calendar.isWorkday('2026-02-01')).toBe(false);
    expect(calendar.isWorkday('2026-02-02')).toBe(true);
  });

  it("add the organisation's extra closed dates", () => {
    const bridge = createWorkCalendar({ extraClosedDates: ['2026-05-15'] }); // Friday after Ascension
    expect(bridge.isWorkday('2026-05-15')).toBe(false);
    expect(calendar.isWorkday('2026-05-15')).toBe(true);
    expect(bridge.addWorkdays('2026-05-13', 1)).toBe('2026-05-18');
    expect(bridge.closedDatesIn(2026)).toContain('2026-05-15');
  });

  it('refuse malformed extra closed dates', () => {
    expect(() => createWorkCalendar({ extraClosedDates: ['2026-02-30'] })).toThrow(RangeError);
  });
});

describe('addWorkdays', () => {
  it('skips weekends and holidays forward', () => {
    expect(calendar.addWorkdays('2027-03-26', 1)).toBe('2027-03-30'); // Fri → Tue after Easter Monday
    expect(calendar.addWorkdays('2026-05-22', 1)).toBe('2026-05-26'); // Fri → Tue after Whit Monday
    expect(calendar.addWorkdays('2026-07-20', 1)).toBe('2026-07-22'); // over 21 July
    expect(calendar.addWorkdays('2025-12-24', 1)).toBe('2025-12-29'); // over 25 and 26 December
    expect(withoutFederal.addWorkdays('2025-12-24', 1)).toBe('2025-12-26');
    expect(calendar.addWorkdays('2026-11-10', 2)).toBe('2026-11-13'); // over 11 November
    expect(calendar.addWorkdays('2026-02-02', 10)).toBe('2026-02-16');
  });

  it('counts from a non-workday without counting it', () => {
    expect(calendar.addWorkdays('2026-01-31', 2)).toBe('2026-02-03'); // Sat + 2 = Tue
    expect(calendar.addWorkdays('2026-01-31', -1)).toBe('2026-01-30'); // Sat - 1 = Fri
  });

  it('goes backwards for negative n', () => {
    expect(calendar.addWorkdays('2027-03-30', -1)).toBe('2027-03-26');
    expect(calendar.addWorkdays('2026-02-02', -10)).toBe('2026-01-19');
    expect(calendar.addWorkdays('2026-01-02', -1)).toBe('2025-12-31'); // over New Year, across years
  });

  it('n = 0 is the date itself if a workday, else the next workday', () => {
    expect(calendar.addWorkdays('2026-02-04', 0)).toBe('2026-02-04');
    expect(calendar.addWorkdays('2027-03-27', 0)).toBe('2027-03-30'); // Sat, Sun, Easter Monday
  });

  it('refuses a fractional n', () => {
    expect(() => calendar.addWorkdays('2026-02-04', 1.5)).toThrow(RangeError);
  });
});

describe('next / previous workday', () => {
  it('stays on a workday and moves off a closed day', () => {
    expect(calendar.nextWorkdayOnOrAfter('2026-02-04')).toBe('2026-02-04');
    expect(calendar.previousWorkdayOnOrBefore('2026-02-04')).toBe('2026-02-04');
    expect(calendar.nextWorkdayOnOrAfter('2026-12-25')).toBe('2026-12-28');
    expect(calendar.previousWorkdayOnOrBefore('2026-05-25')).toBe('2026-05-22');
    expect(calendar.previousWorkdayOnOrBefore('2027-01-03')).toBe('2026-12-31');
  });
});

describe('workdaysBetween', () => {
  it('counts the workdays of (a, b], signed', () => {
    expect(calendar.workdaysBetween('2027-03-26', '2027-03-30')).toBe(1);
    expect(calendar.workdaysBetween('2027-03-30', '2027-03-26')).toBe(-1);
    expect(calendar.workdaysBetween('2026-02-04', '2026-02-04')).toBe(0);
    expect(calendar.workdaysBetween('2025-12-21', '2025-12-28')).toBe(3); // 22, 23, 24 December
    expect(calendar.workdaysBetween('2026-01-30', '2026-02-01')).toBe(0); // Fri → Sun
    // 2026: 261 weekdays, minus the 8 closed days that fall on a weekday.
    expect(calendar.workdaysBetween('2025-12-31', '2026-12-31')).toBe(253);
  });
});

describe('nthWorkdayFrom', () => {
  it('counts the start as the first workday when it is one', () => {
    expect(calendar.nthWorkdayFrom('2026-02-02', 1)).toBe('2026-02-02');
    expect(calendar.nthWorkdayFrom('2026-02-02', 5)).toBe('2026-02-06');
    expect(calendar.nthWorkdayFrom('2027-03-27', 1)).toBe('2027-03-30'); // Sat → Tue after Easter Monday
    expect(calendar.nthWorkdayFrom('2026-05-11', 5)).toBe('2026-05-18'); // over Ascension
  });

  it('refuses n < 1', () => {
    expect(() => calendar.nthWorkdayFrom('2026-02-02', 0)).toThrow(RangeError);
  });
});

describe('workdaysIn', () => {
  it('lists the workdays of a closed interval', () => {
    expect(calendar.workdaysIn('2025-12-24', '2026-01-02')).toEqual([
      '2025-12-24',
      '2025-12-29',
      '2025-12-30',
      '2025-12-31',
      '2026-01-02',
    ]);
    expect(calendar.workdaysIn('2026-02-04', '2026-02-03')).toEqual([]);
  });
});

describe('dates', () => {
  it('refuses what is not a calendar date', () => {
    for (const bad of [
      '2026-02-30',
      '2026-2-3',
      '26-02-03',
      '',
      '2026-13-01',
      '0026-01-01',
      '2026-02-03T00:00',
    ]) {
      expect(() => calendar.isWorkday(bad), bad).toThrow(RangeError);
    }
  });

  it('converts day numbers both ways, leap days included', () => {
    expect(toEpochDay('1970-01-01')).toBe(0);
    expect(fromEpochDay(toEpochDay('2028-02-29'))).toBe('2028-02-29');
    expect(fromEpochDay(toEpochDay('2028-02-29') + 1)).toBe('2028-03-01');
    fc.assert(
      fc.property(fc.integer({ min: toEpochDay('1900-01-01'), max: toEpochDay('2999-12-31') }), (day) => {
        const iso = fromEpochDay(day);
        expect(iso).toBe(new Date(day * 86_400_000).toISOString().slice(0, 10));
        expect(toEpochDay(iso)).toBe(day);
      }),
      { numRuns: 300 },
    );
  });
});

describe('arithmetic laws', () => {
  const date = fc
    .integer({ min: toEpochDay('2024-01-01'), max: toEpochDay('2031-12-31') })
    .map((day) => fromEpochDay(day));

  it('addWorkdays lands on a workday n workdays away', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -300, max: 300 }), (start, n) => {
        const from = calendar.nextWorkdayOnOrAfter(start);
        const to = calendar.addWorkdays(from, n);
        expect(calendar.isWorkday(to)).toBe(true);
        expect(calendar.workdaysBetween(from, to)).toBe(n);
        expect(calendar.addWorkdays(to, -n)).toBe(from);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with the library and the weekday for every date', () => {
    const holidays = new Holidays('BE');
    const legalByYear = new Map<string, string[]>();
    const legalIn = (year: string) => {
      let legal = legalByYear.get(year);
      if (!legal) {
        legal = holidays
          .getHolidays(year)
          .filter((h) => h.type === 'public')
          .map((h) => h.date.slice(0, 10));
        legalByYear.set(year, legal);
      }
      return legal;
    };
    fc.assert(
      fc.property(date, (d) => {
        const weekday = new Date(`${d}T12:00:00Z`).getUTCDay();
        const legal = legalIn(d.slice(0, 4)).includes(d);
        const federal = d.slice(5) === '11-15' || d.slice(5) === '12-26';
        expect(calendar.isWorkday(d)).toBe(weekday !== 0 && weekday !== 6 && !legal && !federal);
      }),
      { numRuns: 300 },
    );
  });
});

describe('caching', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('asks the library once per year, however many dates are checked', () => {
    const spy = vi.spyOn(Holidays.prototype, 'getHolidays');
    const fresh = createWorkCalendar();
    fresh.workdaysIn('2026-01-01', '2027-12-31');
    fresh.addWorkdays('2026-06-01', 200);
    fresh.isWorkday('2027-03-29');
    expect(spy.mock.calls.map((call) => call[0]).sort()).toEqual([2026, 2027]);
  });

  it('shares one default calendar', () => {
    expect(belgianWorkCalendar()).toBe(belgianWorkCalendar());
  });
});
