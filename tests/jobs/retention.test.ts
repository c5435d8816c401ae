/**
 * `purge()` against the emulator over HTTP: internships past their PurgeAfter lose the intern's identity and the
 * free text (docs/scheduler.md "Retention"), their answers and journal go, their figures are counted once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Internship } from '../../src/domain/internship';
import { DEMO_USERS } from '../../src/emulator/demo-directory';
import { segment } from '../../src/graph/odata';
import { readDate, type Fields } from '../../src/graph/repositories/fields';
import type { Stored } from '../../src/graph/repositories/list-repository';
import { answerItemKey } from '../../src/jobs/bot-ports';
import { yearlyCounts } from '../../src/jobs/retention';
import { internshipOf, startBotHarness, type BotHarness } from './support';

const role = (r: string, n = 0) => DEMO_USERS.filter((u) => u.role === r)[n]!;

describe('purge: personal data after the retention period', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await startBotHarness('2028-03-01T10:00:00.000Z');
  }, 60_000);
  afterAll(() => h.close());

  const fieldsOf = (i: Stored<Internship>) =>
    h.fx.graph.get<Fields>(
      `/sites/${segment(h.fx.site.siteId)}/lists/Internships/items/${segment(i.id)}/fields`,
    );
  /** PurgeAfter is written when an internship ends; here straight into SharePoint. */
  const setPurgeAfter = (i: Stored<Internship>, date: string) =>
    h.fx.graph.patch(`/sites/${segment(h.fx.site.siteId)}/lists/Internships/items/${segment(i.id)}/fields`, {
      PurgeAfter: `${date}T00:00:00Z`,
    });

  async function internship(
    key: string,
    n: number,
    extra: Partial<Internship>,
    purgeAfter: string,
  ): Promise<Stored<Internship>> {
    const people = {
      intern: role('intern', n),
      mentor: role('mentor', n),
      backup: role('backup', n),
      coordinator: role('coordinator', 0),
    };
    const created = await h.fx.repos.internships.create({
      ...internshipOf(key, people, '2027-02-01', '2027-04-30'),
      schoolId: 'school-ugent',
      schoolName: 'Universiteit Gent',
      programme: 'Master Informatica',
      schoolSupervisor: { name: 'Prof. Jansens', email: 'jansens@ugent.example' },
      interviewAt: '2027-01-10T09:00:00.000Z',
      decisionAt: '2027-01-12T09:00:00.000Z',
      assignmentId: `assignment-${key}`,
      overviewConsent: true,
      ...extra,
    });
    await h.scheduler.internshipChanged(key);
    // Answers and notes about the intern: a satisfaction survey, a follow-up, a checklist card, feedback, an
    // absence.
    await h.fx.repos.evaluations.create({
      key: `${key}:satisfactionMentor:${people.mentor.id}`,
      internshipKey: key,
      questionnaire: 'satisfactionMentor',
      respondentOid: people.mentor.id,
      answers: { 'satisfactionMentor.addedValue': 4, 'satisfactionMentor.skillsDeveloped': 5 },
      submittedAt: '2027-05-04T09:00:00.000Z',
    });
    await h.fx.repos.evaluations.create({
      key: answerItemKey(`${key}:followUp:1`),
      internshipKey: key,
      questionnaire: 'followUp',
      momentKey: `${key}:followUp:1`,
      respondentOid: people.mentor.id,
      answers: { 'followUp.status': 'orange', 'followUp.note': `${people.intern.displayName} was ill` },
      submittedAt: '2027-02-15T09:00:00.000Z',
    });
    // A checklist card's answer has no questionnaire (docs/scheduler.md): not an evaluation in the counts.
    await h.fx.repos.evaluations.create({
      key: answerItemKey(`${key}:prepareArrival:1`),
      internshipKey: key,
      momentKey: `${key}:prepareArrival:1`,
      respondentOid: people.mentor.id,
      answers: { 'mentorPreparation.backupBriefed': true },
      submittedAt: '2027-01-18T09:00:00.000Z',
    } as never);
    await h.fx.repos.journal.create({
      key: `${key}:feedback:1`,
      internshipKey: key,
      type: 'feedback',
      date: '2027-03-01',
      direction: 'toIntern',
      note: 'Clear reports, ask for help sooner.',
      visibleToIntern: true,
      authorOid: people.mentor.id,
    });
    await h.fx.repos.journal.create({
      key: `${key}:absence:1`,
      internshipKey: key,
      type: 'absence',
      date: '2027-03-08',
      to: '2027-03-09',
      kind: 'illness',
      schoolInformed: true,
    });
    await setPurgeAfter(created, purgeAfter);
    return (await h.fx.repos.internships.getByKey(key))!;
  }

  it('clears and deletes what is due, keeps the rest, and counts each internship once', async () => {
    const closed = await internship('ret-closed', 0, { phase: 'closed' }, '2028-02-29');
    const stopped = await internship(
      'ret-stopped',
      1,
      {
        phase: 'stopped',
        stoppedBy: 'intern',
        stopReason: 'Moved abroad for family reasons',
        stoppedAt: '2027-03-01T10:00:00.000Z',
        closingWaiver: { by: role('coordinator', 0).id, at: '2027-03-02T10:00:00.000Z', reason: 'Stopped' },
      },
      '2028-03-01',
    );
    const notYet = await internship('ret-later', 2, { phase: 'closed' }, '2028-03-02');
    // Past PurgeAfter but still running (the date was written by hand): not closed, not purged.
    const running = await internship('ret-running', 3, { phase: 'evaluation' }, '2027-12-31');
    const momentsBefore = await h.fx.repos.moments.byInternship('ret-closed');
    expect(momentsBefore.length).toBeGreaterThan(10);

    const report = await h.scheduler.purge();
    expect(report).toEqual({ purged: 2, deleted: 10 });

    for (const [before, n] of [
      [closed, 0],
      [stopped, 1],
    ] as const) {
      const after = (await h.fx.repos.internships.getByKey(before.key))!;
      // Cleared: the intern's identity and the free text.
      expect(after.intern).toEqual({ id: '', displayName: '—' });
      expect(after.topic).toBe('');
      expect(after.overviewConsent).toBe(false);
      for (const gone of ['schoolSupervisor', 'interviewAt', 'stopReason', 'closingWaiver'] as const)
        expect(after[gone], gone).toBeUndefined();
      const fields = await fieldsOf(before);
      expect(fields.InternOid ?? null).toBeNull();
      expect(fields.InternLookupId ?? null).toBeNull();
      expect(fields.InternEmail ?? null).toBeNull();
      expect(fields.Title).toBe(before.key);
      expect(readDate(fields, 'PurgeAfter')).toBeUndefined();
      expect(JSON.stringify(fields)).not.toContain(role('intern', n).displayName);
      // Kept: what the yearly policy evaluation counts, and the staff in their role.
      expect(after).toMatchObject({
        key: before.key,
        phase: before.phase,
        service: 'ICT',
        startDate: '2027-02-01',
        endDate: '2027-04-30',
        schoolId: 'school-ugent',
        schoolName: 'Universiteit Gent',
        programme: 'Master Informatica',
        decision: 'accepted',
        assignmentId: `assignment-${before.key}`,
        mentor: { id: role('mentor', n).id },
        backup: { id: role('backup', n).id },
        coordinator: { id: role('coordinator', 0).id },
      });
      expect(await h.fx.repos.evaluations.byInternship(before.key)).toEqual([]);
      expect(await h.fx.repos.journal.byInternship(before.key)).toEqual([]);
    }
    expect((await h.fx.repos.internships.getByKey('ret-stopped'))!.stoppedBy).toBe('intern');
    // The moments stay (kind, dates, state, log with staff oids).
    const momentsAfter = await h.fx.repos.moments.byInternship('ret-closed');
    expect(momentsAfter.map((m) => [m.key, m.state, m.dueDate])).toEqual(
      momentsBefore.map((m) => [m.key, m.state, m.dueDate]),
    );

    // Not yet due, or not ended: untouched.
    for (const i of [notYet, running]) {
      const after = (await h.fx.repos.internships.getByKey(i.key))!;
      expect(after.etag).toBe(i.etag);
      expect(after.intern.displayName).toBe(i.intern.displayName);
      expect(await h.fx.repos.evaluations.byInternship(i.key)).toHaveLength(3);
      expect(await h.fx.repos.journal.byInternship(i.key)).toHaveLength(2);
    }

    const counts = (await yearlyCounts(h.fx.repos, 2027))!;
    const expected = {
      year: 2027,
      internships: 2,
      byService: { ICT: 2 },
      bySchool: { 'school-ugent': 2 },
      // 2027-02-01..04-30: 64 workdays (Easter Monday off), twice.
      workdays: 128,
      stoppedEarly: 1,
      evaluations: { satisfactionMentor: 2, followUp: 2 },
      scores: {
        'satisfactionMentor.addedValue': { sum: 8, count: 2 },
        'satisfactionMentor.skillsDeveloped': { sum: 10, count: 2 },
      },
    };
    expect(counts).toMatchObject(expected);
    expect([...counts.purgedKeys].sort()).toEqual(['ret-closed', 'ret-stopped']);

    // A second run (the next day's, or a restart): nothing more is cleared, deleted or counted.
    expect(await h.scheduler.purge()).toEqual({ purged: 0, deleted: 0 });
    expect(await yearlyCounts(h.fx.repos, 2027)).toEqual(counts);

    // The day after, the next one is due: counted on top, the others not again.
    const report2 = await h.scheduler.purge(new Date('2028-03-02T10:00:00.000Z'));
    expect(report2).toEqual({ purged: 1, deleted: 5 });
    expect(await yearlyCounts(h.fx.repos, 2027)).toMatchObject({
      internships: 3,
      stoppedEarly: 1,
      evaluations: { satisfactionMentor: 3, followUp: 3 },
    });
  }, 120_000);

  it('a purge stopped after counting resumes without counting twice', async () => {
    const i = await internship('ret-resume', 4, { phase: 'closed' }, '2028-01-31');
    // The first run counted and deleted, then stopped before clearing the item (simulated: the item gets its
    // PurgeAfter back after a complete run, as if the last write had never happened).
    expect(await h.scheduler.purge()).toEqual({ purged: 1, deleted: 5 });
    const counted = (await yearlyCounts(h.fx.repos, 2027))!;
    await setPurgeAfter(i, '2028-01-31');
    expect(await h.scheduler.purge()).toEqual({ purged: 1, deleted: 0 });
    expect(await yearlyCounts(h.fx.repos, 2027)).toEqual(counted);
    expect(counted.purgedKeys.filter((k) => k === 'ret-resume')).toHaveLength(1);
  }, 60_000);
});
