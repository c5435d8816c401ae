import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../scripts/lib/local-stack';
import type { AttentionEntryView, AttentionView } from '../../src/domain/attention-views';
import { atLocalTime, localDateOf } from '../../src/domain/brussels-time';
import { DOCUMENTS_REQUIRED_BEFORE_START } from '../../src/domain/documents';
import type { Internship, IsoDate, PersonRef } from '../../src/domain/internship';
import { questionnaire } from '../../src/domain/questionnaires';
import { belgianWorkCalendar, fromEpochDay, toEpochDay } from '../../src/domain/workdays';
import { DEMO_USERS, type DemoUser } from '../../src/emulator/demo-directory';
import type { Stored } from '../../src/graph/repositories/list-repository';
import { demoPdf } from '../../src/graph/seed/demo-plan';
import { demoUser, startStack } from '../e2e/support/stack';
import { apiClient } from './support/api-client';

// GET /api/attention (issue #5, the homes) over HTTP against the `npm start` stack: a seeded situation of our own
// (a card sent and not answered, a late checklist item, a red follow-up, start documents missing) as the
// coordinator, the mentor, another mentor, a service head and a staff member see it, and what the call costs.
let stack: LocalStack;
const calendar = belgianWorkCalendar();
const coordinator = demoUser('coordinator');
const mentor = demoUser('mentor', 0);
const otherMentor = demoUser('mentor', 1);
const backup = demoUser('backup', 0);
const staff = demoUser('staff');
const { token } = apiClient(() => stack);

async function attention(u: DemoUser, lang = 'en'): Promise<{ status: number; json: AttentionView }> {
  const res = await fetch(`${stack.stagemap.url}/api/attention`, {
    headers: { authorization: `Bearer ${await token(u)}`, 'x-stagemap-locale': lang },
  });
  return { status: res.status, json: (await res.json()) as AttentionView };
}

const ref = (u: DemoUser): PersonRef => ({ id: u.id, displayName: u.displayName });
const addDays = (d: IsoDate, n: number) => fromEpochDay(toEpochDay(d) + n);
const about = (v: AttentionView, i: Internship) => v.overdue.filter((e) => e.internship.key === i.key);

let today: IsoDate;
let running: Stored<Internship>;
let arriving: Stored<Internship>;
let service: string;
let head: DemoUser | undefined;
const followUpDue = () => calendar.addWorkdays(today, -4);
const itemDue = () => calendar.addWorkdays(today, -2);

