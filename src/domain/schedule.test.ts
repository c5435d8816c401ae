import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import {
  computeSchedule,
  DEFAULT_SCHEDULE_RULES,
  diffSchedules,
  escalationDeadlines,
  MOMENT_KINDS,
  resolveScheduleRules,
  scheduleRulesSchema,
  type PlannedMoment,
  type ScheduleInput,
  type ScheduleRules,
} from './schedule';
import { createWorkCalendar } from './workdays';

const calendar = createWorkCalendar();
const rules = DEFAULT_SCHEDULE_RULES;

const schedule = (
  input: Partial<ScheduleInput> & Pick<ScheduleInput, 'startDate' | 'endDate'>,
  r: ScheduleRules = rules,
) => computeSchedule({ internshipId: 'i1', mentorIsFirstTime: false, ...input }, r, calendar);

/** "kind:seq dueDate", the shape the hand-checked expectations are written in. */
const brief = (moments: PlannedMoment[]) => moments.map((m) => `${m.kind}:${m.seq} ${m.dueDate}`);
const dueOf = (moments: PlannedMoment[], kind: string) =>
  moments.filter((m) => m.kind === kind).map((m) => m.dueDate);

describe('computeSchedule, a spring internship (Mon 2 February – Fri 29 May 2026)', () => {
  // 81 workdays: February 20, March 22, April 21 (Easter Monday 6/4), May 18 (1/5, Ascension 14/5, Whit Monday 25/5).
  const moments = schedule({ startDate: '2026-02-02', endDate: '2026-05-29', mentorIsFirstTime: true });

  it('places every moment on the hand-checked date', () => {
    expect(brief(moments)).toEqual([
      'firstTimeMentor:1 2026-01-19', // 10 workdays before the start
      'prepareArrival:1 2026-01-19',
      'firstDay:1 2026-02-02',
      'week1CheckIn:1 2026-02-06', // 5th workday
      'wellbeingPulse:1 2026-02-06',
      'followUp:1 2026-02-16', // workday 11
      'followUp:2 2026-03-02', // workday 21
      'followUp:3 2026-03-16', // workday 31; workday 41 is the mid-term itself
      'midTermEvaluation:1 2026-03-30', // workday 41 of 81
      'followUp:4 2026-04-14', // workday 51, after Easter Monday
      'followUp:5 2026-04-28', // workday 61
      'followUp:6 2026-05-13', // workday 71, the day before Ascension
      'finalEvaluation:1 2026-05-22', // first of the last five: 22, 26, 27, 28, 29 May
      'satisfactionMentor:1 2026-06-02', // end + 2 workdays
      'satisfactionIntern:1 2026-06-02',
      'results:1 2026-06-12', // end + 10 workdays
    ]);
  });

  it('sends at 09:00 Brussels: 08:00Z before and 07:00Z after the change to summer time', () => {
    const sendAt = Object.fromEntries(moments.map((m) => [m.key, m.sendAt]));
    expect(sendAt['i1:followUp:3']).toBe('2026-03-16T08:00:00.000Z');
    expect(sendAt['i1:midTermEvaluation:1']).toBe('2026-03-30T07:00:00.000Z');
  });

  it('gives deterministic keys and the recipients of BRIEF.md', () => {
    const byKey = Object.fromEntries(moments.map((m) => [m.key, m.recipients]));
    expect(byKey['i1:prepareArrival:1']).toEqual(['mentor', 'coordinator']);
    expect(byKey['i1:firstDay:1']).toEqual(['coordinator', 'mentor']);
    expect(byKey['i1:wellbeingPulse:1']).toEqual(['intern']);
    expect(byKey['i1:followUp:6']).toEqual(['mentor']);
    expect(byKey['i1:satisfactionMentor:1']).toEqual(['mentor']);
    expect(byKey['i1:satisfactionIntern:1']).toEqual(['intern']);
    expect(byKey['i1:results:1']).toEqual(['coordinator', 'mentor']);
    expect(byKey['i1:firstTimeMentor:1']).toEqual(['mentor']);
  });

  it('escalates 3 and digests 5 workdays after sending, over holidays', () => {
    const followUp5 = moments.find((m) => m.key === 'i1:followUp:5');
    // Tue 28 April: 29, 30 April, (1 May), 4 May → back-up; 5, 6 May → digest.
    expect(followUp5?.escalateAt).toBe('2026-05-04T07:00:00.000Z');
    expect(followUp5?.digestAt).toBe('2026-05-06T07:00:00.000Z');
  });

  it('is the same when recomputed, and hands out a fresh recipients array each time', () => {
    const again = schedule({ startDate: '2026-02-02', endDate: '2026-05-29', mentorIsFirstTime: true });
    expect(again).toEqual(moments);
    again[0]?.recipients.push('staff');
    expect(moments[0]?.recipients).toEqual(['mentor']);
  });
});

