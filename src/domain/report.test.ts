import { describe, expect, it } from 'vitest';
import { buildInternship, buildPerson, mentor } from './factories';
import { computeYearlyReport, countsInReport, durationWeeks } from './report';
import type { EvaluationRecord } from './records';

const survey = (
  internshipKey: string,
  answers: EvaluationRecord['answers'],
  mentorSide = true,
): EvaluationRecord => ({
  id: `s-${internshipKey}-${mentorSide}`,
  key: `s-${internshipKey}-${mentorSide}`,
  internshipKey,
  questionnaire: mentorSide ? 'satisfactionMentor' : 'satisfactionIntern',
  respondentOid: 'x',
  answers,
  submittedAt: '2026-06-30T09:00:00.000Z',
});

describe('yearly report (toolbox A5)', () => {
  const internships = [
    buildInternship({
      key: 'a',
      phase: 'closed',
      decision: 'accepted',
      service: 'hr',
      schoolId: 'school:kul',
      mentor,
      startDate: '2026-02-02',
      endDate: '2026-02-27',
    }),
    buildInternship({
      key: 'b',
      phase: 'execution',
      decision: 'accepted',
      service: 'ict',
      intern: buildPerson({ id: 'u2' }),
      mentor,
      startDate: '2026-09-01',
      endDate: '2026-12-18',
    }),
    buildInternship({
      key: 'c',
      phase: 'stopped',
      decision: 'accepted',
      stoppedBy: 'school',
      service: 'hr',
      intern: buildPerson({ id: 'u3' }),
      startDate: '2026-03-02',
      endDate: '2026-05-29',
    }),
    buildInternship({
      key: 'd',
      phase: 'decision',
      decision: 'refused',
      service: 'hr',
      startDate: '2026-03-02',
      endDate: '2026-05-29',
    }),
    buildInternship({
      key: 'e',
      phase: 'request',
      service: 'hr',
      startDate: '2026-10-01',
      endDate: '2026-12-01',
    }),
    buildInternship({
      key: 'f',
      phase: 'closed',
      decision: 'accepted',
      service: 'hr',
      startDate: '2025-12-15',
      endDate: '2026-02-13',
    }),
  ];
  const report = computeYearlyReport({
    year: 2026,
    internships,
    surveys: [
      survey('a', { 'satisfactionMentor.addedValue': 4, 'satisfactionMentor.concreteResult': true }),
      survey('b', { 'satisfactionMentor.addedValue': 5, 'satisfactionMentor.concreteResult': false }),
      survey('f', { 'satisfactionMentor.addedValue': 1 }),
    ],
    schools: [
      { key: 'school:kul', name: 'KU Leuven' },
      { key: 'school:ulb', name: 'ULB' },
    ],
    serviceName: (k) => k.toUpperCase(),
    locale: 'en',
  });

  it('counts hosted internships in the year they start; refused and undecided ones do not count', () => {
    expect(countsInReport({ phase: 'decision', decision: 'refused' })).toBe(false);
    expect(countsInReport({ phase: 'request' })).toBe(false);
    expect(report.totals).toMatchObject({
      internships: 3,
      interns: 3,
      mentors: 1,
      stoppedEarly: 1,
      services: 2,
    });
    expect(report.perYear).toEqual([
      { year: 2025, count: 1 },
      { year: 2026, count: 3 },
    ]);
    expect(report.perService).toEqual([
      { key: 'hr', label: 'HR', count: 2 },
      { key: 'ict', label: 'ICT', count: 1 },
    ]);
  });

  it('lists partner schools without interns and a row for internships without a school', () => {
    expect(report.perSchool).toEqual([
      { key: '', label: 'No school given', count: 2 },
      { key: 'school:kul', label: 'KU Leuven', count: 1 },
      { key: 'school:ulb', label: 'ULB', count: 0 },
    ]);
  });

  it('durations in weeks, satisfaction of the year only, stopped early by whom', () => {
    expect(durationWeeks({ startDate: '2026-02-02', endDate: '2026-02-27' })).toBe(3.7);
    expect(report.duration.buckets.find((b) => b.key === 'upTo4Weeks')?.count).toBe(1);
    const mentorBlock = report.satisfaction[0]!;
    expect(mentorBlock.responses).toBe(2);
    expect(mentorBlock.questions.find((q) => q.key === 'satisfactionMentor.addedValue')?.value).toBe(4.5);
    expect(mentorBlock.questions.find((q) => q.key === 'satisfactionMentor.concreteResult')?.value).toBe(0.5);
    expect(report.stoppedEarly.find((s) => s.key === 'school')?.count).toBe(1);
  });
});
