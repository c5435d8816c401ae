import { localDateOf } from '../../src/domain/brussels-time';
import { purgeAfterDate } from '../../src/domain/retention';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../scripts/lib/local-stack';
import { CHECKLIST_TEMPLATES } from '../../src/domain/checklists';
import { DOCUMENTS_REQUIRED_BEFORE_START } from '../../src/domain/documents';
import type { Internship } from '../../src/domain/internship';
import { GATE_REASON_TEXTS } from '../../src/domain/phases';
import type { InternshipView } from '../../src/domain/views';
import type { ChecklistsView, DecisionResultView, MomentView } from '../../src/domain/views-workflow';
import { DEMO_USERS, type DemoUser } from '../../src/emulator/demo-directory';
import { LIBRARY } from '../../src/graph/folders/internship-folders';
import { drivePath } from '../../src/graph/odata';
import { startStack } from '../e2e/support/stack';
import { apiClient } from './support/api-client';

// The internship workflow (issue #5) over HTTP against the `npm start` stack: gates, decision side effects,
// checklists, stop, and ETag conflicts.
let stack: LocalStack;
const byRole = (role: DemoUser['role'], n = 0) => DEMO_USERS.filter((u) => u.role === role)[n]!;
const coordinator = byRole('coordinator');
const mentor = byRole('mentor');
const backup = byRole('backup');
const staff = byRole('staff');

beforeAll(async () => {
  stack = await startStack();
}, 180_000);
afterAll(() => stack?.close());

const { call } = apiClient(() => stack);

interface ErrorBody {
  error: {
    code: string;
    message: string;
    fields?: { path: string; message: string }[];
    reasons?: { code: string; message: string }[];
    current?: InternshipView;
  };
}

const read = async (id: string) =>
  (await call<InternshipView>(coordinator, 'GET', `/internships/${id}`)).json;

let n = 0;
/** A fresh internship of our own, so tests do not depend on (or disturb) the seeded ones. */
async function arrange(overrides: Partial<Internship>): Promise<Internship> {
  n += 1;
  const now = Date.now();
  return stack.stagemap.deps.repos.internships.create({
    key: `wf-api-${n}-${now}`,
    phase: 'decision',
    intern: { id: '', displayName: `Test Stagiair ${n}`, email: `stagiair${n}@student.example.be` },
    service: 'ict',
    topic: 'Toegankelijkheid van formulieren',
    startDate: '2027-02-01',
    endDate: '2027-04-30',
    overviewConsent: false,
    interviewAt: new Date(now - 2 * 86_400_000).toISOString(),
    ...overrides,
  });
}

/** The intake report that preparation needs (toolbox B3). */
async function recordIntake(i: Internship) {
  await stack.stagemap.deps.repos.evaluations.create({
    key: `${i.key}:intake`,
    internshipKey: i.key,
    questionnaire: 'intake',
    respondentOid: coordinator.id,
    answers: { 'intake.match': 4 },
    submittedAt: new Date().toISOString(),
  });
}

const INTAKE_ANSWERS = {
  'intake.motivation': 'Wil bijleren over toegankelijkheid <script>alert(1)</script>',
  'intake.topic': 'Formulieren toegankelijk maken',
  'intake.level': 'master',
  'intake.schoolAssignments': 'Stageverslag en presentatie',
  'intake.organisationPresented': true,
  'intake.goalExplained': true,
  'intake.regulationExplained': true,
  'intake.selorExplained': 'true',
  'intake.match': '4',
  'intake.mentorAdvice': 'favourable',
  'intake.coordinatorAdvice': 'favourable',
};

