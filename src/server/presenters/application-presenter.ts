import type { Internship } from '../../domain/internship';
import type { Application, Assignment, EvaluationRecord } from '../../domain/records';
import { personView } from '../../domain/views';
import type { ApplicationView, IntakeView } from '../../domain/views-coordination';
import type { Stored } from '../../graph/repositories/list-repository';
import type { CoordinationContext } from './assignment-presenter';

export interface ApplicationRelations {
  assignment?: Assignment | undefined;
  internship?: Internship | undefined;
  intake?: EvaluationRecord | undefined;
}

/**
 * An application as the coordinator sees it (only coordinators manage applications: docs/permissions.md). Names
 * and e-mail addresses are returned exactly as stored; the tab renders them as text.
 */
export function presentApplication(
  a: Stored<Application>,
  rel: ApplicationRelations,
  c: CoordinationContext,
): ApplicationView {
  const d = a.details;
  const v: ApplicationView = {
    id: a.id,
    key: a.key,
    etag: a.etag,
    candidateName: a.candidateName,
    candidateEmail: a.candidateEmail,
    receivedAt: a.receivedAt,
    status: a.status,
  };
  if (a.schoolKey) v.schoolId = a.schoolKey;
  if (d.schoolName) v.schoolName = d.schoolName;
  if (d.programme) v.programme = d.programme;
  if (d.motivation) v.motivation = d.motivation;
  if (d.periodStart) v.periodStart = d.periodStart;
  if (d.periodEnd) v.periodEnd = d.periodEnd;
  if (rel.assignment)
    v.assignment = {
      id: rel.assignment.id,
      key: rel.assignment.key,
      title: rel.assignment.title,
      service: rel.assignment.service,
      serviceName: c.serviceName(rel.assignment.service),
    };
  if (rel.intake) v.interviewAt = rel.intake.submittedAt;
  if (rel.internship) v.internship = { id: rel.internship.id, phase: rel.internship.phase };
  return v;
}

export function presentIntake(
  a: Stored<Application>,
  rel: ApplicationRelations,
  c: CoordinationContext,
): IntakeView {
  const v: IntakeView = { application: presentApplication(a, rel, c), answers: rel.intake?.answers ?? {} };
  if (rel.intake) {
    v.submittedAt = rel.intake.submittedAt;
    const who = rel.intake.respondentOid ? personView(c.person(rel.intake.respondentOid)) : undefined;
    if (who) v.respondent = who;
  }
  return v;
}
