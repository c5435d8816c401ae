import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templatesFor } from '../../../src/domain/checklists';
import type { Moment } from '../../../src/domain/records';
import { computeSchedule, DEFAULT_SCHEDULE_RULES } from '../../../src/domain/schedule';
import { createWorkCalendar } from '../../../src/domain/workdays';
import type { NewRecord } from '../../../src/graph/repositories/list-repository';
import { RepositoryConflictError } from '../../../src/graph/repositories/repository-errors';
import { SettingsRepository } from '../../../src/graph/repositories/settings';
import { admin } from '../../emulator/support';
import { startRepoFixture, type RepoFixture } from './support';

let fx: RepoFixture;
beforeAll(async () => {
  fx = await startRepoFixture();
}, 60_000);
afterAll(() => fx.emu.close());

const calendar = createWorkCalendar();
const momentsOf = (internshipKey: string): NewRecord<Moment>[] =>
  computeSchedule(
    { internshipId: internshipKey, startDate: '2027-02-01', endDate: '2027-04-30', mentorIsFirstTime: true },
    DEFAULT_SCHEDULE_RULES,
    calendar,
  ).map((m) => ({ ...m, state: 'planned', recipientOids: [], attempts: 0, log: [] }));

describe('MomentsRepository', () => {
  it("creates an internship's moments in $batch and reads them back by internship, in order", async () => {
    const planned = momentsOf('m-int-1');
    const before = fx.events.length;
    const created = await fx.repos.moments.createMany(planned);
    const batches = fx.events.slice(before).filter((e) => e.url.endsWith('/$batch'));
    expect(batches.length).toBe(Math.ceil(planned.length / 20));
    const read = await fx.repos.moments.byInternship('m-int-1');
    expect(read.map((m) => m.key)).toEqual(created.map((m) => m.key));
    expect(read[0]).toMatchObject({
      kind: planned[0]!.kind,
      sendAt: planned[0]!.sendAt,
      escalateAt: planned[0]!.escalateAt,
    });
    expect(read.map((m) => m.dueDate)).toEqual(planned.map((m) => m.dueDate));
  });

  it('finds moments due in a window through the indexed columns, with requests proportional to the due ones', async () => {
    const planned = momentsOf('m-int-2');
    await fx.repos.moments.createMany(planned);
    const firstDay = planned.find((m) => m.kind === 'firstDay')!;
    const from = new Date(Date.parse(firstDay.sendAt) - 60_000);
    const before = new Date(Date.parse(firstDay.sendAt) + 3_600_000);
    const n = fx.events.length;
    const due = await fx.repos.moments.due({ from, before });
    expect(fx.events.length - n).toBe(1);
    expect(due.map((m) => m.key).sort()).toEqual(
      [...momentsOf('m-int-1'), ...planned]
        .filter((m) => m.sendAt === firstDay.sendAt)
        .map((m) => m.key)
        .sort(),
    );
  });

  it('changes state with a delivery log entry appended, re-applying over a concurrent log append', async () => {
    const [m] = await fx.repos.moments.byInternship('m-int-1');
    const sent = await fx.repos.moments.transition(m!, {
      to: 'sent',
      from: ['planned'],
      countAttempt: true,
      recipientOids: ['oid-a'],
      entry: { at: '2027-01-18T08:00:00.000Z', event: 'sent', oid: 'oid-a', channel: 'teams' },
    });
    expect(sent).toMatchObject({ state: 'sent', attempts: 1, recipientOids: ['oid-a'] });
    // Someone else appends a line meanwhile; our transition from the stale copy keeps both lines.
    await fx.repos.moments.update(sent, {
      log: [...sent.log, { at: '2027-01-18T08:01:00.000Z', event: 'retried', oid: 'oid-a' }],
    });
    const answered = await fx.repos.moments.transition(sent, {
      to: 'answered',
      from: ['sent', 'escalatedToBackup'],
      answeredByOid: 'oid-a',
      answeredAt: '2027-01-18T09:00:00.000Z',
      entry: { at: '2027-01-18T09:00:00.000Z', event: 'answered', oid: 'oid-a' },
    });
    expect(answered.state).toBe('answered');
    expect(answered.log.map((l) => l.event)).toEqual(['sent', 'retried', 'answered']);
    // A transition that is no longer valid surfaces as a conflict.
    await expect(
      fx.repos.moments.transition(sent, {
        to: 'escalatedToBackup',
        from: ['sent'],
        entry: { at: '2027-01-21T08:00:00.000Z', event: 'escalatedToBackup' },
      }),
    ).rejects.toBeInstanceOf(RepositoryConflictError);
  });

  it('updates many in $batch with ETags: stale ones come back as conflicts with the current version', async () => {
    const items = await fx.repos.moments.byInternship('m-int-2');
    const stale = items[0]!;
    await fx.repos.moments.update(stale, { attempts: 5 });
    const n = fx.events.length;
    const res = await fx.repos.moments.updateMany(
      items.map((m) => ({ current: m, patch: { state: 'cancelled' } })),
    );
    expect(res.updated).toHaveLength(items.length - 1);
    expect(res.conflicts).toHaveLength(1);
    expect(res.conflicts[0]!.current?.attempts).toBe(5);
    expect(fx.events.slice(n).filter((e) => e.url.endsWith('/$batch')).length).toBe(
      Math.ceil(items.length / 20) + 1,
    );
  });
});

