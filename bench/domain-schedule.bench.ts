/**
 * Cost of computing schedules of moments: the scheduler recomputes every open internship's schedule when rules
 * or dates change, so 10,000 internships (a large federal organisation over several years) must stay quick.
 */
import { computeSchedule, DEFAULT_SCHEDULE_RULES, type ScheduleInput } from '../src/domain/schedule';
import { createWorkCalendar, fromEpochDay, toEpochDay } from '../src/domain/workdays';
import { round, type BenchFigure } from './figure';

const COUNT = 10_000;

/** Deterministic inputs (mulberry32), so runs compare: starts over 2025–2029, lengths from 1 day to 1 year. */
function internships(count: number): ScheduleInput[] {
  let seed = 0x5eed;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  // A separate calendar, so the timed one below starts cold.
  const inputCalendar = createWorkCalendar();
  const first = toEpochDay('2025-01-06');
  const lengths = [0, 4, 27, 55, 90, 120, 180, 364];
  return Array.from({ length: count }, (_, i) => {
    const start = first + Math.floor(random() * 5 * 365);
    const length = lengths[i % lengths.length]! + Math.floor(random() * 10);
    // Starts on the first workday of a week, as in practice; ends anywhere, so the snapping rule is exercised.
    const startDate = inputCalendar.nextWorkdayOnOrAfter(fromEpochDay(start - ((start + 3) % 7)));
    return {
      internshipId: `bench-${i}`,
      startDate,
      endDate: fromEpochDay(toEpochDay(startDate) + length),
      mentorIsFirstTime: i % 3 === 0,
    };
  });
}

export default async (): Promise<BenchFigure[]> => {
  const inputs = internships(COUNT);
  // A fresh calendar and cold memo caches: the figure includes loading the holidays of every year.
  const calendar = createWorkCalendar();
  const started = performance.now();
  let moments = 0;
  for (const input of inputs) moments += computeSchedule(input, DEFAULT_SCHEDULE_RULES, calendar).length;
  const coldMs = performance.now() - started;

  const again = performance.now();
  for (const input of inputs) computeSchedule(input, DEFAULT_SCHEDULE_RULES, calendar);
  const warmMs = performance.now() - again;

  return [
    { name: 'schedule: 10,000 internships (cold)', value: round(coldMs, 1), unit: 'ms', goal: '<= 2000' },
    { name: 'schedule: per internship, mean (cold)', value: round((coldMs * 1000) / COUNT, 1), unit: 'µs' },
    { name: 'schedule: 10,000 internships (warm)', value: round(warmMs, 1), unit: 'ms', goal: '<= 2000' },
    { name: 'schedule: moments planned', value: moments, unit: 'moments' },
  ];
};
