import type { Router } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../scripts/lib/local-stack';
import {
  canInOrganisation,
  canOnInternship,
  canProposeForService,
  relationsTo,
  type Actor,
  type InternshipAction,
  type OrgAction,
  type Relation,
} from '../../src/domain/access';
import type { AttentionKind, AttentionView } from '../../src/domain/attention-views';
import { CONFIDENTIAL_DOCUMENTS } from '../../src/domain/documents';
import type { Internship } from '../../src/domain/internship';
import type { Assignment, EvaluationRecord, OrganisationSettings } from '../../src/domain/records';
import { LOCAL_API_ID_URI } from '../../src/emulator/config';
import { DEMO_USERS, type DemoUser } from '../../src/emulator/demo-directory';
import type { Stored } from '../../src/graph/repositories/list-repository';
import { API_ROUTERS } from '../../src/server/compose';
import { startStack } from '../e2e/support/stack';
import { userToken } from '../emulator/support';

/**
 * Issue #5: the whole permission matrix over HTTP. Every API route × every kind of caller, each cell's expected
 * answer derived from `src/domain/access.ts` (the rules docs/permissions.md is generated from):
 * - an internship the caller may not read answers 404 (its existence is information), an action on one they may
 *   read but not take answers 403; organisation-wide actions refused answer 403;
 * - an allowed caller gets the route's first answer after authorisation: 200 for reads, and for writes a
 *   validation error (400) or a stale-version conflict (409) on purpose, so no cell changes the fixture;
 * - no token (or a forged one) answers 401 everywhere.
 * The route table is checked against the routers themselves: a route added without a row here fails the test.
 */

type Caller =
  | 'coordinator'
  | 'mentor'
  | 'backup'
  | 'intern'
  | 'serviceHead'
  | 'staff'
  | 'otherMentor'
  | 'otherServiceHead';

/** The relations each caller must have to the chosen internship (checked, so a changed seed cannot fool us). */
const RELATIONS: Record<Caller, Relation[]> = {
  coordinator: ['coordinator', 'staff'],
  mentor: ['mentor', 'staff'],
  backup: ['backup', 'staff'],
  intern: ['intern', 'staff'],
  serviceHead: ['serviceHead', 'staff'],
  staff: ['staff'],
  otherMentor: ['staff'],
  otherServiceHead: ['staff'],
};
const CALLERS = Object.keys(RELATIONS) as Caller[];

/** What a cell expects: allowed (with the status the route answers then), or refused with 403 / 404. */
type Verdict = { allow: true } | { allow: false; status: 403 | 404 };
const ALLOW: Verdict = { allow: true };
const DENY_403: Verdict = { allow: false, status: 403 };
const DENY_404: Verdict = { allow: false, status: 404 };

interface Row {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The route as the router declares it (also the key of the coverage check). */
  route: string;
  /** What distinguishes this row from another on the same route (a variant of body or target). */
  variant?: string;
  /** The concrete path, with the query. */
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  verdict: (a: Actor) => Verdict;
  /** The status an allowed caller gets (200 for reads; 400/409 for writes made invalid or stale on purpose). */
  allowed: number;
  /** A further check of an allowed answer (e.g. what a list shows); returns a problem or undefined. */
  inspect?: (a: Actor, json: unknown) => string | undefined;
}

const STALE = { 'if-match': '"stale-version"' };

let stack: LocalStack;
let settings: OrganisationSettings;
let target: Stored<Internship>;
const actors = new Map<Caller, Actor>();
const users = new Map<Caller, DemoUser>();
const tokens = new Map<Caller, string>();
let rows: Row[] = [];

const actorOf = (u: DemoUser, s: OrganisationSettings): Actor => ({
  userId: u.id,
  isCoordinator: s.coordinatorOids.includes(u.id),
  headOfServices: s.services.filter((x) => x.headOid === u.id).map((x) => x.key),
});
const demo = (id: string | undefined, what: string): DemoUser => {
  const u = DEMO_USERS.find((x) => x.id === id);
  if (!u) throw new Error(`seed: no demo user for the ${what} (${id})`);
  return u;
};

