/**
 * The schedule of moments of one internship (BRIEF.md, "Moments and cards"): which card goes to whom on which
 * date, derived only from the internship's dates and the organisation's rules, so that it can be recomputed at
 * any time and diffed against what is stored.
 *
 * Rules for the edge cases (positions count workdays of the internship, the first one being workday 1):
 * - A start on a non-workday snaps forward to the next workday, an end on a non-workday back to the previous
 *   one. An internship with no workday at all between them, or ending before it starts, is refused (RangeError):
 *   it cannot be followed up and is a data error to fix, not a schedule to send.
 * - prepareArrival: `prepareArrivalWorkdaysBefore` workdays before the (snapped) start.
 * - firstTimeMentor: only when the mentor has never had an intern; due with prepareArrival, so the support
 *   reaches the mentor before the preparation work.
 * - firstDay: the (snapped) start.
 * - week1CheckIn / wellbeingPulse: workday `week1CheckInWorkday` / `wellbeingPulseWorkday`; dropped when the
 *   internship has fewer workdays (a one-day internship has neither).
 * - finalEvaluation: the first of the last `finalEvaluationLastWorkdays` workdays, or the start when the
 *   internship is shorter than that.
 * - midTermEvaluation: the workday at position floor((N - 1) × midTermFraction) + 1 of the N workdays (the
 *   middle one, the earlier of the two middles when N is even). Dropped when that is not strictly before the
 *   final evaluation: a short internship gets a final evaluation only, never two evaluations in reverse order.
 * - followUp: every `followUpEveryWorkdays` workdays after the first day (positions 1 + k × every), kept only
 *   strictly between the week-1 check-in (the first day if there is none) and the final evaluation, and more
 *   than `followUpMinGapWorkdays` workdays away from the week-1 check-in, the mid-term and the final
 *   evaluation, so a mentor is not asked twice within a few days. 0 disables follow-ups. Numbered 1, 2, … in
 *   date order (seq), so a change of dates can renumber them: diffSchedules then reports moved dates.
 * - satisfactionMentor / satisfactionIntern and results: `…WorkdaysAfterEnd` workdays after the (snapped) end.
 * Every card is sent at `sendTime` in `timeZone` on its due date; escalation deadlines count workdays from there.
 */
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { atLocalTime, localDateOf, localTimeOf } from './brussels-time';
import type { IsoDate, IsoInstant, Role } from './internship';
import type { WorkCalendar } from './workdays';

/** In tie order: moments due the same day are sent in this order. */
export const MOMENT_KINDS = [
  'firstTimeMentor',
  'prepareArrival',
  'firstDay',
  'week1CheckIn',
  'wellbeingPulse',
  'followUp',
  'midTermEvaluation',
  'finalEvaluation',
  'satisfactionMentor',
  'satisfactionIntern',
  'results',
] as const;
export type MomentKind = (typeof MOMENT_KINDS)[number];

/**
 * Who gets the card. The back-up is not a recipient: they get a card only by escalation. The coordinator's part
 * of prepareArrival is their own checklist.
 */
export const MOMENT_RECIPIENTS: Readonly<Record<MomentKind, readonly Role[]>> = {
  firstTimeMentor: ['mentor'],
  prepareArrival: ['mentor', 'coordinator'],
  firstDay: ['coordinator', 'mentor'],
  week1CheckIn: ['mentor'],
  wellbeingPulse: ['intern'],
  followUp: ['mentor'],
  midTermEvaluation: ['mentor'],
  finalEvaluation: ['mentor'],
  satisfactionMentor: ['mentor'],
  satisfactionIntern: ['intern'],
  results: ['coordinator', 'mentor'],
};