describe('computeSchedule, edge cases', () => {
  it('snaps a start on a weekend forward and an end on a holiday back', () => {
    const moments = schedule({ startDate: '2026-01-31', endDate: '2026-05-25' }); // Sat; Whit Monday
    expect(dueOf(moments, 'firstDay')).toEqual(['2026-02-02']);
    expect(dueOf(moments, 'satisfactionMentor')).toEqual(['2026-05-27']); // from Fri 22 May: 26, 27
  });

  it('snaps a start on Easter Monday to the Tuesday, and counts the preparation from there', () => {
    const moments = schedule({ startDate: '2027-03-29', endDate: '2027-06-30' });
    expect(dueOf(moments, 'firstDay')).toEqual(['2027-03-30']);
    expect(dueOf(moments, 'prepareArrival')).toEqual(['2027-03-15']); // 26, 25, 24, 23, 22, 19, … 15 March
    expect(dueOf(moments, 'week1CheckIn')).toEqual(['2027-04-05']); // 30, 31 March, 1, 2, 5 April
  });

  it('plans a one-day internship: no week-1, follow-up or mid-term, final on the day itself', () => {
    const moments = schedule({ startDate: '2026-03-04', endDate: '2026-03-04' });
    expect(brief(moments)).toEqual([
      'prepareArrival:1 2026-02-18',
      'firstDay:1 2026-03-04',
      'finalEvaluation:1 2026-03-04',
      'satisfactionMentor:1 2026-03-06',
      'satisfactionIntern:1 2026-03-06',
      'results:1 2026-03-18',
    ]);
  });

  it('plans a one-year internship (Tue 1 September 2026 – Tue 31 August 2027, 254 workdays)', () => {
    const moments = schedule({ startDate: '2026-09-01', endDate: '2027-08-31' });
    expect(dueOf(moments, 'prepareArrival')).toEqual(['2026-08-18']);
    expect(dueOf(moments, 'week1CheckIn')).toEqual(['2026-09-07']);
    expect(dueOf(moments, 'midTermEvaluation')).toEqual(['2027-03-01']); // workday 127
    expect(dueOf(moments, 'finalEvaluation')).toEqual(['2027-08-25']);
    expect(dueOf(moments, 'satisfactionIntern')).toEqual(['2027-09-02']);
    expect(dueOf(moments, 'results')).toEqual(['2027-09-14']);
    // Workdays 11, 21, … 241; none within 2 of the mid-term (127) or final (250).
    expect(dueOf(moments, 'followUp')).toHaveLength(24);
    expect(dueOf(moments, 'followUp').slice(9, 13)).toEqual([
      '2027-01-22',
      '2027-02-05',
      '2027-02-19',
      '2027-03-05',
    ]);
    // Workday 51: September 22 and October 22 workdays, then 2–6 and 9, 10 November.
    expect(dueOf(moments, 'followUp')[4]).toBe('2026-11-10');
  });

  it('drops a follow-up within 2 workdays of the final evaluation and keeps one 3 away from the mid-term', () => {
    // 27 workdays (Easter Monday 6 April skipped): mid-term = workday 14, final = workday 23.
    const moments = schedule({ startDate: '2026-03-02', endDate: '2026-04-08' });
    expect(dueOf(moments, 'midTermEvaluation')).toEqual(['2026-03-19']);
    expect(dueOf(moments, 'finalEvaluation')).toEqual(['2026-04-01']);
    expect(dueOf(moments, 'followUp')).toEqual(['2026-03-16']); // workday 11; workday 21 (30 March) dropped
    expect(dueOf(moments, 'results')).toEqual(['2026-04-22']);

    const wider = schedule(
      { startDate: '2026-03-02', endDate: '2026-04-08' },
      { ...rules, followUpMinGapWorkdays: 3 },
    );
    expect(dueOf(wider, 'followUp')).toEqual([]);
  });

  it('gives a short internship a final evaluation but no mid-term (9 workdays: no, 10: yes)', () => {
    const nine = schedule({ startDate: '2026-03-02', endDate: '2026-03-12' });
    expect(dueOf(nine, 'midTermEvaluation')).toEqual([]);
    expect(dueOf(nine, 'finalEvaluation')).toEqual(['2026-03-06']);
    const ten = schedule({ startDate: '2026-03-02', endDate: '2026-03-13' });
    expect(dueOf(ten, 'midTermEvaluation')).toEqual(['2026-03-06']);
    expect(dueOf(ten, 'finalEvaluation')).toEqual(['2026-03-09']);
  });

  it('drops the week-1 moments when the internship has fewer than 5 workdays', () => {
    const four = schedule({ startDate: '2026-03-02', endDate: '2026-03-05' });
    expect(dueOf(four, 'week1CheckIn')).toEqual([]);
    expect(dueOf(four, 'wellbeingPulse')).toEqual([]);
    const five = schedule({ startDate: '2026-03-02', endDate: '2026-03-06' });
    expect(dueOf(five, 'week1CheckIn')).toEqual(['2026-03-06']);
  });

  it('counts 15 November and 26 December as days off, unless the organisation works them', () => {
    const kingsDay = { startDate: '2027-10-04', endDate: '2027-11-12' };
    expect(dueOf(schedule(kingsDay), 'satisfactionMentor')).toEqual(['2027-11-17']);
    const plain = createWorkCalendar({ includeFederalCivilServiceDays: false });
    const open = computeSchedule({ internshipId: 'i1', mentorIsFirstTime: false, ...kingsDay }, rules, plain);
    expect(dueOf(open, 'satisfactionMentor')).toEqual(['2027-11-16']);

    expect(dueOf(schedule({ startDate: '2025-11-03', endDate: '2025-12-24' }), 'satisfactionIntern')).toEqual(
      ['2025-12-30'],
    );
  });

  it("respects the organisation's bridge days", () => {
    const bridge = createWorkCalendar({ extraClosedDates: ['2026-05-15'] });
    const input = {
      internshipId: 'i1',
      mentorIsFirstTime: false,
      startDate: '2026-02-02',
      endDate: '2026-05-13',
    };
    // Wed 13 May, then Ascension (14) and the bridge day (15): Mon 18, Tue 19.
    expect(dueOf(computeSchedule(input, rules, bridge), 'satisfactionMentor')).toEqual(['2026-05-19']);
    expect(dueOf(computeSchedule(input, rules, calendar), 'satisfactionMentor')).toEqual(['2026-05-18']);
  });

  it('orders moments of the same day by kind: first-time support before preparation, mentor before intern', () => {
    const kinds = schedule({ startDate: '2026-02-02', endDate: '2026-02-02', mentorIsFirstTime: true }).map(
      (m) => m.kind,
    );
    expect(kinds).toEqual([
      'firstTimeMentor',
      'prepareArrival',
      'firstDay',
      'finalEvaluation',
      'satisfactionMentor',
      'satisfactionIntern',
      'results',
    ]);
  });

  it('refuses an end before the start, a period without a workday and malformed dates', () => {
    expect(() => schedule({ startDate: '2026-03-04', endDate: '2026-03-03' })).toThrow(/before it starts/);
    expect(() => schedule({ startDate: '2026-08-15', endDate: '2026-08-16' })).toThrow(/no workday/);
    expect(() => schedule({ startDate: '2026-12-25', endDate: '2026-12-27' })).toThrow(RangeError);
    expect(() => schedule({ startDate: '2026-02-30', endDate: '2026-03-27' })).toThrow(RangeError);
    expect(() =>
      computeSchedule(
        { internshipId: '', mentorIsFirstTime: false, startDate: '2026-03-02', endDate: '2026-03-27' },
        rules,
        calendar,
      ),
    ).toThrow(RangeError);
  });
});