beforeAll(async () => {
  stack = await startStack();
  const { repos, folders, organisation } = stack.stagemap.deps;
  settings = await organisation.current();
  const all = await repos.internships.all();
  const plainActor = (u: DemoUser) => actorOf(u, settings);
  const hasNoOrgRole = (u: DemoUser) => {
    const a = plainActor(u);
    return !a.isCoordinator && a.headOfServices.length === 0;
  };

  // One internship in execution with a mentor, a back-up, a signed-in intern and a head of its service.
  target = all.find(
    (i) =>
      i.phase === 'execution' &&
      i.mentor &&
      i.backup &&
      i.intern.id &&
      settings.services.some((s) => s.key === i.service && s.headOid),
  )!;
  expect(target, 'the seed has an internship in execution with all its people').toBeDefined();
  const headOid = settings.services.find((s) => s.key === target.service)!.headOid;
  const related = new Set([target.mentor?.id, target.backup?.id, target.intern.id, headOid]);
  const coordinator = DEMO_USERS.find(
    (u) => u.role === 'coordinator' && settings.coordinatorOids.includes(u.id) && !related.has(u.id),
  );
  const staff = DEMO_USERS.find(
    (u) =>
      u.role === 'staff' &&
      hasNoOrgRole(u) &&
      !all.some((i) => i.mentor?.id === u.id || i.backup?.id === u.id || i.intern.id === u.id),
  );
  const otherMentor = DEMO_USERS.find(
    (u) =>
      hasNoOrgRole(u) && !related.has(u.id) && all.some((i) => i.id !== target.id && i.mentor?.id === u.id),
  );
  const otherServiceHead = DEMO_USERS.find(
    (u) =>
      !related.has(u.id) &&
      !settings.coordinatorOids.includes(u.id) &&
      settings.services.some((s) => s.key !== target.service && s.headOid === u.id),
  );
  const picked: Record<Caller, DemoUser> = {
    coordinator: demo(coordinator?.id, 'coordinator'),
    mentor: demo(target.mentor?.id, 'mentor'),
    backup: demo(target.backup?.id, 'back-up'),
    intern: demo(target.intern.id, 'intern'),
    serviceHead: demo(headOid, 'service head'),
    staff: demo(staff?.id, 'staff member'),
    otherMentor: demo(otherMentor?.id, 'other mentor'),
    otherServiceHead: demo(otherServiceHead?.id, 'other service head'),
  };
  for (const c of CALLERS) {
    const a = plainActor(picked[c]);
    expect(relationsTo(a, target).sort(), `${c}'s relations to ${target.key}`).toEqual(
      [...RELATIONS[c]].sort(),
    );
    actors.set(c, a);
    users.set(c, picked[c]);
  }
  expect(actors.get('otherServiceHead')!.headOfServices.length).toBeGreaterThan(0);
  expect(actors.get('otherMentor')!.headOfServices).toEqual([]);
  await Promise.all(
    CALLERS.map(async (c) =>
      tokens.set(
        c,
        await userToken(stack.emulator, picked[c].userPrincipalName, `${LOCAL_API_ID_URI}/access_as_user`),
      ),
    ),
  );

  // What hangs under the internship and the organisation's records the routes address.
  const docs = await folders.documents(target.key);
  const sharedDoc = docs.find((d) => !d.confidential);
  const confidentialDoc = docs.find((d) => d.confidential);
  const records = await repos.evaluations.byInternship(target.key);
  const guideRecord = records.find(
    (r) => r.questionnaire === 'followUp' && r.respondentOid === target.mentor?.id && !r.sharedWithIntern,
  );
  const pulseRecord = records.find(
    (r) => r.questionnaire === 'wellbeingPulse' && r.respondentOid === target.intern.id,
  );
  const checklistItem = (await repos.checklistItems.byInternship(target.key))[0];
  // startStack seeds the demo organisation as of 2026-11-26: the needs analysis of 2026.
  const assignment = (await repos.assignments.byYear(2026)).find((a) => a.service === target.service);
  const application = (await repos.applications.all())[0];
  const school = (await repos.partners.schools())[0];
  // A final work handed in to the target's folder (the seed's are of ended internships); never published by a cell.
  const finalWork = await repos.finalWorks.upload(target, {
    name: 'Permission matrix.pdf',
    title: 'Permission matrix',
    content: new TextEncoder().encode('%PDF-1.4\n'),
  });
  expect(sharedDoc && confidentialDoc && guideRecord && pulseRecord && checklistItem).toBeTruthy();
  expect(assignment && application && school).toBeTruthy();
  rows = buildRows({
    sharedDocId: `s-${sharedDoc!.id}`,
    confidentialDocId: `c-${confidentialDoc!.id}`,
    guideRecord: guideRecord!,
    pulseRecord: pulseRecord!,
    checklistItemKey: checklistItem!.templateKey,
    assignment: assignment!,
    applicationId: application!.id,
    schoolId: school!.id,
    finalWorkId: finalWork.id,
  });
}, 180_000);
afterAll(() => stack?.close());

