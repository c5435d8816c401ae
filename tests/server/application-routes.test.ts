import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../scripts/lib/local-stack';
import { INTAKE } from '../../src/domain/questionnaires/intake';
import type { ApplicationView, ConversionView, IntakeView } from '../../src/domain/views-coordination';
import { demoUser, startStack } from '../e2e/support/stack';
import { callerFor, INJECTIONS, type ApiCaller } from './application-api-support';

let stack: LocalStack;
let coordinator: ApiCaller;
let staff: ApiCaller;
let head: ApiCaller;

beforeAll(async () => {
  stack = await startStack();
  [coordinator, staff, head] = await Promise.all([
    callerFor(stack, demoUser('coordinator')),
    callerFor(stack, demoUser('staff')),
    callerFor(stack, demoUser('serviceHead')),
  ]);
}, 180_000);
afterAll(async () => {
  await stack?.close();
});

const application = (over: Record<string, unknown> = {}) => ({
  candidateName: 'Amélie Peeters',
  candidateEmail: 'amelie.peeters@student.example.be',
  schoolName: 'Hogeschool Gent',
  programme: 'Bachelor Office Management',
  motivation: 'Ik wil graag meewerken aan een echt project.',
  periodStart: '2027-02-01',
  periodEnd: '2027-05-14',
  receivedOn: '2026-11-20',
  ...over,
});

/** Answers to every required intake question (the others left blank, as an interviewer would). */
const intakeAnswers = (): Record<string, string | number | boolean> =>
  Object.fromEntries(
    INTAKE.questions
      .filter((q) => q.required)
      .map((q) => {
        switch (q.kind) {
          case 'yesNo':
            return [q.key, true];
          case 'scale5':
            return [q.key, 4];
          case 'choice':
            return [q.key, q.choices![0]!.key];
          case 'number':
            return [q.key, 2];
          case 'date':
            return [q.key, '2027-02-01'];
          default:
            return [q.key, 'Besproken tijdens het gesprek.'];
        }
      }),
  );

async function publishedAssignment() {
  const all = await stack.stagemap.deps.repos.assignments.published();
  return all.find((a) => a.mentorOid && a.status === 'published')!;
}

