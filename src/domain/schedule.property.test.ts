import Holidays from 'date-holidays';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  computeSchedule,
  DEFAULT_SCHEDULE_RULES,
  diffSchedules,
  escalationDeadlines,
  MOMENT_KINDS,
  resolveScheduleRules,
  type PlannedMoment,
  type ScheduleRules,
} from './schedule';
import { createWorkCalendar, fromEpochDay, toEpochDay } from './workdays';

const calendar = createWorkCalendar();
// An oracle independent of workdays.ts: the library's legal holidays plus the two federal days, by date.
const library = new Holidays('BE');
const legalHolidays = new Map<string, Set<string>>();
const isBelgianDayOff = (date: string): boolean => {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return true;
  if (date.endsWith('-11-15') || date.endsWith('-12-26')) return true;
  const year = date.slice(0, 4);
  let legal = legalHolidays.get(year);
  if (!legal) {
    legal = new Set(
      library
        .getHolidays(year)
        .filter((h) => h.type === 'public')
        .map((h) => h.date.slice(0, 10)),
    );
    legalHolidays.set(year, legal);
  }
  return legal.has(date);
};

const RUNS = 200;
const day = (iso: string) => toEpochDay(iso);

// Starts spread over 2025–2030, plus starts in the week of a DST change (last Sunday of March / October).
const DST_SUNDAYS = ['2025-03-30', '2025-10-26', '2026-03-29', '2026-10-25', '2027-03-28', '2027-10-31'];
const anyStart = fc.integer({ min: day('2025-01-01'), max: day('2030-06-30') });
const dstWeekStart = fc
  .tuple(fc.constantFrom(...DST_SUNDAYS), fc.integer({ min: -6, max: 6 }))
  .map(([sunday, offset]) => day(sunday) + offset);
const internship = fc.record({
  internshipId: fc.stringMatching(/^[a-z0-9-]{1,12}$/),
  start: fc.oneof(anyStart, dstWeekStart),
  // 0 = a one-day internship, 364 = a one-year one; the bias makes both ends common.
  lengthDays: fc.oneof(fc.constantFrom(0, 1, 4, 9, 364, 365), fc.integer({ min: 0, max: 400 })),
  mentorIsFirstTime: fc.boolean(),
});
const rulesOverrides = fc.record(
  {
    prepareArrivalWorkdaysBefore: fc.integer({ min: 0, max: 30 }),
    week1CheckInWorkday: fc.integer({ min: 1, max: 15 }),
    wellbeingPulseWorkday: fc.integer({ min: 1, max: 15 }),
    followUpEveryWorkdays: fc.integer({ min: 0, max: 30 }),
    followUpMinGapWorkdays: fc.integer({ min: 0, max: 5 }),
    midTermFraction: fc.double({ min: 0, max: 1, noNaN: true }),
    finalEvaluationLastWorkdays: fc.integer({ min: 1, max: 15 }),
    satisfactionWorkdaysAfterEnd: fc.integer({ min: 0, max: 15 }),
    resultsWorkdaysAfterEnd: fc.integer({ min: 0, max: 30 }),
    sendTime: fc.constantFrom('07:30', '09:00', '13:15'),
  },
  { requiredKeys: [] },
);

interface Case {
  moments: PlannedMoment[];
  startDate: string;
  endDate: string;
  workdays: string[];
  rules: ScheduleRules;
}

/** Runs `check` on every generated internship that has a workday; those without one must be refused. */
function forAllSchedules(check: (c: Case) => void, withRules = false): void {
  fc.assert(
    fc.property(internship, withRules ? rulesOverrides : fc.constant({}), (i, overrides) => {
      const rules = withRules ? resolveScheduleRules(overrides) : DEFAULT_SCHEDULE_RULES;
      const startDate = fromEpochDay(i.start);
      const endDate = fromEpochDay(i.start + i.lengthDays);
      const workdays = calendar.workdaysIn(startDate, endDate);
      const run = () =>
        computeSchedule(
          { internshipId: i.internshipId, startDate, endDate, mentorIsFirstTime: i.mentorIsFirstTime },
          rules,
          calendar,
        );
      if (workdays.length === 0) {
        expect(run).toThrow(RangeError);
        return;
      }
      check({ moments: run(), startDate, endDate, workdays, rules });
    }),
    { numRuns: RUNS },
  );
}