beforeAll(async () => {
  stack = await startStack();
  const { repos, folders, organisation, clock } = stack.stagemap.deps;
  today = localDateOf(clock.now().toISOString());
  const settings = await organisation.current();
  const withHead = settings.services.find((s) => s.headOid && s.headOid !== mentor.id)!;
  service = withHead.key;
  head = DEMO_USERS.find((u) => u.id === withHead.headOid);
  const stamp = Date.now();
  const base = {
    intern: { id: '', displayName: 'Attentie Stagiair', email: 'attentie@student.example.be' },
    service,
    topic: 'Wat te laat is',
    mentor: ref(mentor),
    backup: ref(backup),
    coordinator: ref(coordinator),
    overviewConsent: false,
    decision: 'accepted' as const,
  };
  running = await repos.internships.create({
    ...base,
    key: `att-run-${stamp}`,
    phase: 'execution',
    intern: { ...base.intern, displayName: 'Zoë Attentie' },
    startDate: addDays(today, -30),
    endDate: addDays(today, 40),
  });
  // Starts in three workdays: the start documents were due two workdays ago.
  arriving = await repos.internships.create({
    ...base,
    key: `att-arr-${stamp}`,
    phase: 'decision',
    intern: { ...base.intern, displayName: 'Arno Attentie' },
    startDate: calendar.addWorkdays(today, 3),
    endDate: addDays(today, 80),
  });

  const sendAt = atLocalTime(followUpDue(), '09:00');
  await repos.moments.create({
    key: `${running.key}:followUp:2`,
    internshipId: running.key,
    kind: 'followUp',
    seq: 2,
    dueDate: followUpDue(),
    sendAt,
    recipients: ['mentor'],
    escalateAt: atLocalTime(calendar.addWorkdays(followUpDue(), 3), '09:00'),
    digestAt: atLocalTime(calendar.addWorkdays(followUpDue(), 5), '09:00'),
    state: 'sent',
    recipientOids: [mentor.id],
    attempts: 1,
    log: [{ at: sendAt, event: 'sent', oid: mentor.id, channel: 'teams' }],
  });
  await repos.checklistItems.create({
    key: `${running.key}:cl:mentorPreparation.projects`,
    internshipKey: running.key,
    checklist: 'mentorPreparation',
    templateKey: 'mentorPreparation.projects',
    done: false,
    hidden: false,
    dueDate: itemDue(),
    assigneeOid: mentor.id,
  });
  await repos.evaluations.create({
    key: `${running.key}:followUp:1:answer`,
    internshipKey: running.key,
    questionnaire: 'followUp',
    momentKey: `${running.key}:followUp:1`,
    respondentOid: mentor.id,
    answers: { 'followUp.status': 'red', 'followUp.concerns': 'Komt niet meer opdagen.' },
    submittedAt: atLocalTime(calendar.addWorkdays(today, -6), '15:00'),
  });
  // Under way, so its start documents are in: nothing of it is missing.
  await folders.uploadMany(
    running,
    DOCUMENTS_REQUIRED_BEFORE_START.map((d) => ({
      name: `${d.key}.pdf`,
      content: demoPdf(d.name.nl, ['Zoë Attentie']),
      documentType: d.key,
    })),
  );
  await folders.upload(arriving, {
    name: 'overeenkomst.pdf',
    content: demoPdf('Stageovereenkomst', ['Arno Attentie']),
    documentType: 'schoolAgreement',
  });
}, 180_000);
afterAll(() => stack?.close());