describe('applications over HTTP', { timeout: 60_000 }, () => {
  it('only the coordinator manages applications: staff and service heads get 403', async () => {
    expect((await staff.call('GET', '/applications')).status).toBe(403);
    expect((await head.call('GET', '/applications')).status).toBe(403);
    expect((await staff.call('POST', '/applications', application())).status).toBe(403);
    const list = await coordinator.call('GET', '/applications');
    expect(list.status).toBe(200);
    expect((list.body.items as ApplicationView[]).length).toBeGreaterThanOrEqual(15);
  });

  it('stores and returns injection strings in names literally', async () => {
    for (const s of INJECTIONS) {
      const res = await coordinator.call(
        'POST',
        '/applications',
        application({ candidateName: s, schoolName: s }),
      );
      expect(res.status).toBe(201);
      const v = res.body as unknown as ApplicationView;
      expect([v.candidateName, v.schoolName]).toEqual([s, s]);
      const stored = await stack.stagemap.deps.repos.applications.getById(v.id);
      expect(stored?.candidateName).toBe(s);
      const read = await coordinator.call('GET', `/applications/${v.id}`);
      expect((read.body as unknown as ApplicationView).candidateName).toBe(s);
    }
    const names = ((await coordinator.call('GET', '/applications')).body.items as ApplicationView[]).map(
      (a) => a.candidateName,
    );
    for (const s of INJECTIONS) expect(names).toContain(s);
  });

  it('bad input is refused in the caller’s language and nothing is written', async () => {
    const de = await callerFor(stack, demoUser('coordinator'), 'de');
    const before = (await stack.stagemap.deps.repos.applications.all()).length;
    const res = await de.call('POST', '/applications', application({ candidateEmail: 'not-an-email' }));
    expect(res.status).toBe(400);
    expect(res.body.error?.fields).toEqual([
      { path: 'candidateEmail', message: 'Geben Sie eine gültige E-Mail-Adresse ein.' },
    ]);
    expect((await stack.stagemap.deps.repos.applications.all()).length).toBe(before);
  });

  it('the intake interview is stored as answers and moves the application to "interview"', async () => {
    const assignment = await publishedAssignment();
    const created = (
      await coordinator.call('POST', '/applications', application({ assignmentId: assignment.key }))
    ).body as unknown as ApplicationView;
    expect(created).toMatchObject({ status: 'received', assignment: { key: assignment.key } });
    const incomplete = await coordinator.call('PUT', `/applications/${created.id}/intake`, {
      answers: { 'intake.motivation': 'Sterk gemotiveerd' },
    });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.error?.fields?.map((f) => f.path)).toContain('answers.intake.mentorAdvice');
    // Accepting before the interview is a decision during (or without) it: refused (B3).
    const early = await coordinator.call(
      'PATCH',
      `/applications/${created.id}`,
      { status: 'accepted' },
      { 'if-match': created.etag },
    );
    expect(early.status).toBe(422);
    expect(early.body.error?.reasons?.[0]?.code).toBe('interviewNotHeld');

    const answers = {
      ...intakeAnswers(),
      'intake.relevantTest': 'Persbericht nagelezen: 3 fouten gevonden.',
    };
    const saved = await coordinator.call('PUT', `/applications/${created.id}/intake`, { answers });
    expect(saved.status).toBe(200);
    const intake = saved.body as unknown as IntakeView;
    expect(intake.application.status).toBe('interview');
    expect(intake.answers).toEqual(answers);
    const records = await stack.stagemap.deps.repos.evaluations.byQuestionnaire('intake');
    const mine = records.filter((r) => r.answers['intake.relevantTest'] === answers['intake.relevantTest']);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.respondentOid).toBe(demoUser('coordinator').id);
  });

  it('turning an application into an internship twice yields one internship (in phase decision after the interview)', async () => {
    const assignment = await publishedAssignment();
    const created = (
      await coordinator.call(
        'POST',
        '/applications',
        application({ candidateName: 'Jonas Tweemaal', assignmentId: assignment.key }),
      )
    ).body as unknown as ApplicationView;
    // Before the interview: preparation.
    const early = (
      await coordinator.call(
        'POST',
        '/applications',
        application({ candidateName: 'Zonder Gesprek', assignmentId: assignment.key }),
      )
    ).body as unknown as ApplicationView;
    const prep = await coordinator.call('POST', `/applications/${early.id}/internship`, {});
    expect(prep.status).toBe(201);
    expect((prep.body as unknown as ConversionView).phase).toBe('preparation');

    await coordinator.call('PUT', `/applications/${created.id}/intake`, { answers: intakeAnswers() });
    const [a, b] = await Promise.all([
      coordinator.call('POST', `/applications/${created.id}/internship`, {}),
      coordinator.call('POST', `/applications/${created.id}/internship`, {}),
    ]);
    const c = await coordinator.call('POST', `/applications/${created.id}/internship`, {});
    const views = [a, b, c].map((r) => r.body as unknown as ConversionView);
    expect(new Set(views.map((v) => v.internshipId)).size).toBe(1);
    expect(c.status).toBe(200);
    expect(views[2]!.created).toBe(false);
    expect(views[0]!.phase).toBe('decision');
    const made = (await stack.stagemap.deps.repos.internships.all()).filter(
      (i) => i.intern.displayName === 'Jonas Tweemaal',
    );
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({
      service: assignment.service,
      topic: assignment.title,
      startDate: '2027-02-01',
      endDate: '2027-05-14',
      assignmentId: assignment.key,
      applicationId: created.key,
      schoolName: 'Hogeschool Gent',
      programme: 'Bachelor Office Management',
    });
    expect(made[0]!.mentor?.id).toBe(assignment.mentorOid);
    expect(made[0]!.interviewAt).toBeTruthy();
    // It appears in the coordinator's internships list, and the application links to it.
    const list = await coordinator.call('GET', '/internships');
    expect((list.body.items as { id: string }[]).map((i) => i.id)).toContain(views[0]!.internshipId);
    const app = (await coordinator.call('GET', `/applications/${created.id}`))
      .body as unknown as ApplicationView;
    expect(app.internship).toEqual({ id: views[0]!.internshipId, phase: 'decision' });
  });

  it('an application without a period or topic cannot become an internship: the gate says what is missing', async () => {
    const bare = (
      await coordinator.call(
        'POST',
        '/applications',
        application({ candidateName: 'Los Voorstel', periodStart: undefined, periodEnd: undefined }),
      )
    ).body as unknown as ApplicationView;
    const res = await coordinator.call('POST', `/applications/${bare.id}/internship`, {});
    expect(res.status).toBe(422);
    expect(res.body.error?.reasons?.map((r) => r.code)).toEqual([
      'missingService',
      'missingTopic',
      'invalidPeriod',
    ]);
  });
});