describe('ChecklistItemsRepository', () => {
  it('instantiates from templates (idempotently) and ticks, assigns, dates, comments and hides', async () => {
    const templates = templatesFor('logistics');
    const first = await fx.repos.checklistItems.instantiate('cl-int-1', templates, {
      dueOf: () => '2027-01-25',
    });
    const again = await fx.repos.checklistItems.instantiate('cl-int-1', templates);
    expect(again.map((i) => i.id)).toEqual(first.map((i) => i.id));
    expect(await fx.repos.checklistItems.byInternship('cl-int-1')).toHaveLength(templates.length);
    let item = first[0]!;
    const coordinator = fx.user('coordinator');
    item = await fx.repos.checklistItems.assign(item, coordinator.id);
    item = await fx.repos.checklistItems.setDue(item, '2027-01-20');
    item = await fx.repos.checklistItems.comment(item, 'Badge besteld');
    item = await fx.repos.checklistItems.tick(item, coordinator.id, '2027-01-19T10:00:00.000Z');
    expect(item).toMatchObject({
      done: true,
      doneByOid: coordinator.id,
      assigneeOid: coordinator.id,
      dueDate: '2027-01-20',
      note: 'Badge besteld',
    });
    item = await fx.repos.checklistItems.hide(first[1]!);
    expect(item.hidden).toBe(true);
    expect((await fx.repos.checklistItems.openFor(coordinator.id)).map((i) => i.key)).not.toContain(
      first[0]!.key,
    );
    const untick = await fx.repos.checklistItems.untick(
      (await fx.repos.checklistItems.getByKey(first[0]!.key))!,
    );
    expect(untick.done).toBe(false);
    expect(untick.doneByOid).toBeUndefined();
  });
});

