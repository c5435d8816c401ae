import { Router, type Request } from 'express';
import { z } from 'zod';
import { canInOrganisation } from '../../domain/access';
import { localDateOf } from '../../domain/brussels-time';
import type { Internship, PersonRef } from '../../domain/internship';
import { checkGate, GATE_REASON_TEXTS, noFacts } from '../../domain/phases';
import { INTAKE } from '../../domain/questionnaires/intake';
import { APPLICATION_STATUSES, type Application, type EvaluationRecord } from '../../domain/records';
import { applicationInput, id, isoDate, optionalText, RULE_MESSAGES, text } from '../../domain/validation';
import type { ConversionView } from '../../domain/views-coordination';
import { fieldSchema } from '../../bot/answers/parse-answer';
import type { Stored } from '../../graph/repositories/list-repository';
import { RepositoryConflictError } from '../../graph/repositories/repository-errors';
import type { ServerDeps } from '../deps';
import { ApiError, conflict, ERROR_TEXTS, forbidden, invalidInput, notFound } from '../http/api-error';
import { ctxOf } from '../http/create-app';
import { bodyOf, ifMatchOf } from '../http/validate';
import {
  presentApplication,
  presentIntake,
  type ApplicationRelations,
} from '../presenters/application-presenter';
import { coordinationContext, idempotencyKey } from './assignment-routes';

/**
 * The internship made from an application has a key derived from the application's: turning an application into
 * an internship twice (a double click, a retried request) finds the same item, and the intake interview recorded
 * before the internship existed is already filed under it (the phase gates read answers by internship key).
 */
export const internshipKeyFor = (applicationKey: string): string => `internship:${applicationKey}`;
const intakeKeyFor = (applicationKey: string): string => `intake:${applicationKey}`;

/** Applications are the coordinator's (central mailbox, B2.3): anyone else is refused outright. */
function requireManager(req: Request): void {
  if (!canInOrganisation(ctxOf(req).actor, 'applications.manage')) throw forbidden();
}

async function loadApplication(deps: ServerDeps, req: Request): Promise<Stored<Application>> {
  requireManager(req);
  const appId = String(req.params.id ?? '');
  const a = /^\d{1,10}$/.test(appId) ? await deps.repos.applications.getById(appId) : undefined;
  if (!a) throw notFound();
  return a;
}

async function relationsOf(deps: ServerDeps, a: Application): Promise<ApplicationRelations> {
  const [assignment, internship, intake] = await Promise.all([
    a.assignmentKey ? deps.repos.assignments.getByKey(a.assignmentKey) : Promise.resolve(undefined),
    deps.repos.internships.getByKey(internshipKeyFor(a.key)),
    deps.repos.evaluations.getByKey(intakeKeyFor(a.key)),
  ]);
  return { assignment, internship, intake };
}

const changeInput = z.strictObject({
  status: z.enum(APPLICATION_STATUSES).optional(),
  assignmentKey: id.nullable().optional(),
});

/** Intake answers: each question's own rule (the same as the cards'), required ones required; blanks are absent. */
const intakeInput = (locale: Parameters<typeof fieldSchema>[1]) =>
  z.strictObject({
    answers: z.preprocess(
      (v) =>
        v && typeof v === 'object' && !Array.isArray(v)
          ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== '' && x !== null))
          : v,
      z.strictObject(
        Object.fromEntries(
          INTAKE.questions.map((q) => [
            q.key,
            q.required ? fieldSchema(q, locale) : fieldSchema(q, locale).optional(),
          ]),
        ),
      ),
    ),
  });

const conversionInput = z
  .strictObject({
    assignmentKey: id.optional(),
    service: text(100).optional(),
    topic: text(500).optional(),
    startDate: isoDate.optional(),
    endDate: isoDate.optional(),
    mentorId: id.optional(),
    backupId: id.optional(),
    programme: optionalText(200),
    schoolName: optionalText(200),
  })
  .refine((v) => !v.startDate || !v.endDate || v.endDate >= v.startDate, {
    params: { key: 'endBeforeStart' },
    path: ['endDate'],
  });

