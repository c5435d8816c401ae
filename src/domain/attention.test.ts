import { describe, expect, it } from 'vitest';
import {
  ATTENTION_QUESTIONNAIRES,
  countByKind,
  dueFrom,
  entryId,
  overdueEntries,
  TRAFFIC_LIGHT_QUESTIONNAIRES,
  type AttentionEntry,
  type AttentionInput,
} from './attention';
import { atLocalTime } from './brussels-time';
import { CHECKLIST_TEMPLATES } from './checklists';
import { DOCUMENTS_REQUIRED_BEFORE_START, type DocumentKey } from './documents';
import { backup, buildInternship, buildPerson, mentor } from './factories';
import type { Internship, IsoDate } from './internship';
import type { ChecklistItem, EvaluationRecord, Moment, MomentState } from './records';
import { MOMENT_RECIPIENTS, type MomentKind } from './schedule';
import { createWorkCalendar } from './workdays';

// Wednesday 10 March 2027; the internship runs from Monday 1 February to Friday 30 April.
const TODAY = '2027-03-10';
const calendar = createWorkCalendar();
const coordinator = buildPerson({ id: 'u-coord', displayName: 'Nadia El Amrani' });
const intern = buildPerson({ id: 'u-intern', displayName: 'Lotte Janssens' });
const running = buildInternship({
  key: 'run',
  phase: 'execution',
  intern,
  mentor,
  backup,
  coordinator,
  startDate: '2027-02-01',
  endDate: '2027-04-30',
});

function moment(
  kind: MomentKind,
  dueDate: IsoDate,
  state: MomentState,
  overrides: Partial<Moment> = {},
): Moment {
  const seq = overrides.seq ?? 1;
  const sendAt = atLocalTime(dueDate, '09:00');
  return {
    id: `m-${kind}-${seq}-${dueDate}`,
    key: `${overrides.internshipId ?? 'run'}:${kind}:${seq}`,
    internshipId: 'run',
    kind,
    seq,
    dueDate,
    sendAt,
    recipients: [...MOMENT_RECIPIENTS[kind]],
    escalateAt: sendAt,
    digestAt: sendAt,
    state,
    recipientOids: [],
    attempts: state === 'planned' ? 0 : 1,
    log: [],
    ...overrides,
  };
}

function item(templateKey: string, dueDate: IsoDate, overrides: Partial<ChecklistItem> = {}): ChecklistItem {
  const t = CHECKLIST_TEMPLATES.find((x) => x.key === templateKey);
  return {
    id: `c-${templateKey}`,
    key: `run:cl:${templateKey}`,
    internshipKey: 'run',
    checklist: t?.kind ?? 'logistics',
    templateKey,
    done: false,
    hidden: false,
    dueDate,
    ...overrides,
  };
}

function answer(
  questionnaire: EvaluationRecord['questionnaire'],
  submittedAt: string,
  answers: EvaluationRecord['answers'],
  overrides: Partial<EvaluationRecord> = {},
): EvaluationRecord {
  return {
    id: `e-${questionnaire}-${submittedAt}`,
    key: `run:${questionnaire}:${submittedAt}`,
    internshipKey: 'run',
    questionnaire,
    respondentOid: mentor.id,
    answers,
    submittedAt,
    ...overrides,
  };
}

const input = (parts: Partial<AttentionInput> = {}): AttentionInput => ({
  today: TODAY,
  calendar,
  internships: [running],
  moments: [],
  checklistItems: [],
  evaluations: [],
  documents: new Map(),
  ...parts,
});

const ids = (entries: readonly AttentionEntry[]) => entries.map(entryId);