describe('computeSchedule with organisation rules', () => {
  const input = { startDate: '2026-03-02', endDate: '2026-04-08' };

  it('moves every number of the table', () => {
    const custom = resolveScheduleRules({
      prepareArrivalWorkdaysBefore: 0,
      week1CheckInWorkday: 3,
      wellbeingPulseWorkday: 4,
      followUpEveryWorkdays: 5,
      finalEvaluationLastWorkdays: 2,
      satisfactionWorkdaysAfterEnd: 0,
      resultsWorkdaysAfterEnd: 1,
      midTermFraction: 0.25,
    });
    const moments = schedule(input, custom);
    expect(dueOf(moments, 'prepareArrival')).toEqual(['2026-03-02']);
    expect(dueOf(moments, 'week1CheckIn')).toEqual(['2026-03-04']);
    expect(dueOf(moments, 'wellbeingPulse')).toEqual(['2026-03-05']);
    expect(dueOf(moments, 'midTermEvaluation')).toEqual(['2026-03-10']); // workday floor(26 × 0.25) + 1 = 7
    expect(dueOf(moments, 'finalEvaluation')).toEqual(['2026-04-07']);
    expect(dueOf(moments, 'satisfactionMentor')).toEqual(['2026-04-08']);
    expect(dueOf(moments, 'results')).toEqual(['2026-04-09']);
    // Workdays 6 (1 away from the mid-term: dropped), 11, 16, 21; 26 is the final evaluation.
    expect(dueOf(moments, 'followUp')).toEqual(['2026-03-16', '2026-03-23', '2026-03-30']);
  });

  it('turns follow-ups off with 0', () => {
    expect(dueOf(schedule(input, { ...rules, followUpEveryWorkdays: 0 }), 'followUp')).toEqual([]);
  });

  it('sends at another time and zone', () => {
    const moments = schedule(input, { ...rules, sendTime: '14:30', timeZone: 'America/New_York' });
    const firstDay = moments.find((m) => m.kind === 'firstDay');
    expect(firstDay?.sendAt).toBe('2026-03-02T19:30:00.000Z');
    expect(firstDay?.escalateAt).toBe('2026-03-05T19:30:00.000Z');
  });

  it('refuses invalid rules passed directly', () => {
    expect(() => schedule(input, { ...rules, followUpEveryWorkdays: -1 })).toThrow(ZodError);
  });
});