// ---------- verdicts derived from access.ts ----------

const on =
  (action: InternshipAction) =>
  (a: Actor): Verdict =>
    !canOnInternship(a, 'internship.read', target)
      ? DENY_404
      : canOnInternship(a, action, target)
        ? ALLOW
        : DENY_403;
const org =
  (action: OrgAction) =>
  (a: Actor): Verdict =>
    canInOrganisation(a, action) ? ALLOW : DENY_403;
const anyone = (): Verdict => ALLOW;
/** Readable internship first, then each further rule in order; the first that fails decides. */
const chain =
  (...steps: ((a: Actor) => Verdict)[]) =>
  (a: Actor): Verdict => {
    for (const s of steps) {
      const v = s(a);
      if (!v.allow) return v;
    }
    return ALLOW;
  };
const rule =
  (ok: (a: Actor) => boolean, status: 403 | 404 = 403) =>
  (a: Actor): Verdict =>
    ok(a) ? ALLOW : { allow: false, status };
const can = (action: InternshipAction) => (a: Actor) => canOnInternship(a, action, target);
/** evaluation-presenter's mayRead, restated from the matrix: the own answer, else by the record's kind. */
const mayReadRecord = (r: EvaluationRecord, kind: 'evaluation' | 'pulse') => (a: Actor) =>
  r.respondentOid === a.userId ||
  (kind === 'pulse'
    ? can('evaluation.read')(a) || can('survey.readAll')(a)
    : can('evaluation.read')(a) || (can('evaluation.readShared')(a) && r.sharedWithIntern === true));

/** What an attention entry is about, restated from the matrix: the caller must be able to read that. */
const ATTENTION_RIGHT: Record<AttentionKind, InternshipAction> = {
  unansweredMoment: 'moments.read',
  evaluationToFill: 'moments.read',
  lateChecklistItem: 'checklist.read',
  missingDocument: 'folder.read',
  redFlag: 'evaluation.read',
};
function inspectAttention(x: Actor, v: AttentionView): string | undefined {
  const entries = [...v.overdue, ...v.dueFromMe];
  const wrong = entries.filter(
    (e) =>
      e.internship.id === target.id &&
      !(can(ATTENTION_RIGHT[e.kind])(x) && (!e.confidential || can('confidential.read')(x))),
  );
  if (wrong.length > 0) return `sees ${wrong.map((e) => e.id).join(', ')}`;
  if (x.isCoordinator && v.overdue.length === 0) return 'the coordinator sees nothing overdue in the demo';
  // The staff member follows no internship: nothing is theirs to see.
  if (x.userId === users.get('staff')?.id && entries.length > 0)
    return `staff sees ${entries.length} entries`;
  return undefined;
}

interface Fixture {
  sharedDocId: string;
  confidentialDocId: string;
  guideRecord: Stored<EvaluationRecord>;
  pulseRecord: Stored<EvaluationRecord>;
  checklistItemKey: string;
  assignment: Stored<Assignment>;
  applicationId: string;
  schoolId: string;
  finalWorkId: string;
}

