import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../scripts/lib/local-stack';
import type { Internship } from '../../src/domain/internship';
import type { AbsenceView, FeedbackView, JournalView } from '../../src/domain/views-records';
import { DEMO_USERS, type DemoUser } from '../../src/emulator/demo-directory';
import { startStack } from '../e2e/support/stack';
import { apiClient } from './support/api-client';

// Feedback and absences over HTTP against the `npm start` stack.
let stack: LocalStack;
let internship: Internship;
let intern: DemoUser;
let mentor: DemoUser;

beforeAll(async () => {
  stack = await startStack();
  const users = new Map(DEMO_USERS.map((u) => [u.id, u]));
  const all = await stack.stagemap.deps.repos.internships.all();
  const found = all.find(
    (i) => i.phase === 'execution' && users.has(i.intern.id) && i.mentor && users.has(i.mentor.id),
  )!;
  internship = found;
  intern = users.get(found.intern.id)!;
  mentor = users.get(found.mentor!.id)!;
}, 180_000);
afterAll(() => stack?.close());

const { call } = apiClient(() => stack);

const base = () => `/internships/${internship.id}/journal`;
interface ErrorBody {
  error: { fields?: { path: string; message: string }[] };
}

describe('feedback and absences over HTTP', { timeout: 90_000 }, () => {
  it('the mentor logs an absence; it is stored', async () => {
    const res = await call<AbsenceView>(mentor, 'POST', `${base()}/absences`, {
      json: { from: internship.startDate, to: internship.startDate, kind: 'illness', schoolInformed: true },
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ kind: 'illness', schoolInformed: true, author: { id: mentor.id } });
    const stored = await stack.stagemap.deps.repos.journal.absences(internship.key);
    expect(stored.find((a) => a.id === res.json.id)).toMatchObject({
      date: internship.startDate,
      to: internship.startDate,
      kind: 'illness',
      schoolInformed: true,
      authorOid: mentor.id,
    });
  });

  it('the intern logs their own absence, within the internship period only', async () => {
    const ok = await call<AbsenceView>(intern, 'POST', `${base()}/absences`, {
      json: { from: internship.endDate, to: internship.endDate, kind: 'school', note: 'Examen' },
    });
    expect(ok.status).toBe(201);
    const outside = await call<ErrorBody>(intern, 'POST', `${base()}/absences`, {
      lang: 'nl',
      json: { from: '2001-01-01', to: '2001-01-02', kind: 'planned' },
    });
    expect(outside.status).toBe(400);
    expect(outside.json.error.fields?.[0]?.message).toMatch(
      /^De afwezigheid moet binnen de stageperiode vallen/,
    );
    const badKind = await call<ErrorBody>(intern, 'POST', `${base()}/absences`, {
      lang: 'de',
      json: { from: internship.endDate, to: internship.endDate, kind: 'sick' },
    });
    expect(badKind.status).toBe(400);
    expect(badKind.json.error.fields).toEqual([
      { path: 'kind', message: 'Wählen Sie einen der angebotenen Werte.' },
    ]);
    const reversed = await call<ErrorBody>(intern, 'POST', `${base()}/absences`, {
      lang: 'de',
      json: { from: internship.endDate, to: internship.startDate, kind: 'planned' },
    });
    expect(reversed.status).toBe(400);
    expect(reversed.json.error.fields).toEqual([
      { path: 'to', message: 'Das Enddatum darf nicht vor dem Anfangsdatum liegen.' },
    ]);
    const absences = await stack.stagemap.deps.repos.journal.absences(internship.key);
    expect(absences.filter((a) => a.authorOid === intern.id)).toHaveLength(1);
  });

  it('the intern sees only the feedback shared with them and cannot write feedback', async () => {
    const shared = await call<FeedbackView>(mentor, 'POST', `${base()}/feedback`, {
      json: {
        date: internship.startDate,
        direction: 'toIntern',
        note: 'Sterke analyse, concreet en op tijd.',
      },
    });
    const privateNote = await call<FeedbackView>(mentor, 'POST', `${base()}/feedback`, {
      json: {
        date: internship.startDate,
        direction: 'toIntern',
        note: 'Voor mezelf: volgende week de planning bespreken.',
        visibleToIntern: false,
      },
    });
    expect([shared.status, privateNote.status]).toEqual([201, 201]);
    const asIntern = await call<JournalView>(intern, 'GET', base());
    expect(asIntern.status).toBe(200);
    expect(asIntern.json.sharedOnly).toBe(true);
    expect(asIntern.json.canWrite).toBe(false);
    expect(asIntern.json.canLogOwnAbsence).toBe(true);
    const ids = asIntern.json.feedback.map((f) => f.id);
    expect(ids).toContain(shared.json.id);
    expect(ids).not.toContain(privateNote.json.id);
    const asMentor = await call<JournalView>(mentor, 'GET', base());
    expect(asMentor.json.feedback.map((f) => f.id)).toEqual(
      expect.arrayContaining([shared.json.id, privateNote.json.id]),
    );
    expect(asMentor.json.absences.length).toBeGreaterThanOrEqual(2);

    const byIntern = await call(intern, 'POST', `${base()}/feedback`, {
      json: { date: internship.startDate, direction: 'fromIntern', note: 'x' },
    });
    expect(byIntern.status).toBe(403);
  });

  it('a staff member does not find the journal', async () => {
    const staff = DEMO_USERS.find((u) => u.role === 'staff')!;
    expect((await call(staff, 'GET', base())).status).toBe(404);
  });
});