describe('overdue moments', () => {
  it('lists an open moment the day after its due date, with the workdays late and who holds the card', () => {
    const sent = moment('followUp', '2027-03-05', 'sent', { seq: 2 });
    const [entry, ...rest] = overdueEntries(input({ moments: [sent] }));
    expect(rest).toEqual([]);
    expect(entry).toEqual({
      kind: 'unansweredMoment',
      internshipKey: 'run',
      internName: 'Lotte Janssens',
      since: '2027-03-05',
      // Friday → Wednesday: Monday, Tuesday, Wednesday.
      workdaysLate: 3,
      waitsFor: [{ role: 'mentor', oid: mentor.id }],
      momentKey: 'run:followUp:2',
      momentKind: 'followUp',
      seq: 2,
      state: 'sent',
    });
  });

  it('skips answered, cancelled, not yet due and due-today moments; keeps planned-but-late and undelivered ones', () => {
    const moments = [
      moment('week1CheckIn', '2027-02-05', 'answered'),
      moment('midTermEvaluation', '2027-03-01', 'cancelled'),
      moment('followUp', TODAY, 'sent', { seq: 3 }),
      moment('finalEvaluation', '2027-04-26', 'planned'),
      moment('firstDay', '2027-02-01', 'planned'),
      moment('wellbeingPulse', '2027-02-05', 'failed'),
    ];
    expect(ids(overdueEntries(input({ moments })))).toEqual([
      'unansweredMoment:run:firstDay:1',
      'unansweredMoment:run:wellbeingPulse:1',
    ]);
  });

  it('adds the back-up and the coordinator as the card escalates', () => {
    const toBackup = moment('followUp', '2027-03-01', 'escalatedToBackup');
    const toCoordinator = moment('midTermEvaluation', '2027-02-26', 'escalatedToCoordinator');
    const [a, b] = overdueEntries(input({ moments: [toBackup, toCoordinator] }));
    expect(a?.waitsFor).toEqual([
      { role: 'mentor', oid: mentor.id },
      { role: 'backup', oid: backup.id },
      { role: 'coordinator', oid: coordinator.id },
    ]);
    expect(b?.waitsFor).toEqual([
      { role: 'mentor', oid: mentor.id },
      { role: 'backup', oid: backup.id },
    ]);
  });

  it('counts a questionnaire answered in the tab: any answer for one-off moments, a later one for follow-ups', () => {
    const mid = moment('midTermEvaluation', '2027-03-01', 'sent');
    const follow = moment('followUp', '2027-03-03', 'sent', { seq: 2 });
    const before = answer('followUp', '2027-02-17T10:00:00.000Z', { 'followUp.status': 'green' });
    const midAnswer = answer('midTermEvaluation', '2027-02-26T10:00:00.000Z', {});
    expect(ids(overdueEntries(input({ moments: [mid, follow], evaluations: [before, midAnswer] })))).toEqual([
      'unansweredMoment:run:followUp:2',
    ]);
    const after = answer('followUp', '2027-03-04T08:00:00.000Z', { 'followUp.status': 'green' });
    expect(overdueEntries(input({ moments: [follow], evaluations: [after] }))).toEqual([]);
    // A card answer names its moment: it answers that one only.
    const other = answer('followUp', '2027-03-04T08:00:00.000Z', {}, { momentKey: 'run:followUp:1' });
    expect(ids(overdueEntries(input({ moments: [follow], evaluations: [other] })))).toEqual([
      'unansweredMoment:run:followUp:2',
    ]);
  });

  it('ignores internships that are not under way', () => {
    const internships: Internship[] = ['request', 'preparation', 'closed', 'stopped'].map((phase, n) =>
      buildInternship({ key: `k${n}`, phase: phase as Internship['phase'], mentor }),
    );
    const moments = internships.map((i) => moment('followUp', '2027-03-01', 'sent', { internshipId: i.key }));
    const checklistItems = internships.map((i) =>
      item('logistics.badges', '2027-03-01', { internshipKey: i.key, key: `${i.key}:cl:b` }),
    );
    const documents = new Map(internships.map((i) => [i.key, new Set<DocumentKey>()]));
    expect(overdueEntries(input({ internships, moments, checklistItems, documents }))).toEqual([]);
  });
});

describe('late checklist items', () => {
  it('lists open items past their due date, waiting for their assignee', () => {
    const items = [
      item('mentorPreparation.projects', '2027-03-08', { assigneeOid: mentor.id }),
      item('logistics.badges', '2027-03-09', { done: true }),
      item('logistics.workplace', '2027-03-01', { hidden: true }),
      item('coordinatorOnboarding.goodieBag', '2027-03-01'),
      item('logistics.accessRights', TODAY),
      item('logistics.expenses', '2027-03-09'),
    ];
    const entries = overdueEntries(input({ checklistItems: items }));
    expect(entries.map((e) => [entryId(e), e.workdaysLate, e.waitsFor])).toEqual([
      ['lateChecklistItem:run:cl:mentorPreparation.projects', 2, [{ role: 'mentor', oid: mentor.id }]],
      // Unassigned: the template's owner on this internship.
      ['lateChecklistItem:run:cl:logistics.expenses', 1, [{ role: 'coordinator', oid: coordinator.id }]],
    ]);
    expect(CHECKLIST_TEMPLATES.find((t) => t.key === 'coordinatorOnboarding.goodieBag')?.optional).toBe(true);
  });
});