describe('evaluations, journal, assignments, applications, partners', () => {
  it('round-trips each record type', async () => {
    const ev = await fx.repos.evaluations.create({
      key: 'ev-1',
      internshipKey: 'x-1',
      questionnaire: 'midTermEvaluation',
      momentKey: 'x-1:midTermEvaluation:1',
      respondentOid: 'oid-m',
      answers: { 'midTermEvaluation.overall': 4, note: "it's fine & <b>", ok: true },
      submittedAt: '2027-03-15T10:00:00.000Z',
    });
    expect(
      (await fx.repos.evaluations.byInternship('x-1', 'midTermEvaluation')).map((e) => e.answers),
    ).toEqual([ev.answers]);
    await fx.repos.journal.createMany([
      {
        key: 'j-1',
        internshipKey: 'x-1',
        type: 'feedback',
        date: '2027-02-10',
        direction: 'toIntern',
        note: 'Goed bezig',
        visibleToIntern: true,
        authorOid: 'oid-m',
      },
      {
        key: 'j-2',
        internshipKey: 'x-1',
        type: 'absence',
        date: '2027-02-12',
        to: '2027-02-13',
        kind: 'illness',
        schoolInformed: true,
      },
    ]);
    expect(await fx.repos.journal.absences('x-1')).toMatchObject([
      { key: 'j-2', to: '2027-02-13', kind: 'illness', schoolInformed: true },
    ]);
    expect(await fx.repos.journal.feedback('x-1')).toMatchObject([
      { key: 'j-1', note: 'Goed bezig', direction: 'toIntern' },
    ]);
    const head = fx.user('serviceHead');
    const a = await fx.repos.assignments.create({
      key: 'as-1',
      year: 2027,
      service: 'ICT',
      title: 'Power BI dashboard',
      description: 'Verkeersveiligheid',
      status: 'published',
      places: 2,
      proposedByOid: head.id,
      details: { research: true, periodStart: '2027-02-01' },
    });
    expect(a).toMatchObject({ proposedByOid: head.id, details: { research: true } });
    expect((await fx.repos.assignments.byYear(2027, ['published'])).map((x) => x.key)).toEqual(['as-1']);
    await fx.repos.applications.create({
      key: 'ap-1',
      candidateName: 'Zoë Nguyen',
      candidateEmail: 'zoe@student.ulb.be',
      receivedAt: '2026-10-01T12:00:00.000Z',
      status: 'interview',
      assignmentKey: 'as-1',
      details: { programme: 'Master en informatique' },
    });
    expect((await fx.repos.applications.byAssignment('as-1'))[0]).toMatchObject({
      candidateName: 'Zoë Nguyen',
      status: 'interview',
    });
    await fx.repos.partners.createMany([
      { key: 'p-s', type: 'school', name: 'UCLouvain', details: {}, reviewDate: '2026-10-01' },
      {
        key: 'p-c',
        type: 'contact',
        parentKey: 'p-s',
        name: 'Pr Collard',
        email: 'a@uclouvain.be',
        details: { role: 'superviseur' },
      },
    ]);
    expect((await fx.repos.partners.children('p-s')).map((p) => p.key)).toEqual(['p-c']);
    expect((await fx.repos.partners.reviewDue('2026-11-26')).map((p) => p.key)).toEqual(['p-s']);
  });
});

describe('SettingsRepository', () => {
  it('validates on write and on read, and guards writes with the ETag', async () => {
    const s = SettingsRepository.defaults();
    await expect(fx.repos.settings.write({ ...s, retentionMonths: -3 })).rejects.toThrow();
    const written = await fx.repos.settings.write({
      ...s,
      coordinatorOids: ['c-1'],
      scheduleRules: { followUpEveryWorkdays: 5 },
    });
    const read = await fx.repos.settings.read();
    expect(read.issues).toEqual([]);
    expect(read.settings).toMatchObject({
      coordinatorOids: ['c-1'],
      scheduleRules: { followUpEveryWorkdays: 5 },
      retentionMonths: 24,
    });
    await fx.repos.settings.write({ ...read.settings, announcements: false }, written);
    await expect(
      fx.repos.settings.write({ ...read.settings, retentionMonths: 12 }, written),
    ).rejects.toBeInstanceOf(RepositoryConflictError);
    // Edited by hand in SharePoint into something invalid: the read reports it and keeps the valid sections.
    const item = (
      await fx.graph.get<{ value: { id: string }[] }>(
        `/sites/${encodeURIComponent(fx.site.siteId)}/lists/Settings/items?$filter=fields/Key eq 'organisation'`,
      )
    ).value[0]!;
    await fx.graph.patch(
      `/sites/${encodeURIComponent(fx.site.siteId)}/lists/Settings/items/${item.id}/fields`,
      {
        Value: JSON.stringify({ coordinatorOids: ['c-2'], retentionMonths: 'forever' }),
      },
    );
    const lenient = await fx.repos.settings.read();
    expect(lenient.issues.map((i) => i.path)).toEqual(['retentionMonths']);
    expect(lenient.settings).toMatchObject({ coordinatorOids: ['c-2'], retentionMonths: 24 });
    await expect(fx.repos.settings.readStrict()).rejects.toThrow(/retentionMonths/);
    void admin;
  });
});