function buildRows(f: Fixture): Row[] {
  const i = `/internships/${target.id}`;
  const I = '/internships/:id';
  const confidentialType = CONFIDENTIAL_DOCUMENTS[0]!.key;
  const evaluationPut = (q: string, body: unknown, write: InternshipAction, variant?: string): Row => ({
    method: 'PUT',
    route: `${I}/evaluations/:questionnaire`,
    variant: variant ?? q,
    path: `${i}/evaluations/${q}`,
    body,
    verdict: chain(on('internship.read'), rule(can(write))),
    allowed: 400,
  });
  const a = `/assignments/${f.assignment.id}`;
  const seesAssignment = rule(
    (x) => canInOrganisation(x, 'assignments.readAll') || canProposeForService(x, f.assignment.service),
    404,
  );
  const step = (s: string): Row => ({
    method: 'POST',
    route: `/assignments/:id/${s}`,
    path: `${a}/${s}`,
    headers: STALE,
    verdict: chain(seesAssignment, org('assignments.select')),
    allowed: 409,
  });
  const app = `/applications/${f.applicationId}`;
  const p = `/partners/${f.schoolId}`;
  return [
    // Who am I, what may I see
    { method: 'GET', route: '/me', path: '/me', verdict: anyone, allowed: 200 },
    {
      method: 'GET',
      route: '/internships',
      path: '/internships',
      verdict: anyone,
      allowed: 200,
      inspect: (x, json) => {
        const listed = (json as { items: { id: string }[] }).items.some((v) => v.id === target.id);
        const should = canOnInternship(x, 'internship.read', target);
        return listed === should
          ? undefined
          : `internship ${target.id} listed: ${listed}, expected ${should}`;
      },
    },
    { method: 'GET', route: '/overview', path: '/overview', verdict: org('overview.read'), allowed: 200 },
    {
      method: 'GET',
      route: '/attention',
      path: '/attention',
      verdict: anyone,
      allowed: 200,
      // Every caller gets their own lists; an entry only when they may read what it is about.
      inspect: (x, json) => inspectAttention(x, json as AttentionView),
    },
    { method: 'GET', route: I, path: i, verdict: on('internship.read'), allowed: 200 },

    // The workflow
    {
      method: 'GET',
      route: '/workflow/people',
      path: '/workflow/people',
      verdict: org('internships.create'),
      allowed: 200,
    },
    {
      method: 'PATCH',
      route: I,
      path: i,
      body: {},
      headers: STALE,
      verdict: on('internship.update'),
      allowed: 409,
    },
    {
      method: 'POST',
      route: `${I}/interview`,
      path: `${i}/interview`,
      body: {},
      headers: STALE,
      verdict: on('internship.update'),
      allowed: 400,
    },
    {
      method: 'POST',
      route: `${I}/decision`,
      path: `${i}/decision`,
      body: {},
      headers: STALE,
      verdict: on('internship.decide'),
      allowed: 400,
    },
    {
      method: 'POST',
      route: `${I}/advance`,
      path: `${i}/advance`,
      body: {},
      headers: STALE,
      verdict: on('internship.advance'),
      allowed: 409,
    },
    {
      method: 'POST',
      route: `${I}/stop`,
      path: `${i}/stop`,
      body: {},
      headers: STALE,
      verdict: on('internship.stop'),
      allowed: 400,
    },
    {
      method: 'POST',
      route: `${I}/close`,
      path: `${i}/close`,
      body: {},
      headers: STALE,
      verdict: on('internship.close'),
      allowed: 409,
    },

    // Plan, checklists, moments, history
    {
      method: 'PUT',
      route: `${I}/plan`,
      path: `${i}/plan`,
      body: {},
      headers: STALE,
      verdict: on('plan.write'),
      allowed: 400,
    },
    {
      method: 'POST',
      route: `${I}/plan/training-record`,
      path: `${i}/plan/training-record`,
      body: {},
      headers: STALE,
      verdict: on('plan.write'),
      allowed: 400,
    },
    {
      method: 'GET',
      route: `${I}/checklists`,
      path: `${i}/checklists`,
      verdict: on('checklist.read'),
      allowed: 200,
    },
    {
      method: 'PATCH',
      route: `${I}/checklists`,
      path: `${i}/checklists`,
      body: {},
      headers: STALE,
      verdict: on('checklist.write'),
      allowed: 400,
    },
    {
      method: 'PATCH',
      route: `${I}/checklists`,
      variant: 'hide an item',
      path: `${i}/checklists`,
      body: { itemKey: f.checklistItemKey, hidden: true },
      headers: STALE,
      verdict: chain(on('checklist.write'), rule(can('internship.update'))),
      allowed: 409,
    },
    { method: 'GET', route: `${I}/moments`, path: `${i}/moments`, verdict: on('moments.read'), allowed: 200 },
    { method: 'GET', route: `${I}/history`, path: `${i}/history`, verdict: on('history.read'), allowed: 200 },

    // The folder
    {
      method: 'GET',
      route: `${I}/folder`,
      path: `${i}/folder`,
      verdict: on('folder.read'),
      allowed: 200,
      // The confidential part is in the folder only for who may read it (the target has confidential documents).
      inspect: (x, json) => {
        const shows = (json as { documents: { confidential: boolean }[] }).documents.some(
          (d) => d.confidential,
        );
        const should = can('confidential.read')(x);
        return shows === should ? undefined : `confidential documents shown: ${shows}, expected ${should}`;
      },
    },
    {
      method: 'GET',
      route: `${I}/folder/confidential`,
      path: `${i}/folder/confidential`,
      verdict: on('confidential.read'),
      allowed: 200,
    },
    {
      method: 'GET',
      route: `${I}/folder/documents/:docId`,
      variant: 'shared document',
      path: `${i}/folder/documents/${f.sharedDocId}`,
      verdict: on('folder.read'),
      allowed: 200,
    },
    {
      method: 'GET',
      route: `${I}/folder/documents/:docId`,
      variant: 'confidential document',
      path: `${i}/folder/documents/${f.confidentialDocId}`,
      // A confidential document is not found for who may not read the confidential part.
      verdict: chain(on('folder.read'), rule(can('confidential.read'), 404)),
      allowed: 200,
    },
    {
      method: 'PUT',
      route: `${I}/folder/documents`,
      variant: 'no file name',
      path: `${i}/folder/documents`,
      verdict: on('folder.write'),
      allowed: 400,
    },
    {
      method: 'PUT',
      route: `${I}/folder/documents`,
      variant: 'confidential type',
      path: `${i}/folder/documents?type=${confidentialType}`,
      verdict: chain(on('folder.write'), rule(can('confidential.write'))),
      allowed: 400,
    },

    // Final works
    {
      method: 'GET',
      route: `${I}/final-works`,
      path: `${i}/final-works`,
      verdict: on('finalWork.read'),
      allowed: 200,
    },
    {
      method: 'GET',
      route: `${I}/final-works/:workId`,
      path: `${i}/final-works/${f.finalWorkId}`,
      verdict: on('finalWork.read'),
      allowed: 200,
    },
    {
      method: 'PUT',
      route: `${I}/final-works`,
      variant: 'no file name',
      path: `${i}/final-works?title=Matrix`,
      verdict: on('finalWork.write'),
      allowed: 400,
    },
    {
      method: 'PATCH',
      route: `${I}/final-works/:workId`,
      variant: 'no body',
      path: `${i}/final-works/${f.finalWorkId}`,
      body: {},
      headers: STALE,
      verdict: on('finalWork.publish'),
      allowed: 400,
    },
    {
      method: 'PATCH',
      route: `${I}/final-works/:workId`,
      variant: 'publish a stale version',
      path: `${i}/final-works/${f.finalWorkId}`,
      body: { published: true },
      headers: STALE,
      verdict: on('finalWork.publish'),
      // Without the intern's consent publishing is refused before the version is even compared.
      allowed: target.overviewConsent ? 409 : 422,
    },

    // Evaluations and surveys
    {
      method: 'GET',
      route: `${I}/evaluations`,
      path: `${i}/evaluations`,
      verdict: on('internship.read'),
      allowed: 200,
      // The list holds exactly the records the caller may open one by one.
      inspect: (x, json) => {
        const ids = new Set((json as { records: { id: string }[] }).records.map((r) => r.id));
        const wrong = [
          [f.guideRecord, mayReadRecord(f.guideRecord, 'evaluation')] as const,
          [f.pulseRecord, mayReadRecord(f.pulseRecord, 'pulse')] as const,
        ].filter(([r, may]) => ids.has(r.id) !== may(x));
        return wrong.length === 0
          ? undefined
          : `records ${wrong.map(([r]) => `${r.questionnaire} ${r.id}`).join(', ')} listed wrongly`;
      },
    },
    {
      method: 'GET',
      route: `${I}/evaluations/:evaluationId`,
      variant: "mentor's follow-up, not shared",
      path: `${i}/evaluations/${f.guideRecord.id}`,
      verdict: chain(on('internship.read'), rule(mayReadRecord(f.guideRecord, 'evaluation'))),
      allowed: 200,
    },
    {
      method: 'GET',
      route: `${I}/evaluations/:evaluationId`,
      variant: "intern's well-being pulse",
      path: `${i}/evaluations/${f.pulseRecord.id}`,
      verdict: chain(on('internship.read'), rule(mayReadRecord(f.pulseRecord, 'pulse'))),
      allowed: 200,
    },
    evaluationPut('midTermEvaluation', { answers: {} }, 'evaluation.write'),
    evaluationPut('finalEvaluation', { answers: {} }, 'evaluation.write'),
    evaluationPut('followUp', { answers: {} }, 'evaluation.write'),
    evaluationPut('satisfactionMentor', { answers: {} }, 'survey.mentor.write'),
    evaluationPut('satisfactionIntern', { answers: {} }, 'survey.intern.write'),
    evaluationPut('wellbeingPulse', { answers: {} }, 'survey.intern.write'),
    {
      ...evaluationPut('midTermEvaluation', { answers: {}, sharedWithIntern: true }, 'evaluation.write'),
      variant: 'midTermEvaluation shared with the intern',
    },
    {
      // Only evaluations are shared, so sharing a survey is refused even to the one who fills it.
      ...evaluationPut('satisfactionIntern', { answers: {}, sharedWithIntern: true }, 'survey.intern.write'),
      variant: 'satisfactionIntern "shared"',
      verdict: chain(on('internship.read'), rule(can('survey.intern.write')), () => DENY_403),
    },

    // The journal
    {
      method: 'GET',
      route: `${I}/journal`,
      path: `${i}/journal`,
      verdict: chain(
        on('internship.read'),
        rule((x) => can('journal.read')(x) || can('journal.readShared')(x)),
      ),
      allowed: 200,
    },
    {
      method: 'POST',
      route: `${I}/journal/feedback`,
      path: `${i}/journal/feedback`,
      body: {},
      verdict: on('journal.write'),
      allowed: 400,
    },
    {
      method: 'POST',
      route: `${I}/journal/absences`,
      variant: 'outside the period',
      path: `${i}/journal/absences`,
      // Valid in form (the schema is checked before the rights here), refused for its dates after them.
      body: { from: '2001-01-01', to: '2001-01-02', kind: 'illness' },
      verdict: chain(
        on('internship.read'),
        rule((x) => can('journal.write')(x) || can('absence.writeOwn')(x)),
      ),
      allowed: 400,
    },

    // The needs analysis
    {
      method: 'GET',
      route: '/assignments',
      path: '/assignments?year=2026',
      verdict: org('assignments.propose'),
      allowed: 200,
      // A service head sees the proposals of the services they head only; the coordinator all of them.
      inspect: (x, json) => {
        const services = new Set((json as { items: { service: string }[] }).items.map((v) => v.service));
        const foreign = [...services].filter((k) => !canProposeForService(x, k));
        if (canInOrganisation(x, 'assignments.readAll') && !services.has(f.assignment.service))
          return `the coordinator does not see ${f.assignment.service}`;
        return foreign.length === 0 ? undefined : `sees assignments of ${foreign.join(', ')}`;
      },
    },
    {
      method: 'GET',
      route: '/assignments/people',
      path: '/assignments/people',
      verdict: org('assignments.propose'),
      allowed: 200,
    },
    {
      method: 'POST',
      route: '/assignments',
      variant: `for ${target.service}, bad Idempotency-Key`,
      path: '/assignments',
      // Valid in form (checked before the rights); the bad key is refused only after them, so nothing is created.
      body: {
        service: target.service,
        title: 'Permission matrix',
        description: 'Never created: the Idempotency-Key is refused.',
        places: 1,
        research: false,
      },
      headers: { 'idempotency-key': 'bad key!' },
      verdict: rule(
        (x) => canInOrganisation(x, 'assignments.propose') && canProposeForService(x, target.service),
      ),
      allowed: 400,
    },
    { method: 'GET', route: '/assignments/:id', path: a, verdict: seesAssignment, allowed: 200 },
    step('approve'),
    step('publish'),
    step('withdraw'),
    {
      method: 'POST',
      route: '/assignments/publication',
      path: '/assignments/publication',
      body: {},
      verdict: org('assignments.select'),
      allowed: 400,
    },

    // Applications
    {
      method: 'GET',
      route: '/applications',
      path: '/applications',
      verdict: org('applications.manage'),
      allowed: 200,
    },
    {
      method: 'POST',
      route: '/applications',
      path: '/applications',
      body: {},
      verdict: org('applications.manage'),
      allowed: 400,
    },
    {
      method: 'GET',
      route: '/applications/:id',
      path: app,
      verdict: org('applications.manage'),
      allowed: 200,
    },
    {
      method: 'PATCH',
      route: '/applications/:id',
      path: app,
      body: {},
      headers: STALE,
      verdict: org('applications.manage'),
      allowed: 409,
    },
    {
      method: 'GET',
      route: '/applications/:id/intake',
      path: `${app}/intake`,
      verdict: org('applications.manage'),
      allowed: 200,
    },
    {
      method: 'PUT',
      route: '/applications/:id/intake',
      path: `${app}/intake`,
      body: {},
      verdict: org('applications.manage'),
      allowed: 400,
    },
    {
      method: 'POST',
      route: '/applications/:id/internship',
      path: `${app}/internship`,
      body: { unexpected: true },
      verdict: org('applications.manage'),
      allowed: 400,
    },

    // Partners
    { method: 'GET', route: '/partners', path: '/partners', verdict: org('partners.manage'), allowed: 200 },
    { method: 'GET', route: '/partners/:id', path: p, verdict: org('partners.manage'), allowed: 200 },
    {
      method: 'POST',
      route: '/partners',
      path: '/partners',
      body: {},
      verdict: org('partners.manage'),
      allowed: 400,
    },
    {
      method: 'PUT',
      route: '/partners/:id',
      path: p,
      body: {},
      headers: STALE,
      verdict: org('partners.manage'),
      allowed: 400,
    },
    {
      method: 'POST',
      route: '/partners/:id/reviewed',
      path: `${p}/reviewed`,
      verdict: org('partners.manage'),
      allowed: 400,
    },
    { method: 'DELETE', route: '/partners/:id', path: p, verdict: org('partners.manage'), allowed: 400 },

    // Policy, settings, report
    {
      method: 'GET',
      route: '/policy/regulation',
      path: '/policy/regulation',
      verdict: org('policy.read'),
      allowed: 200,
    },
    { method: 'GET', route: '/policy', path: '/policy', verdict: org('policy.manage'), allowed: 200 },
    {
      method: 'PUT',
      route: '/policy',
      path: '/policy',
      body: {},
      verdict: org('policy.manage'),
      allowed: 400,
    },
    { method: 'GET', route: '/settings', path: '/settings', verdict: org('settings.manage'), allowed: 200 },
    {
      method: 'PUT',
      route: '/settings',
      path: '/settings',
      body: {},
      verdict: org('settings.manage'),
      allowed: 400,
    },
    {
      method: 'GET',
      route: '/reports/yearly',
      path: '/reports/yearly',
      verdict: org('reports.read'),
      allowed: 200,
    },
    {
      method: 'GET',
      route: '/reports/yearly/export',
      path: '/reports/yearly/export?format=csv',
      verdict: org('reports.read'),
      allowed: 200,
    },
  ];
}