describe('missing documents', () => {
  const arriving = buildInternship({
    key: 'arr',
    phase: 'decision',
    intern: buildPerson({ id: '', displayName: 'Emma Peeters' }),
    mentor,
    backup,
    coordinator,
    // Monday 15 March: the start documents were due five workdays before, Monday 8 March.
    startDate: '2027-03-15',
    endDate: '2027-06-11',
  });

  it('lists the start documents not in the folder once their due date passed, confidential ones flagged', () => {
    const present = new Set<DocumentKey>(['schoolAgreement', 'contract', 'infoSheet']);
    const entries = overdueEntries(
      input({ internships: [arriving], documents: new Map([['arr', present]]) }),
    ) as Extract<AttentionEntry, { kind: 'missingDocument' }>[];
    expect(entries.map((e) => [e.documentType, e.confidential, e.since, e.workdaysLate])).toEqual(
      // Equally late entries of one internship come in a stable order: by id.
      DOCUMENTS_REQUIRED_BEFORE_START.filter((d) => !present.has(d.key))
        .sort((a, b) => a.key.localeCompare(b.key))
        .map((d) => [d.key, d.confidential, '2027-03-08', 2]),
    );
    expect(entries.some((e) => e.confidential)).toBe(true);
    expect(entries[0]?.waitsFor).toEqual([{ role: 'coordinator', oid: coordinator.id }]);
  });

  it('does not check an internship whose folders were not read, nor one not due yet', () => {
    expect(overdueEntries(input({ internships: [arriving] }))).toEqual([]);
    const later = { ...arriving, startDate: '2027-04-05' };
    expect(
      overdueEntries(input({ internships: [later], documents: new Map([['arr', new Set<DocumentKey>()]]) })),
    ).toEqual([]);
  });

  it('skips an internship whose period is not a date instead of failing the whole list', () => {
    const broken = { ...arriving, startDate: '' };
    const documents = new Map([['arr', new Set<DocumentKey>()]]);
    const late = item('logistics.badges', '2027-03-01', { internshipKey: 'arr' });
    expect(ids(overdueEntries(input({ internships: [broken], documents, checklistItems: [late] })))).toEqual([
      'lateChecklistItem:run:cl:logistics.badges',
    ]);
  });

  it('asks the closing documents of the mentor after the last day, unless a coordinator waived them', () => {
    const ended = { ...running, phase: 'evaluation' as const, endDate: '2027-03-05' };
    const documents = new Map([['run', new Set<DocumentKey>(['confidentialityAgreement'])]]);
    const [entry, ...rest] = overdueEntries(input({ internships: [ended], documents }));
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({
      kind: 'missingDocument',
      documentType: 'schoolEvaluation',
      since: '2027-03-05',
      workdaysLate: 3,
      waitsFor: [
        { role: 'mentor', oid: mentor.id },
        { role: 'backup', oid: backup.id },
      ],
    });
    const waived = {
      ...ended,
      closingWaiver: { by: coordinator.id, at: '2027-03-08T10:00:00Z', reason: 'x' },
    };
    expect(overdueEntries(input({ internships: [waived], documents }))).toEqual([]);
  });
});

describe('red flags', () => {
  it('raises a red traffic light of the latest answer; a later answer that is not red clears it', () => {
    const red = answer('followUp', '2027-03-03T14:00:00.000Z', { 'followUp.status': 'red' });
    const pulse = answer(
      'wellbeingPulse',
      '2027-02-05T16:00:00.000Z',
      { 'wellbeingPulse.howIsItGoing': 'red' },
      { respondentOid: intern.id },
    );
    const [a, b, ...rest] = overdueEntries(input({ evaluations: [red, pulse] }));
    expect(rest).toEqual([]);
    expect(a).toMatchObject({
      kind: 'redFlag',
      questionnaire: 'wellbeingPulse',
      since: '2027-02-05',
      respondentOid: intern.id,
      waitsFor: [{ role: 'coordinator', oid: coordinator.id }],
    });
    expect(b).toMatchObject({
      kind: 'redFlag',
      questionnaire: 'followUp',
      since: '2027-03-03',
      workdaysLate: 5,
    });

    const green = answer('followUp', '2027-03-08T14:00:00.000Z', { 'followUp.status': 'green' });
    expect(ids(overdueEntries(input({ evaluations: [green, red] })))).toEqual([]);
  });

  it('reads only traffic-light questions, per-milestone answers included', () => {
    const notALight = answer('followUp', '2027-03-03T14:00:00.000Z', { 'followUp.note': 'red' });
    expect(overdueEntries(input({ evaluations: [notALight] }))).toEqual([]);
    const perMilestone = answer('midTermEvaluation', '2027-03-03T14:00:00.000Z', {
      'midTermEvaluation.status__m-1': 'red',
    });
    expect(overdueEntries(input({ evaluations: [perMilestone] })).map((e) => e.kind)).toEqual(['redFlag']);
    expect(TRAFFIC_LIGHT_QUESTIONNAIRES).toEqual(['wellbeingPulse', 'followUp', 'midTermEvaluation']);
    expect(ATTENTION_QUESTIONNAIRES).toEqual(
      expect.arrayContaining(['finalEvaluation', 'satisfactionMentor']),
    );
  });
});