export function applicationRoutes(deps: ServerDeps): Router {
  const r = Router();

  r.get('/applications', async (req, res) => {
    requireManager(req);
    const all = await deps.repos.applications.all();
    all.sort(
      (a, b) => b.receivedAt.localeCompare(a.receivedAt) || a.candidateName.localeCompare(b.candidateName),
    );
    const [assignments, internships, intakes] = await Promise.all([
      deps.repos.assignments.byKeys(all.flatMap((a) => (a.assignmentKey ? [a.assignmentKey] : []))),
      deps.repos.internships.byKeys(all.map((a) => internshipKeyFor(a.key))),
      deps.repos.evaluations.byKeys(all.map((a) => intakeKeyFor(a.key))),
    ]);
    const c = await coordinationContext(deps, req);
    res.json({
      items: all.map((a) =>
        presentApplication(
          a,
          {
            assignment: a.assignmentKey ? assignments.get(a.assignmentKey) : undefined,
            internship: internships.get(internshipKeyFor(a.key)),
            intake: intakes.get(intakeKeyFor(a.key)),
          },
          c,
        ),
      ),
    });
  });

  /** Records an application that came in through the central mailbox (toolbox B2.3). */
  r.post('/applications', async (req, res) => {
    requireManager(req);
    const input = bodyOf(req, applicationInput);
    const assignment = input.assignmentId ? await findAssignment(deps, input.assignmentId) : undefined;
    if (input.assignmentId && !assignment)
      throw invalidInput([{ path: 'assignmentId', message: ERROR_TEXTS.notFound[req.locale] }]);
    const details: Application['details'] = {};
    if (input.schoolName) details.schoolName = input.schoolName;
    if (input.programme) details.programme = input.programme;
    if (input.motivation) details.motivation = input.motivation;
    if (input.periodStart) details.periodStart = input.periodStart;
    if (input.periodEnd) details.periodEnd = input.periodEnd;
    const created = await deps.repos.applications.create({
      key: idempotencyKey(req, 'application'),
      candidateName: input.candidateName,
      candidateEmail: input.candidateEmail,
      receivedAt: `${input.receivedOn}T12:00:00.000Z`,
      status: 'received',
      ...(assignment ? { assignmentKey: assignment.key } : {}),
      ...(input.schoolId ? { schoolKey: input.schoolId } : {}),
      details,
    });
    res.status(201).setHeader('etag', created.etag);
    res.json(
      presentApplication(created, await relationsOf(deps, created), await coordinationContext(deps, req)),
    );
  });

  r.get('/applications/:id', async (req, res) => {
    const a = await loadApplication(deps, req);
    res.setHeader('etag', a.etag);
    res.json(presentApplication(a, await relationsOf(deps, a), await coordinationContext(deps, req)));
  });

  /**
   * Links an application to an assignment and changes its status. Accepting or refusing is a decision, and the
   * toolbox (B3) wants it taken after the interview, never during it: it needs a recorded intake interview.
   */
  r.patch('/applications/:id', async (req, res) => {
    const etag = ifMatchOf(req);
    const a = await loadApplication(deps, req);
    const input = bodyOf(req, changeInput);
    const c = await coordinationContext(deps, req);
    const rel = await relationsOf(deps, a);
    if (a.etag !== etag) throw conflict(presentApplication(a, rel, c));
    const patch: Partial<Application> = {};
    if (input.assignmentKey !== undefined) {
      if (input.assignmentKey === null) patch.assignmentKey = undefined;
      else {
        const assignment = await findAssignment(deps, input.assignmentKey);
        if (!assignment)
          throw invalidInput([{ path: 'assignmentKey', message: ERROR_TEXTS.notFound[req.locale] }]);
        patch.assignmentKey = assignment.key;
      }
    }
    if (input.status) {
      if ((input.status === 'accepted' || input.status === 'refused') && !rel.intake)
        throw new ApiError(422, 'gateClosed', ERROR_TEXTS.gateClosed, {
          reasons: [{ code: 'interviewNotHeld', message: GATE_REASON_TEXTS.interviewNotHeld[req.locale] }],
        });
      patch.status = input.status;
    }
    const updated = await update(deps, a, patch, (cur) => presentApplication(cur, rel, c));
    res.setHeader('etag', updated.etag);
    res.json(presentApplication(updated, await relationsOf(deps, updated), c));
  });

  r.get('/applications/:id/intake', async (req, res) => {
    const a = await loadApplication(deps, req);
    res.json(presentIntake(a, await relationsOf(deps, a), await coordinationContext(deps, req)));
  });

  /**
   * Records the intake interview (question set B3, the mentor's short test C2, advice of mentor and coordinator):
   * the answers are stored like any questionnaire's, and the application moves to "interview". Saving again
   * replaces the answers.
   */
  r.put('/applications/:id/intake', async (req, res) => {
    const a = await loadApplication(deps, req);
    const { actor, locale } = ctxOf(req);
    const input = bodyOf(req, intakeInput(locale));
    const answers = input.answers as EvaluationRecord['answers'];
    const submittedAt = deps.clock.now().toISOString();
    const key = intakeKeyFor(a.key);
    const existing = await deps.repos.evaluations.getByKey(key);
    const record = {
      internshipKey: internshipKeyFor(a.key),
      questionnaire: 'intake' as const,
      respondentOid: actor.userId,
      answers,
      submittedAt,
    };
    if (existing) await deps.repos.evaluations.update(existing, record);
    else await deps.repos.evaluations.create({ key, ...record });
    let current = a;
    if (a.status === 'received')
      current = await update(deps, a, { status: 'interview' }, () => undefined, true);
    // An internship made before the interview learns when it was held (its decision gate asks for it).
    const internship = await deps.repos.internships.getByKey(internshipKeyFor(a.key));
    if (internship && !internship.interviewAt)
      await deps.repos.internships.update(internship, { interviewAt: submittedAt });
    res.json(presentIntake(current, await relationsOf(deps, current), await coordinationContext(deps, req)));
  });

  /**
   * Turns assignment + application into an internship (seed 002 "stageaanvraag"): in phase preparation, or
   * decision when the intake interview is already recorded, as far as the domain gates let it go. Idempotent.
   */
  r.post('/applications/:id/internship', async (req, res) => {
    const a = await loadApplication(deps, req);
    const { actor, locale } = ctxOf(req);
    const input = bodyOf(req, conversionInput);
    const key = internshipKeyFor(a.key);
    const existing = await deps.repos.internships.getByKey(key);
    if (existing) {
      const view: ConversionView = { internshipId: existing.id, phase: existing.phase, created: false };
      res.json(view);
      return;
    }
    const assignmentKey = input.assignmentKey ?? a.assignmentKey;
    const assignment = assignmentKey ? await findAssignment(deps, assignmentKey) : undefined;
    if (input.assignmentKey && !assignment)
      throw invalidInput([{ path: 'assignmentKey', message: ERROR_TEXTS.notFound[locale] }]);
    const settings = await deps.organisation.current();
    const service = input.service ?? assignment?.service ?? '';
    if (service && !settings.services.some((s) => s.key === service))
      throw invalidInput([{ path: 'service', message: ERROR_TEXTS.notFound[locale] }]);
    const mentorId = input.mentorId ?? assignment?.mentorOid;
    const backupId = input.backupId ?? assignment?.details.backupOid;
    if (mentorId && mentorId === backupId)
      throw invalidInput([{ path: 'backupId', message: RULE_MESSAGES.mentorIsBackup[locale] }]);
    const intake = await deps.repos.evaluations.getByKey(intakeKeyFor(a.key));
    const people = deps.repos.ctx.people;
    const person = (oid: string | undefined): PersonRef | undefined =>
      oid ? people.personRef(oid) : undefined;
    const headOid = settings.services.find((s) => s.key === service)?.headOid;
    const draft: Omit<Internship, 'id'> = {
      key,
      phase: 'request',
      intern: { id: '', displayName: a.candidateName, email: a.candidateEmail },
      service,
      topic: input.topic ?? assignment?.title ?? '',
      startDate: input.startDate ?? a.details.periodStart ?? assignment?.details.periodStart ?? '',
      endDate: input.endDate ?? a.details.periodEnd ?? assignment?.details.periodEnd ?? '',
      overviewConsent: false,
      applicationId: a.key,
      coordinator: people.personRef(actor.userId),
    };
    const opt = {
      mentor: person(mentorId),
      backup: person(backupId),
      serviceHead: person(headOid),
      assignmentId: assignment?.key,
      schoolId: a.schoolKey,
      schoolName: input.schoolName ?? a.details.schoolName,
      programme: input.programme ?? a.details.programme,
      interviewAt: intake?.submittedAt,
    };
    for (const [k, v] of Object.entries(opt)) if (v !== undefined) Object.assign(draft, { [k]: v });
    const today = localDateOf(deps.clock.now().toISOString());
    const facts = { ...noFacts(), interviewReportRecorded: intake !== undefined };
    const toPreparation = checkGate({ ...draft, id: '' }, 'preparation', facts, today);
    if (!toPreparation.ok)
      throw new ApiError(422, 'gateClosed', ERROR_TEXTS.gateClosed, {
        reasons: toPreparation.reasons.map((x) => ({
          code: x.code,
          message: GATE_REASON_TEXTS[x.code][locale],
        })),
      });
    draft.phase = 'preparation';
    if (checkGate({ ...draft, id: '' }, 'decision', facts, today).ok) draft.phase = 'decision';
    const created = await deps.repos.internships.create(draft);
    const view: ConversionView = { internshipId: created.id, phase: created.phase, created: true };
    res.status(201).json(view);
  });

  return r;
}

/** An assignment by list item id or by key (the tab sends keys; ids are what the other routes show). */
async function findAssignment(deps: ServerDeps, ref: string) {
  return /^\d{1,10}$/.test(ref) ? deps.repos.assignments.getById(ref) : deps.repos.assignments.getByKey(ref);
}

/**
 * ETag-guarded update; a conflict answers 409 with the current version. `retry` re-applies the patch once on the
 * version someone else just wrote (for the automatic status step, which does not depend on what changed).
 */
async function update(
  deps: ServerDeps,
  a: Stored<Application>,
  patch: Partial<Application>,
  present: (current: Stored<Application>) => unknown,
  retry = false,
): Promise<Stored<Application>> {
  try {
    return await deps.repos.applications.update(a, patch);
  } catch (e) {
    if (!(e instanceof RepositoryConflictError) || !e.current) throw e;
    const current = e.current as Stored<Application>;
    if (retry) return deps.repos.applications.update(current, patch);
    throw conflict(present(current));
  }
}