describe('GET /api/attention over HTTP', { timeout: 90_000 }, () => {
  it('shows the coordinator each kind of overdue entry, with its lateness, who it waits for and where', async () => {
    const { status, json } = await attention(coordinator);
    expect(status).toBe(200);
    expect(json.today).toBe(today);
    const mine = about(json, running);
    const late = (since: IsoDate) => calendar.workdaysBetween(since, today);
    expect(mine.find((e) => e.kind === 'unansweredMoment')).toEqual({
      id: `unansweredMoment:${running.key}:followUp:2`,
      kind: 'unansweredMoment',
      internship: {
        id: running.id,
        key: running.key,
        internName: 'Zoë Attentie',
        serviceName: expect.any(String),
      },
      title: expect.stringMatching(/ 2$/),
      since: followUpDue(),
      workdaysLate: 4,
      waitsFor: [
        { role: 'mentor', person: expect.objectContaining({ id: mentor.id, name: mentor.displayName }) },
      ],
      state: 'sent',
      section: 'moments',
      anchor: 'moments-title',
    });
    expect(mine.find((e) => e.kind === 'lateChecklistItem')).toMatchObject({
      since: itemDue(),
      workdaysLate: 2,
      waitsFor: [{ role: 'mentor', person: { id: mentor.id } }],
      section: 'checklists',
      anchor: 'checklist-mentorPreparation',
    });
    expect(mine.find((e) => e.kind === 'redFlag')).toMatchObject({
      title: questionnaire('followUp').title.en,
      since: calendar.addWorkdays(today, -6),
      workdaysLate: 6,
      waitsFor: [{ role: 'coordinator', person: { id: coordinator.id } }],
      section: 'evaluations',
    });
    const missing = about(json, arriving);
    expect(missing.every((e) => e.kind === 'missingDocument' && e.anchor === 'folder-title')).toBe(true);
    expect(missing.map((e) => e.title).sort()).toEqual(
      DOCUMENTS_REQUIRED_BEFORE_START.filter((d) => d.key !== 'schoolAgreement')
        .map((d) => d.name.en)
        .sort(),
    );
    expect(missing.some((e) => e.confidential)).toBe(true);
    expect(new Set(missing.map((e) => e.workdaysLate))).toEqual(
      new Set([late(calendar.addWorkdays(arriving.startDate, -5))]),
    );
    // The seeded demo has overdue entries of its own, most late first.
    expect(json.overdue.length).toBeGreaterThan(mine.length + missing.length);
    const lateness = json.overdue.map((e) => e.workdaysLate);
    expect(lateness).toEqual([...lateness].sort((a, b) => b - a));
  });

  it('answers in the caller’s language', async () => {
    const { json } = await attention(coordinator, 'fr');
    expect(about(json, running).find((e) => e.kind === 'redFlag')?.title).toBe(
      questionnaire('followUp').title.fr,
    );
  });

  it('shows the mentor only their interns, without the confidential part, and what is due from them', async () => {
    const { status, json } = await attention(mentor);
    expect(status).toBe(200);
    const guided = new Set(
      (await stack.stagemap.deps.repos.internships.byMentorOrBackup(mentor.id)).map((i) => i.key),
    );
    const foreign = [...json.overdue, ...json.dueFromMe].filter((e) => !guided.has(e.internship.key));
    expect(foreign).toEqual([]);
    expect(
      about(json, running)
        .map((e) => e.kind)
        .sort(),
    ).toEqual(['lateChecklistItem', 'redFlag', 'unansweredMoment']);
    const missing = about(json, arriving);
    expect(missing.length).toBe(
      DOCUMENTS_REQUIRED_BEFORE_START.filter((d) => d.key !== 'schoolAgreement' && !d.confidential).length,
    );
    expect(missing.some((e) => e.confidential)).toBe(false);
    const due = (e: AttentionEntryView) => e.internship.key === running.key;
    expect(json.dueFromMe.filter(due).map((e) => [e.kind, e.waitsFor])).toEqual([
      ['unansweredMoment', [{ role: 'mentor', person: expect.objectContaining({ id: mentor.id }) }]],
      ['lateChecklistItem', [{ role: 'mentor', person: expect.objectContaining({ id: mentor.id }) }]],
    ]);
    expect(json.horizonWorkdays).toBeGreaterThan(0);
  });

  it('shows the back-up the same interns but not the mentor’s card before it escalates', async () => {
    const { json } = await attention(backup);
    expect(about(json, running).length).toBe(3);
    expect(json.dueFromMe.filter((e) => e.internship.key === running.key)).toEqual([]);
  });

  it('shows nothing of these interns to another mentor, a service head (no such rights) or staff', async () => {
    const other = (await attention(otherMentor)).json;
    expect([...other.overdue, ...other.dueFromMe].filter((e) => e.internship.key.startsWith('att-'))).toEqual(
      [],
    );
    const nobody = (await attention(staff)).json;
    expect(nobody.overdue).toEqual([]);
    expect(nobody.dueFromMe).toEqual([]);
    if (head) {
      const h = (await attention(head)).json;
      expect(h.overdue.filter((e) => e.internship.key.startsWith('att-'))).toEqual([]);
    }
  });

  it('costs a handful of Graph requests for the whole demo organisation', async () => {
    const admin = (method: string) =>
      fetch(`${stack.emulator.url}/_emulator/stats`, { method }).then((r) =>
        method === 'GET'
          ? (r.json() as Promise<{ total: { requests: number; resourceUnits: number } }>)
          : null,
      );
    await attention(coordinator); // settings and tokens cached
    await admin('DELETE');
    const { json } = await attention(coordinator);
    const { total } = (await admin('GET'))!;
    const active = await stack.stagemap.deps.repos.internships.byPhase([
      'decision',
      'execution',
      'evaluation',
    ]);
    console.log(
      `GET /api/attention as coordinator: ${active.length} internships under way, ${json.overdue.length} overdue entries ` +
        `(${['unansweredMoment', 'lateChecklistItem', 'missingDocument', 'redFlag'].map((k) => `${json.overdue.filter((e) => e.kind === k).length} ${k}`).join(', ')}), ` +
        `${total.requests} Graph requests ($batch envelopes and their queries counted one by one), ${total.resourceUnits} resource units`,
    );
    // The internships (1), then per list one $batch envelope + one query per 25 internships: moments, checklist
    // items, answers, and the two libraries. Reading per internship would be 5 × ${active.length} queries.
    const groups = Math.ceil(active.length / 25);
    expect(total.requests).toBeLessThanOrEqual(1 + 5 * (1 + groups));
  });
});