export interface ScheduleRules {
  prepareArrivalWorkdaysBefore: number;
  /** Position of the week-1 check-in among the internship's workdays (1 = first day). */
  week1CheckInWorkday: number;
  wellbeingPulseWorkday: number;
  /** 0 = no follow-ups. */
  followUpEveryWorkdays: number;
  /** A follow-up closer than this (in workdays) to another mentor evaluation moment is dropped. */
  followUpMinGapWorkdays: number;
  /** Where the mid-term falls in the internship's workdays: 0.5 = halfway. */
  midTermFraction: number;
  /** The final evaluation is the first of the last this-many workdays ("last week"). */
  finalEvaluationLastWorkdays: number;
  satisfactionWorkdaysAfterEnd: number;
  resultsWorkdaysAfterEnd: number;
  escalateToBackupAfterWorkdays: number;
  digestAfterWorkdays: number;
  /** "HH:mm", wall-clock time in `timeZone`. */
  sendTime: string;
  /** IANA zone of `sendTime`; dates stay Belgian calendar dates. */
  timeZone: string;
}

export const DEFAULT_SCHEDULE_RULES: Readonly<ScheduleRules> = Object.freeze({
  prepareArrivalWorkdaysBefore: 10,
  week1CheckInWorkday: 5,
  wellbeingPulseWorkday: 5,
  followUpEveryWorkdays: 10,
  followUpMinGapWorkdays: 2,
  midTermFraction: 0.5,
  finalEvaluationLastWorkdays: 5,
  satisfactionWorkdaysAfterEnd: 2,
  resultsWorkdaysAfterEnd: 10,
  escalateToBackupAfterWorkdays: 3,
  digestAfterWorkdays: 5,
  sendTime: '09:00',
  timeZone: 'Europe/Brussels',
});

// Upper bounds are generous sanity limits (a quarter of working days is ~65): they catch typing errors in
// Settings, not policy choices.
const workdays = (min: number, max: number) => z.number().int().min(min).max(max);
const scheduleRulesShape = {
  prepareArrivalWorkdaysBefore: workdays(0, 130),
  week1CheckInWorkday: workdays(1, 130),
  wellbeingPulseWorkday: workdays(1, 130),
  followUpEveryWorkdays: workdays(0, 130),
  followUpMinGapWorkdays: workdays(0, 65),
  midTermFraction: z.number().min(0).max(1),
  finalEvaluationLastWorkdays: workdays(1, 130),
  satisfactionWorkdaysAfterEnd: workdays(0, 130),
  resultsWorkdaysAfterEnd: workdays(0, 260),
  escalateToBackupAfterWorkdays: workdays(1, 65),
  digestAfterWorkdays: workdays(1, 130),
  sendTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time of day "HH:mm"'),
  timeZone: z.string().refine((zone) => IANAZone.isValidZone(zone), 'expected an IANA time zone'),
};

/** Complete rules, as stored in Settings. */
export const scheduleRulesSchema = z
  .object(scheduleRulesShape)
  .strict()
  .refine((r) => r.digestAfterWorkdays >= r.escalateToBackupAfterWorkdays, {
    message: 'the coordinator digest cannot come before the escalation to the back-up',
    path: ['digestAfterWorkdays'],
  });

/** What an organisation changes; the rest stays the default. */
export const scheduleRulesOverridesSchema = z.object(scheduleRulesShape).partial().strict();

/** Defaults merged with an organisation's overrides; throws a ZodError on invalid overrides. */
export function resolveScheduleRules(overrides: unknown = {}): ScheduleRules {
  const valid = scheduleRulesOverridesSchema.parse(overrides);
  return scheduleRulesSchema.parse({ ...DEFAULT_SCHEDULE_RULES, ...valid });
}

// Compile-time guard that the schema and the documented interface never drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesRules: Same<z.infer<typeof scheduleRulesSchema>, ScheduleRules> = true;
void schemaMatchesRules;

export interface PlannedMoment {
  /** Deterministic: `${internshipId}:${kind}:${seq}`, so recomputing never duplicates a stored moment. */
  key: string;
  internshipId: string;
  kind: MomentKind;
  /** 1 for every kind but followUp, which counts 1, 2, … in date order. */
  seq: number;
  dueDate: IsoDate;
  sendAt: IsoInstant;
  recipients: Role[];
  /** No answer by then → the back-up gets the card. */
  escalateAt: IsoInstant;
  /** No answer by then → the coordinator's digest. */
  digestAt: IsoInstant;
}

export interface ScheduleInput {
  internshipId: string;
  startDate: IsoDate;
  endDate: IsoDate;
  mentorIsFirstTime: boolean;
}