// ---------- HTTP ----------

async function send(row: Row, authorization: string | undefined): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${stack.stagemap.url}/api${row.path}`, {
    method: row.method,
    headers: {
      'x-stagemap-locale': 'en',
      ...(authorization ? { authorization } : {}),
      ...(row.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...row.headers,
    },
    ...(row.body === undefined ? {} : { body: JSON.stringify(row.body) }),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, json };
}

const label = (row: Row, who: string) =>
  `${row.method} ${row.route}${row.variant ? ` [${row.variant}]` : ''} as ${who}`;

/** Method and path of every route the API routers declare, nested routers included. */
function declaredRoutes(): string[] {
  interface Layer {
    route?: { path: string; methods: Record<string, boolean> };
    handle: { stack?: Layer[] };
  }
  const out: string[] = [];
  const walk = (stack: Layer[]) => {
    for (const l of stack) {
      if (l.route)
        for (const m of Object.keys(l.route.methods))
          if (m !== '_all') out.push(`${m.toUpperCase()} ${l.route.path}`);
      if (!l.route && Array.isArray(l.handle.stack)) walk(l.handle.stack);
    }
  };
  for (const make of API_ROUTERS) walk((make(stack.stagemap.deps) as Router & { stack: Layer[] }).stack);
  return [...new Set(out)].sort();
}

describe('the API permission matrix (issue #5)', { timeout: 120_000 }, () => {
  it('has a row for every route the API declares', () => {
    const covered = [...new Set(rows.map((r) => `${r.method} ${r.route}`))].sort();
    expect(covered).toEqual(declaredRoutes());
  });

  it('answers every route × caller cell as access.ts says', async () => {
    const started = performance.now();
    const failures: string[] = [];
    let allowCells = 0;
    let denyCells = 0;
    let unauthCells = 0;
    // Routes one after the other (the seeded site is shared), the callers of one route in parallel.
    for (const row of rows) {
      const cells = await Promise.all([
        ...CALLERS.map(async (c) => {
          const actor = actors.get(c)!;
          const want = row.verdict(actor);
          const got = await send(row, `Bearer ${tokens.get(c)!}`);
          const expected = want.allow ? row.allowed : want.status;
          if (want.allow) allowCells += 1;
          else denyCells += 1;
          if (got.status !== expected)
            return `${label(row, c)}: expected ${expected} (${want.allow ? 'allowed' : 'denied'}), got ${got.status} ${JSON.stringify(got.json).slice(0, 200)}`;
          if (want.allow && row.inspect) {
            const problem = row.inspect(actor, got.json);
            if (problem) return `${label(row, c)}: ${problem}`;
          }
          return undefined;
        }),
        ...[undefined, 'Bearer not-a-token'].map(async (authorization) => {
          unauthCells += 1;
          const got = await send(row, authorization);
          return got.status === 401
            ? undefined
            : `${label(row, authorization ? 'a forged token' : 'nobody')}: expected 401, got ${got.status}`;
        }),
      ]);
      failures.push(...cells.filter((x): x is string => x !== undefined));
    }
    const ms = Math.round(performance.now() - started);
    console.log(
      `permission matrix: ${rows.length} rows (${new Set(rows.map((r) => `${r.method} ${r.route}`)).size} routes) × ` +
        `${CALLERS.length} callers on ${target.key}: ${allowCells} allowed, ${denyCells} denied, ` +
        `${unauthCells} unauthenticated cells, ${failures.length} mismatches, ${ms} ms`,
    );
    expect(failures, failures.join('\n')).toEqual([]);
  });
});