describe('schedule rules schema', () => {
  it('accepts the defaults and merges overrides onto them', () => {
    expect(scheduleRulesSchema.parse(DEFAULT_SCHEDULE_RULES)).toEqual(DEFAULT_SCHEDULE_RULES);
    expect(resolveScheduleRules()).toEqual(DEFAULT_SCHEDULE_RULES);
    expect(resolveScheduleRules({ sendTime: '08:30' })).toEqual({
      ...DEFAULT_SCHEDULE_RULES,
      sendTime: '08:30',
    });
  });

  it.each([
    [{ prepareArrivalWorkdaysBefore: -1 }],
    [{ followUpEveryWorkdays: 2.5 }],
    [{ week1CheckInWorkday: 0 }],
    [{ midTermFraction: 1.5 }],
    [{ sendTime: '9:00' }],
    [{ sendTime: '25:00' }],
    [{ timeZone: 'Europe/Atlantis' }],
    [{ escalateToBackupAfterWorkdays: 6 }], // digest (5) before the back-up
    [{ weeklyReminder: true }], // unknown setting
    [{ digestAfterWorkdays: '5' }],
    ['not an object'],
  ])('refuses %j', (overrides) => {
    expect(() => resolveScheduleRules(overrides)).toThrow(ZodError);
  });
});