/**
 * Deadlines counted in workdays from the local date of `sendAt`, at the same local time: a card sent Friday
 * 09:00 goes to the back-up Wednesday 09:00 with the default 3 workdays.
 */
export function escalationDeadlines(
  sendAt: IsoInstant,
  rules: ScheduleRules,
  calendar: WorkCalendar,
): { backupAt: IsoInstant; digestAt: IsoInstant } {
  const zone = rules.timeZone;
  return deadlinesFrom(localDateOf(sendAt, zone), localTimeOf(sendAt, zone), rules, calendar);
}

function deadlinesFrom(date: IsoDate, time: string, rules: ScheduleRules, calendar: WorkCalendar) {
  const zone = rules.timeZone;
  return {
    backupAt: atLocalTime(calendar.addWorkdays(date, rules.escalateToBackupAfterWorkdays), time, zone),
    digestAt: atLocalTime(calendar.addWorkdays(date, rules.digestAfterWorkdays), time, zone),
  };
}

// Validating once per rules object keeps a loop over thousands of internships cheap; rules objects are treated
// as immutable (the defaults are frozen, Settings yields a fresh object per read).
const validatedRules = new WeakSet<ScheduleRules>();
function requireValidRules(rules: ScheduleRules): void {
  if (validatedRules.has(rules)) return;
  scheduleRulesSchema.parse(rules);
  validatedRules.add(rules);
}

const KIND_ORDER = new Map<MomentKind, number>(MOMENT_KINDS.map((kind, i) => [kind, i]));
const kindOrder = (kind: MomentKind): number => KIND_ORDER.get(kind) ?? MOMENT_KINDS.length;

export function compareMoments(a: PlannedMoment, b: PlannedMoment): number {
  if (a.sendAt !== b.sendAt) return a.sendAt < b.sendAt ? -1 : 1;
  return kindOrder(a.kind) - kindOrder(b.kind) || a.seq - b.seq;
}

/** Every moment of one internship, sorted by sendAt then kind (MOMENT_KINDS order). See the file header. */
export function computeSchedule(
  input: ScheduleInput,
  rules: ScheduleRules,
  calendar: WorkCalendar,
): PlannedMoment[] {
  requireValidRules(rules);
  const { internshipId, startDate, endDate } = input;
  if (!internshipId) throw new RangeError('computeSchedule: internshipId is empty');
  // isWorkday validates both dates (RangeError on a malformed one) before they are compared as strings.
  calendar.isWorkday(startDate);
  calendar.isWorkday(endDate);
  if (endDate < startDate) {
    throw new RangeError(`Internship ${internshipId} ends (${endDate}) before it starts (${startDate})`);
  }
  const days = calendar.workdaysIn(startDate, endDate);
  const n = days.length;
  const first = days[0];
  const last = days[n - 1];
  if (first === undefined || last === undefined) {
    throw new RangeError(`Internship ${internshipId} has no workday between ${startDate} and ${endDate}`);
  }

  const due: { kind: MomentKind; seq: number; date: IsoDate }[] = [];
  const at = (kind: MomentKind, date: IsoDate, seq = 1) => due.push({ kind, seq, date });
  // Positions are 0-based indices into `days` from here on.
  const dayAt = (index: number): IsoDate | undefined => (index >= 0 && index < n ? days[index] : undefined);

  const prepare = calendar.addWorkdays(first, -rules.prepareArrivalWorkdaysBefore);
  if (input.mentorIsFirstTime) at('firstTimeMentor', prepare);
  at('prepareArrival', prepare);
  at('firstDay', first);

  const week1Index = rules.week1CheckInWorkday - 1;
  const week1 = dayAt(week1Index);
  if (week1 !== undefined) at('week1CheckIn', week1);
  const pulse = dayAt(rules.wellbeingPulseWorkday - 1);
  if (pulse !== undefined) at('wellbeingPulse', pulse);

  const finalIndex = Math.max(0, n - rules.finalEvaluationLastWorkdays);
  const midIndex = Math.floor((n - 1) * rules.midTermFraction);
  const hasMid = midIndex < finalIndex;

  const every = rules.followUpEveryWorkdays;
  const gap = rules.followUpMinGapWorkdays;
  if (every > 0) {
    const fromIndex = week1 !== undefined ? week1Index : 0;
    const clear = (index: number, other: number) => Math.abs(index - other) > gap;
    let seq = 0;
    for (let index = every; index < finalIndex; index += every) {
      if (index <= fromIndex || !clear(index, finalIndex)) continue;
      if (week1 !== undefined && !clear(index, week1Index)) continue;
      if (hasMid && !clear(index, midIndex)) continue;
      at('followUp', days[index] as IsoDate, ++seq);
    }
  }

  if (hasMid) at('midTermEvaluation', days[midIndex] as IsoDate);
  at('finalEvaluation', days[finalIndex] as IsoDate);
  const satisfaction = calendar.addWorkdays(last, rules.satisfactionWorkdaysAfterEnd);
  at('satisfactionMentor', satisfaction);
  at('satisfactionIntern', satisfaction);
  at('results', calendar.addWorkdays(last, rules.resultsWorkdaysAfterEnd));

  const moments = due.map(({ kind, seq, date }): PlannedMoment => {
    const sendAt = atLocalTime(date, rules.sendTime, rules.timeZone);
    // Same as escalationDeadlines(sendAt), without converting sendAt back to a wall clock: it is (date,
    // sendTime) unless sendTime lies in a DST gap on the due date, which never happens in Brussels (clocks
    // change on Sundays, never a due date); elsewhere the deadlines then keep the configured time.
    const { backupAt, digestAt } = deadlinesFrom(date, rules.sendTime, rules, calendar);
    return {
      key: `${internshipId}:${kind}:${seq}`,
      internshipId,
      kind,
      seq,
      dueDate: date,
      sendAt,
      recipients: [...MOMENT_RECIPIENTS[kind]],
      escalateAt: backupAt,
      digestAt,
    };
  });
  return moments.sort(compareMoments);
}