// Instants repeat a lot across runs (same dates, same time): converting each once keeps the suite fast.
const seen = new Map<string, DateTime>();
const local = (instant: string): DateTime => {
  let at = seen.get(instant);
  if (!at) {
    at = DateTime.fromISO(instant, { zone: 'utc' }).setZone('Europe/Brussels');
    seen.set(instant, at);
  }
  return at;
};

describe('computeSchedule, for any internship', () => {
  it('never schedules on a weekend or a Belgian day off, nor escalates to one', () => {
    forAllSchedules(({ moments }) => {
      for (const m of moments) {
        expect(isBelgianDayOff(m.dueDate), `${m.key} due ${m.dueDate}`).toBe(false);
        expect(isBelgianDayOff(local(m.escalateAt).toISODate()!), `${m.key} escalates ${m.escalateAt}`).toBe(
          false,
        );
        expect(isBelgianDayOff(local(m.digestAt).toISODate()!), `${m.key} digest ${m.digestAt}`).toBe(false);
      }
    });
  });

  it('sends every card at 09:00 Brussels on its due date, DST-change weeks included', () => {
    forAllSchedules(({ moments }) => {
      for (const m of moments) {
        const at = local(m.sendAt);
        expect(at.toFormat('yyyy-MM-dd HH:mm:ss'), m.key).toBe(`${m.dueDate} 09:00:00`);
        expect(m.sendAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:00:00\.000Z$/);
      }
    });
  });

  it('sorts by sendAt, then by kind order', () => {
    forAllSchedules(({ moments }) => {
      for (let i = 1; i < moments.length; i++) {
        const a = moments[i - 1]!;
        const b = moments[i]!;
        expect(a.sendAt <= b.sendAt, `${a.key} before ${b.key}`).toBe(true);
        if (a.sendAt === b.sendAt) {
          expect(MOMENT_KINDS.indexOf(a.kind)).toBeLessThanOrEqual(MOMENT_KINDS.indexOf(b.kind));
        }
      }
    }, true);
  });

  it('gives unique keys built from internship, kind and seq', () => {
    forAllSchedules(({ moments }) => {
      expect(new Set(moments.map((m) => m.key)).size).toBe(moments.length);
      for (const m of moments) expect(m.key).toBe(`${m.internshipId}:${m.kind}:${m.seq}`);
      const followUps = moments.filter((m) => m.kind === 'followUp').map((m) => m.seq);
      expect(followUps).toEqual(followUps.map((_, i) => i + 1));
    });
  });

  it('puts the mid-term strictly between the first day and the final evaluation, and has one from 10 workdays', () => {
    forAllSchedules(({ moments, workdays, startDate, endDate }) => {
      const first = moments.find((m) => m.kind === 'firstDay')!;
      const final = moments.find((m) => m.kind === 'finalEvaluation')!;
      const mid = moments.find((m) => m.kind === 'midTermEvaluation');
      expect(mid !== undefined).toBe(workdays.length >= 10);
      if (mid) {
        expect(mid.dueDate >= first.dueDate && mid.dueDate < final.dueDate).toBe(true);
        expect(mid.dueDate >= startDate && mid.dueDate <= endDate).toBe(true);
        // Halfway: as many workdays before it as after it, give or take one.
        const before = workdays.indexOf(mid.dueDate);
        expect(Math.abs(before - (workdays.length - 1 - before))).toBeLessThanOrEqual(1);
      }
    });
  });

  it('keeps in-internship moments inside it, the preparation before and the closing moments after', () => {
    forAllSchedules(({ moments, workdays }) => {
      const first = workdays[0]!;
      const last = workdays[workdays.length - 1]!;
      for (const m of moments) {
        switch (m.kind) {
          case 'firstTimeMentor':
          case 'prepareArrival':
            expect(m.dueDate <= first, m.key).toBe(true);
            break;
          case 'satisfactionMentor':
          case 'satisfactionIntern':
          case 'results':
            expect(m.dueDate >= last, m.key).toBe(true);
            break;
          default:
            expect(workdays, m.key).toContain(m.dueDate);
        }
      }
    }, true);
  });

  it('spaces follow-ups: after week 1, before the final, more than 2 workdays from any evaluation', () => {
    forAllSchedules(({ moments, workdays }) => {
      const position = (m: PlannedMoment | undefined) => (m ? workdays.indexOf(m.dueDate) : undefined);
      const week1 = position(moments.find((m) => m.kind === 'week1CheckIn'));
      const mid = position(moments.find((m) => m.kind === 'midTermEvaluation'));
      const final = position(moments.find((m) => m.kind === 'finalEvaluation'))!;
      for (const f of moments.filter((m) => m.kind === 'followUp')) {
        const p = workdays.indexOf(f.dueDate);
        expect(p % 10, f.key).toBe(0);
        expect(p > (week1 ?? 0) + 2 && p < final - 2, f.key).toBe(true);
        if (mid !== undefined) expect(Math.abs(p - mid), f.key).toBeGreaterThan(2);
      }
    });
  });

  it('escalates to the back-up 3 and to the digest 5 workdays after sending, at the same time of day', () => {
    forAllSchedules(({ moments }) => {
      for (const m of moments) {
        expect(m.escalateAt > m.sendAt && m.digestAt > m.escalateAt, m.key).toBe(true);
        const backup = local(m.escalateAt);
        const digest = local(m.digestAt);
        expect(calendar.workdaysBetween(m.dueDate, backup.toISODate()!), m.key).toBe(3);
        expect(calendar.workdaysBetween(m.dueDate, digest.toISODate()!), m.key).toBe(5);
        expect(backup.toFormat('HH:mm')).toBe('09:00');
        expect(digest.toFormat('HH:mm')).toBe('09:00');
        expect(escalationDeadlines(m.sendAt, DEFAULT_SCHEDULE_RULES, calendar)).toEqual({
          backupAt: m.escalateAt,
          digestAt: m.digestAt,
        });
      }
    });
  });

  it('has the first-time mentor support exactly when the mentor is new, on the preparation date', () => {
    fc.assert(
      fc.property(anyStart, fc.integer({ min: 0, max: 200 }), fc.boolean(), (start, length, firstTime) => {
        const startDate = fromEpochDay(start);
        const endDate = fromEpochDay(start + length);
        if (calendar.workdaysIn(startDate, endDate).length === 0) return;
        const input = { internshipId: 'x', startDate, endDate, mentorIsFirstTime: firstTime };
        const moments = computeSchedule(input, DEFAULT_SCHEDULE_RULES, calendar);
        const support = moments.filter((m) => m.kind === 'firstTimeMentor');
        expect(support.length).toBe(firstTime ? 1 : 0);
        if (support[0])
          expect(support[0].sendAt).toBe(moments.find((m) => m.kind === 'prepareArrival')?.sendAt);
      }),
      { numRuns: RUNS },
    );
  });

  it('diffs a recomputed schedule against itself to nothing to do', () => {
    forAllSchedules(({ moments, startDate, endDate }) => {
      const internshipId = moments[0]!.internshipId;
      const again = computeSchedule(
        {
          internshipId,
          startDate,
          endDate,
          mentorIsFirstTime: moments.some((m) => m.kind === 'firstTimeMentor'),
        },
        DEFAULT_SCHEDULE_RULES,
        calendar,
      );
      const diff = diffSchedules(moments, again);
      expect([diff.add.length, diff.remove.length, diff.changed.length, diff.keep.length]).toEqual([
        0,
        0,
        0,
        moments.length,
      ]);
    });
  });
});