describe('escalationDeadlines', () => {
  it('counts workdays at the send time, across the change to summer time', () => {
    // Fri 27 March 2026 09:00 CET → Wed 1 April 09:00 CEST; digest Fri 3 April.
    expect(escalationDeadlines('2026-03-27T08:00:00.000Z', rules, calendar)).toEqual({
      backupAt: '2026-04-01T07:00:00.000Z',
      digestAt: '2026-04-03T07:00:00.000Z',
    });
  });

  it('skips Easter Monday', () => {
    // Thu 2 April 2026: 3, 7, 8 April; digest 9, 10 April.
    expect(escalationDeadlines('2026-04-02T07:00:00.000Z', rules, calendar)).toEqual({
      backupAt: '2026-04-08T07:00:00.000Z',
      digestAt: '2026-04-10T07:00:00.000Z',
    });
  });

  it('keeps a send time other than 09:00, and counts from a Saturday without counting it', () => {
    expect(escalationDeadlines('2026-01-05T13:37:00.000Z', rules, calendar).backupAt).toBe(
      '2026-01-08T13:37:00.000Z',
    );
    expect(escalationDeadlines('2026-01-10T08:00:00.000Z', rules, calendar).backupAt).toBe(
      '2026-01-14T08:00:00.000Z',
    );
  });
});

describe('diffSchedules', () => {
  const before = schedule({ startDate: '2026-02-02', endDate: '2026-05-29' });

  it('keeps everything when nothing changed', () => {
    const diff = diffSchedules(before, schedule({ startDate: '2026-02-02', endDate: '2026-05-29' }));
    expect(diff.add).toEqual([]);
    expect(diff.remove).toEqual([]);
    expect(diff.changed).toEqual([]);
    expect(diff.keep.map((m) => m.key)).toEqual(before.map((m) => m.key));
  });

  it('removes follow-ups of a shortened internship and moves the end moments without duplicating them', () => {
    const after = schedule({ startDate: '2026-02-02', endDate: '2026-04-30' });
    const diff = diffSchedules(before, after);
    expect(diff.add).toEqual([]);
    expect(diff.remove.map((m) => m.key).sort()).toEqual(['i1:followUp:5', 'i1:followUp:6']);
    expect(diff.keep).toHaveLength(after.length);
    const changed = Object.fromEntries(
      diff.changed.map((c) => [c.next.key, [c.previous.dueDate, c.next.dueDate]]),
    );
    expect(changed['i1:results:1']).toEqual(['2026-06-12', '2026-05-18']); // over 1 May and Ascension
    expect(changed['i1:firstDay:1']).toBeUndefined();
  });

  it('adds the moments of a lengthened internship', () => {
    const longer = schedule({ startDate: '2026-02-02', endDate: '2026-06-30' });
    const diff = diffSchedules(before, longer);
    expect(diff.add.every((m) => m.kind === 'followUp')).toBe(true);
    expect(diff.add.length).toBeGreaterThan(0);
    expect(diff.remove).toEqual([]);
  });

  it('returns the stored items themselves, and removes a second stored copy of a key', () => {
    const stored = before.map((m, i) => ({ ...m, itemId: `item-${i}` }));
    const duplicate = { ...stored[2]!, itemId: 'item-dup' };
    const diff = diffSchedules([...stored, duplicate], before);
    expect(diff.remove).toEqual([duplicate]);
    expect(diff.keep).toHaveLength(before.length);
  });

  it('refuses a new schedule with a duplicate key', () => {
    expect(() => diffSchedules([], [...before, before[0]!])).toThrow(/duplicate key/);
  });
});

describe('MOMENT_KINDS', () => {
  it('lists every kind of the brief once', () => {
    expect(new Set(MOMENT_KINDS).size).toBe(11);
  });
});