export interface ScheduleDiff<Old extends PlannedMoment> {
  /** In `next` only: to create. */
  add: PlannedMoment[];
  /** In `old` only, or a second stored copy of a key: to delete (or cancel, if already sent). */
  remove: Old[];
  /** Keys in both, as in `next` (so with the new dates): to keep, updating the stored item when changed. */
  keep: PlannedMoment[];
  /** The part of `keep` whose due date, times or recipients moved: the stored item needs updating. */
  changed: { previous: Old; next: PlannedMoment }[];
}

const sameTiming = (a: PlannedMoment, b: PlannedMoment): boolean =>
  a.dueDate === b.dueDate &&
  a.sendAt === b.sendAt &&
  a.escalateAt === b.escalateAt &&
  a.digestAt === b.digestAt &&
  a.recipients.length === b.recipients.length &&
  a.recipients.every((role, i) => b.recipients[i] === role);

/**
 * Matches stored moments to a recomputed schedule by key. Generic in the stored type so callers get their own
 * items (with list item ids, state, delivery log) back in `remove` and `changed`. Whether an already answered
 * moment may still be moved or removed is the caller's decision.
 */
export function diffSchedules<Old extends PlannedMoment>(
  old: readonly Old[],
  next: readonly PlannedMoment[],
): ScheduleDiff<Old> {
  const stored = new Map<string, Old>();
  const remove: Old[] = [];
  for (const moment of old) {
    if (stored.has(moment.key)) remove.push(moment);
    else stored.set(moment.key, moment);
  }
  const add: PlannedMoment[] = [];
  const keep: PlannedMoment[] = [];
  const changed: { previous: Old; next: PlannedMoment }[] = [];
  const seen = new Set<string>();
  for (const moment of next) {
    if (seen.has(moment.key))
      throw new RangeError(`diffSchedules: duplicate key ${moment.key} in the new schedule`);
    seen.add(moment.key);
    const previous = stored.get(moment.key);
    if (previous === undefined) {
      add.push(moment);
      continue;
    }
    keep.push(moment);
    if (!sameTiming(previous, moment)) changed.push({ previous, next: moment });
  }
  for (const [key, moment] of stored) if (!seen.has(key)) remove.push(moment);
  return { add, remove, keep, changed };
}