describe('internship workflow over HTTP', { timeout: 90_000 }, () => {
  it('preparation → decision needs the interview and its report; the interview is validated', async () => {
    const i = await arrange({ phase: 'preparation', mentor: { id: mentor.id, displayName: '' } });
    const stored = await stack.stagemap.deps.repos.internships.getById(i.id);
    await stack.stagemap.deps.repos.internships.update(stored!, { interviewAt: undefined });
    let v = await read(i.id);
    const refused = await call<ErrorBody>(coordinator, 'POST', `/internships/${i.id}/advance`, {
      ifMatch: v.etag,
      json: {},
      lang: 'fr',
    });
    expect(refused.status).toBe(422);
    expect(refused.json.error.reasons?.map((r) => r.code).sort()).toEqual(
      ['interviewNotHeld', 'interviewReportMissing'].sort(),
    );
    expect(refused.json.error.reasons?.find((r) => r.code === 'interviewNotHeld')?.message).toBe(
      GATE_REASON_TEXTS.interviewNotHeld.fr,
    );

    const incomplete = await call<ErrorBody>(coordinator, 'POST', `/internships/${i.id}/interview`, {
      ifMatch: v.etag,
      json: {
        interviewAt: new Date(Date.now() - 3_600_000).toISOString(),
        answers: { 'intake.level': 'phd' },
      },
      lang: 'nl',
    });
    expect(incomplete.status).toBe(400);
    const paths = incomplete.json.error.fields!.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['answers.intake.motivation', 'answers.intake.level']));
    expect(incomplete.json.error.fields!.find((f) => f.path === 'answers.intake.motivation')?.message).toBe(
      'Dit veld is verplicht.',
    );

    const recorded = await call<InternshipView>(coordinator, 'POST', `/internships/${i.id}/interview`, {
      ifMatch: v.etag,
      json: { interviewAt: new Date(Date.now() - 3_600_000).toISOString(), answers: INTAKE_ANSWERS },
    });
    expect(recorded.status).toBe(200);
    expect(recorded.json.interviewAt).toBeTruthy();
    const intake = await stack.stagemap.deps.repos.evaluations.getByKey(`${i.key}:intake`);
    expect(intake?.answers['intake.match']).toBe(4);
    expect(intake?.answers['intake.selorExplained']).toBe(true);

    v = await read(i.id);
    const moved = await call<InternshipView>(coordinator, 'POST', `/internships/${i.id}/advance`, {
      ifMatch: v.etag,
      json: {},
    });
    expect(moved.status).toBe(200);
    expect(moved.json.phase).toBe('decision');
  });

  it('refuses an acceptance without mentor and back-up, with the localized reasons', async () => {
    const i = await arrange({});
    await recordIntake(i);
    const v = await read(i.id);
    const res = await call<ErrorBody>(coordinator, 'POST', `/internships/${i.id}/decision`, {
      ifMatch: v.etag,
      json: { decision: 'accepted' },
      lang: 'nl',
    });
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe('gateClosed');
    expect(res.json.error.reasons).toEqual([
      { code: 'missingMentor', message: GATE_REASON_TEXTS.missingMentor.nl },
      { code: 'missingBackup', message: GATE_REASON_TEXTS.missingBackup.nl },
    ]);
    // Nothing changed: no decision, no checklist items.
    expect((await read(i.id)).decision).toBeUndefined();
    expect(await stack.stagemap.deps.repos.checklistItems.byInternship(i.key)).toEqual([]);
    // Only the coordinator decides; staff do not even learn the internship exists.
    const asMentor = await call(mentor, 'POST', `/internships/${i.id}/decision`, {
      ifMatch: v.etag,
      json: { decision: 'accepted' },
    });
    expect(asMentor.status).toBe(404);
    const asStaff = await call(staff, 'POST', `/internships/${i.id}/decision`, {
      ifMatch: v.etag,
      json: { decision: 'accepted' },
    });
    expect(asStaff.status).toBe(404);
  });

  it('never decides during the interview', async () => {
    const i = await arrange({
      interviewAt: new Date(Date.now() + 3_600_000).toISOString(),
      mentor: { id: mentor.id, displayName: '' },
      backup: { id: backup.id, displayName: '' },
    });
    await recordIntake(i);
    const v = await read(i.id);
    const res = await call<ErrorBody>(coordinator, 'POST', `/internships/${i.id}/decision`, {
      ifMatch: v.etag,
      json: { decision: 'refused' },
    });
    expect(res.status).toBe(422);
    expect(res.json.error.reasons?.map((r) => r.code)).toEqual(['decisionDuringInterview']);
  });

  it('accepting after the interview creates the folder, the checklists and the moments, and mails the candidate', async () => {
    const i = await arrange({});
    await recordIntake(i);
    const v = await read(i.id);
    const res = await call<DecisionResultView>(coordinator, 'POST', `/internships/${i.id}/decision`, {
      ifMatch: v.etag,
      json: { decision: 'accepted', mentorId: mentor.id, backupId: backup.id },
    });
    expect(res.status).toBe(200);
    expect(res.json.internship.decision).toBe('accepted');
    expect(res.json.internship.mentor?.id).toBe(mentor.id);
    expect(res.json.internship.backup?.id).toBe(backup.id);

    // The folder exists in the Stagemap library and is shared with mentor and back-up.
    const folders = stack.stagemap.deps.folders;
    const driveId = await folders.driveId(LIBRARY);
    const folder = await stack.stagemap.graph.get<{ id: string; name: string }>(
      `/drives/${driveId}/root:/${drivePath(res.json.folder!.name)}`,
    );
    expect(folder.name).toBe(folders.folderName(i));
    const perms = await stack.stagemap.graph.get<{ value: { grantedToV2?: { user?: { id?: string } } }[] }>(
      `/drives/${driveId}/items/${folder.id}/permissions`,
    );
    const granted = perms.value.map((p) => p.grantedToV2?.user?.id);
    expect(granted).toEqual(expect.arrayContaining([mentor.id, backup.id]));

    // Checklists from the templates plus the organisation's custom item; moments from the schedule.
    const settings = await stack.stagemap.deps.organisation.current();
    const items = await stack.stagemap.deps.repos.checklistItems.byInternship(i.key);
    expect(items).toHaveLength(CHECKLIST_TEMPLATES.length + settings.customChecklistItems.length);
    expect(res.json.checklistItems).toBe(items.length);
    const moments = await call<{ items: MomentView[] }>(coordinator, 'GET', `/internships/${i.id}/moments`);
    expect(moments.json.items.length).toBeGreaterThan(5);
    expect(moments.json.items.map((m) => m.kind)).toEqual(
      expect.arrayContaining(['prepareArrival', 'firstDay', 'finalEvaluation']),
    );
    expect(moments.json.items.every((m) => m.state === 'planned')).toBe(true);

    // The decision mail went to the candidate, from the first coordinator's mailbox.
    expect(res.json.mailSent).toBe(true);
    const outbox = (await (
      await fetch(`${stack.emulator.url}/_emulator/outbox?to=${encodeURIComponent(i.intern.email!)}`)
    ).json()) as { value: { subject: string; from: { address: string } }[] };
    expect(outbox.value).toHaveLength(1);
    expect(outbox.value[0]!.subject).toMatch(/stage/i);
  });

  it('refuses the start while the logistics checklist is open, allows it once every item is ticked', async () => {
    const i = await arrange({});
    await recordIntake(i);
    let v = await read(i.id);
    const decided = await call<DecisionResultView>(coordinator, 'POST', `/internships/${i.id}/decision`, {
      ifMatch: v.etag,
      json: { decision: 'accepted', mentorId: mentor.id, backupId: backup.id },
    });
    expect(decided.status).toBe(200);
    // The required documents arrive in the folder (the folder feature's upload; arranged here directly).
    await stack.stagemap.deps.folders.uploadMany(
      i,
      DOCUMENTS_REQUIRED_BEFORE_START.map((d) => ({
        name: `${d.key}.pdf`,
        content: new TextEncoder().encode(`%PDF ${d.key}`),
        documentType: d.key,
      })),
    );

    v = await read(i.id);
    const refused = await call<ErrorBody>(coordinator, 'POST', `/internships/${i.id}/advance`, {
      ifMatch: v.etag,
      json: {},
    });
    expect(refused.status).toBe(422);
    expect(refused.json.error.reasons?.map((r) => r.code)).toEqual(['logisticsOpen']);
    expect(refused.json.error.reasons?.[0]?.message).toContain('Check that insurance is arranged');

    const lists = await call<ChecklistsView>(coordinator, 'GET', `/internships/${i.id}/checklists`);
    const logistics = lists.json.checklists.find((c) => c.kind === 'logistics')!;
    expect(logistics.open).toBeGreaterThan(0);
    // A stale item version is refused, not overwritten.
    const first = logistics.items[0]!;
    const stale = await call<ErrorBody>(coordinator, 'PATCH', `/internships/${i.id}/checklists`, {
      ifMatch: '"stale"',
      json: { itemKey: first.itemKey, done: true },
    });
    expect(stale.status).toBe(409);
    for (const item of logistics.items.filter((x) => !x.done && !x.optional)) {
      const ticked = await call<{ done: boolean; doneBy?: { id: string } }>(
        coordinator,
        'PATCH',
        `/internships/${i.id}/checklists`,
        { ifMatch: item.etag, json: { itemKey: item.itemKey, done: true } },
      );
      expect(ticked.status).toBe(200);
      expect(ticked.json.doneBy?.id).toBe(coordinator.id);
    }

    v = await read(i.id);
    expect(v.gate?.ok).toBe(true);
    const started = await call<InternshipView>(coordinator, 'POST', `/internships/${i.id}/advance`, {
      ifMatch: v.etag,
      json: {},
    });
    expect(started.status).toBe(200);
    expect(started.json.phase).toBe('execution');
  });

  it('stopping requires who and why, then cancels what was planned', async () => {
    const i = await arrange({});
    await recordIntake(i);
    let v = await read(i.id);
    await call(coordinator, 'POST', `/internships/${i.id}/decision`, {
      ifMatch: v.etag,
      json: { decision: 'accepted', mentorId: mentor.id, backupId: backup.id },
    });
    v = await read(i.id);
    const empty = await call<ErrorBody>(coordinator, 'POST', `/internships/${i.id}/stop`, {
      ifMatch: v.etag,
      json: {},
      lang: 'de',
    });
    expect(empty.status).toBe(400);
    expect(empty.json.error.fields?.map((f) => f.path).sort()).toEqual(['reason', 'stoppedBy']);
    expect(empty.json.error.fields?.find((f) => f.path === 'reason')?.message).toBe(
      'Dieses Feld ist erforderlich.',
    );
    expect(empty.json.error.fields?.find((f) => f.path === 'stoppedBy')?.message).toBe(
      'Wählen Sie einen der angebotenen Werte.',
    );
    const blank = await call<ErrorBody>(coordinator, 'POST', `/internships/${i.id}/stop`, {
      ifMatch: v.etag,
      json: { stoppedBy: 'school', reason: '   ' },
    });
    expect(blank.status).toBe(400);
    expect(blank.json.error.fields?.map((f) => f.path)).toEqual(['reason']);

    const stopped = await call<InternshipView>(coordinator, 'POST', `/internships/${i.id}/stop`, {
      ifMatch: v.etag,
      json: { stoppedBy: 'school', reason: 'De school heeft de opleiding stopgezet.' },
    });
    expect(stopped.status).toBe(200);
    expect(stopped.json.phase).toBe('stopped');
    expect(stopped.json.stoppedBy).toBe('school');
    expect(stopped.json.stopReason).toBe('De school heeft de opleiding stopgezet.');
    const moments = await stack.stagemap.deps.repos.moments.byInternship(i.key);
    expect(moments.length).toBeGreaterThan(0);
    expect(moments.every((m) => m.state === 'cancelled')).toBe(true);
    // The retention clock starts: the Settings' period after the later of the planned end and today.
    const stored = await stack.stagemap.deps.repos.internships.getById(i.id);
    const settings = await stack.stagemap.deps.organisation.current();
    expect(stored?.purgeAfter).toBe(
      purgeAfterDate(
        i.endDate,
        localDateOf(stack.stagemap.deps.clock.now().toISOString()),
        settings.retentionMonths,
      ),
    );
  });

  it('two PATCHes with the same ETag: one wins, the other gets 409 with the current version', async () => {
    const i = await arrange({ phase: 'preparation' });
    const v = await read(i.id);
    const [a, b] = await Promise.all([
      call<InternshipView | ErrorBody>(coordinator, 'PATCH', `/internships/${i.id}`, {
        ifMatch: v.etag,
        json: { topic: 'Versie A' },
      }),
      call<InternshipView | ErrorBody>(coordinator, 'PATCH', `/internships/${i.id}`, {
        ifMatch: v.etag,
        json: { topic: 'Versie B' },
      }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = (a.status === 200 ? a : b).json as InternshipView;
    const loser = (a.status === 409 ? a : b).json as ErrorBody;
    expect(loser.error.code).toBe('conflict');
    expect(loser.error.current?.topic).toBe(winner.topic);
    expect(loser.error.current?.etag).toBe(winner.etag);
    // The loser re-saves on the current version: that is allowed and wins now.
    const again = await call<InternshipView>(coordinator, 'PATCH', `/internships/${i.id}`, {
      ifMatch: loser.error.current!.etag,
      json: { topic: winner.topic === 'Versie A' ? 'Versie B' : 'Versie A' },
    });
    expect(again.status).toBe(200);
    expect((await read(i.id)).topic).toBe(again.json.topic);
    // Without If-Match nothing is written.
    const blind = await call<ErrorBody>(coordinator, 'PATCH', `/internships/${i.id}`, {
      json: { topic: 'X' },
    });
    expect(blind.status).toBe(400);
  });

  it('keeps the plan with the internship: projects, SMART milestones and the training record', async () => {
    const i = await arrange({ mentor: { id: mentor.id, displayName: '' } });
    let v = await read(i.id);
    const plan = {
      projects: [{ key: 'p1', title: 'Formulieren', description: 'Audit van de formulieren' }],
      milestones: [
        {
          key: 'm1',
          title: 'Audit klaar',
          smartCriteria: '20 formulieren getoetst tegen WCAG 2.1 AA',
          projectKey: 'p1',
        },
      ],
    };
    const bad = await call<ErrorBody>(mentor, 'PUT', `/internships/${i.id}/plan`, {
      ifMatch: v.etag,
      json: { ...plan, milestones: [{ ...plan.milestones[0], projectKey: 'nope' }] },
    });
    expect(bad.status).toBe(400);
    const saved = await call<InternshipView>(mentor, 'PUT', `/internships/${i.id}/plan`, {
      ifMatch: v.etag,
      json: plan,
    });
    expect(saved.status).toBe(200);
    expect(saved.json.plan?.milestones[0]?.status).toBe('open');
    v = await read(i.id);
    const entry = await call<InternshipView>(mentor, 'POST', `/internships/${i.id}/plan/training-record`, {
      ifMatch: v.etag,
      json: { date: '2027-02-15', milestoneKey: 'm1', note: 'Eerste tien formulieren getoetst.' },
    });
    expect(entry.status).toBe(200);
    expect(entry.json.plan?.trainingRecord).toHaveLength(1);
    expect(entry.json.plan?.trainingRecord[0]?.authorOid).toBe(mentor.id);
  });
});