describe('due from one person', () => {
  const moments = [
    moment('followUp', TODAY, 'sent', { seq: 3 }),
    moment('followUp', '2027-03-01', 'escalatedToBackup', { seq: 2 }),
    moment('finalEvaluation', '2027-03-09', 'sent'),
    moment('wellbeingPulse', '2027-03-01', 'sent'),
    moment('results', '2027-03-11', 'planned'),
  ];
  const checklistItems = [
    item('mentorPreparation.projects', '2027-03-05', { assigneeOid: mentor.id }),
    item('mentorOnboarding.framing', '2027-03-16', { assigneeOid: mentor.id }),
    item('mentorOnboarding.network', '2027-03-30', { assigneeOid: mentor.id }),
    item('logistics.badges', '2027-03-01', { assigneeOid: coordinator.id }),
  ];

  it('gives the mentor their cards (due today included), evaluations to fill and items within the horizon', () => {
    const entries = dueFrom(mentor.id, input({ moments, checklistItems }));
    expect(entries.map((e) => [entryId(e), e.workdaysLate])).toEqual([
      ['unansweredMoment:run:followUp:2', 7],
      ['lateChecklistItem:run:cl:mentorPreparation.projects', 3],
      ['evaluationToFill:run:finalEvaluation:1', 1],
      ['unansweredMoment:run:followUp:3', 0],
      // Tuesday 16 March: four workdays ahead, within the default week.
      ['lateChecklistItem:run:cl:mentorOnboarding.framing', -4],
    ]);
    expect(entries.every((e) => e.waitsFor.length === 1 && e.waitsFor[0]?.oid === mentor.id)).toBe(true);
    expect(dueFrom(mentor.id, input({ moments, checklistItems }), { horizonWorkdays: 0 }).length).toBe(4);
  });

  it('gives the back-up only what escalated to them; the intern their own survey', () => {
    expect(ids(dueFrom(backup.id, input({ moments, checklistItems })))).toEqual([
      'unansweredMoment:run:followUp:2',
    ]);
    expect(ids(dueFrom(intern.id, input({ moments, checklistItems })))).toEqual([
      'unansweredMoment:run:wellbeingPulse:1',
    ]);
    expect(dueFrom('', input({ moments }))).toEqual([]);
  });

  it('asks the mentor and the back-up for the closing documents they hand in', () => {
    const ending = { ...running, phase: 'evaluation' as const, endDate: '2027-03-12' };
    const documents = new Map([['run', new Set<DocumentKey>()]]);
    for (const who of [mentor.id, backup.id]) {
      const entries = dueFrom(who, input({ internships: [ending], documents }));
      expect(entries.map((e) => [entryId(e), e.workdaysLate])).toEqual([
        ['missingDocument:run:confidentialityAgreement', -2],
        ['missingDocument:run:schoolEvaluation', -2],
      ]);
    }
    expect(dueFrom(coordinator.id, input({ internships: [ending], documents }))).toEqual([]);
  });
});

describe('order and counts', () => {
  it('puts the most late first and counts every kind', () => {
    const entries = overdueEntries(
      input({
        moments: [
          moment('followUp', '2027-03-08', 'sent', { seq: 2 }),
          moment('firstDay', '2027-02-01', 'sent'),
        ],
        checklistItems: [item('logistics.expenses', '2027-03-09')],
        evaluations: [answer('followUp', '2027-03-03T14:00:00.000Z', { 'followUp.status': 'red' })],
      }),
    );
    expect(entries.map((e) => e.workdaysLate)).toEqual([27, 5, 2, 1]);
    expect(countByKind(entries)).toEqual({
      unansweredMoment: 2,
      evaluationToFill: 0,
      lateChecklistItem: 1,
      missingDocument: 0,
      redFlag: 1,
    });
  });
});
