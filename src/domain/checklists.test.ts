import { describe, expect, it } from 'vitest';
import {
  CHECKLIST_KINDS,
  CHECKLIST_TEMPLATES,
  REQUIRED_FOR_START,
  checklistTemplate,
  templatesFor,
  type ChecklistKind,
} from './checklists';
import type { Role } from './internship';

const SOURCE = /^(A|B|C|D)\d|^seed\d{3}/;

describe('checklist templates', () => {
  it('has unique, dotted keys prefixed with their kind', () => {
    const keys = CHECKLIST_TEMPLATES.map((item) => item.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const item of CHECKLIST_TEMPLATES) {
      expect(item.key).toMatch(/^[a-z][A-Za-z]*\.[a-z][A-Za-z0-9]*$/);
      expect(item.key.startsWith(`${item.kind}.`), item.key).toBe(true);
    }
  });

  it('traces every item to a toolbox step or seed', () => {
    for (const item of CHECKLIST_TEMPLATES) expect(item.source, item.key).toMatch(SOURCE);
  });

  it('has items for every kind, and templatesFor partitions them', () => {
    let total = 0;
    for (const kind of CHECKLIST_KINDS) {
      const items = templatesFor(kind);
      expect(items.length, kind).toBeGreaterThan(0);
      expect(items.every((item) => item.kind === kind)).toBe(true);
      total += items.length;
    }
    expect(total).toBe(CHECKLIST_TEMPLATES.length);
  });

  it('lists every item of the toolbox B4 logistics and administration checklist', () => {
    const keys = templatesFor('logistics').map((item) => item.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'logistics.insurance',
        'logistics.expenses',
        'logistics.codesAndRegulations',
        'logistics.infoSheet',
        'logistics.digitalFolder',
        'logistics.badges',
        'logistics.accessRights',
        'logistics.workplace',
        'logistics.emailAddress',
        'logistics.materialList',
      ]),
    );
  });

  it('covers the onboarding, preparation and closing steps of B5, C3, C4, C6 and B8', () => {
    const keys = new Set(CHECKLIST_TEMPLATES.map((item) => item.key));
    for (const key of [
      'coordinatorOnboarding.halfDayReserved',
      'coordinatorOnboarding.receptionWarned',
      'coordinatorOnboarding.coordinatorRole',
      'coordinatorOnboarding.organisationPresentation',
      'coordinatorOnboarding.workingTime',
      'coordinatorOnboarding.telework',
      'coordinatorOnboarding.illnessAbsence',
      'coordinatorOnboarding.building',
      'coordinatorOnboarding.surroundings',
      'coordinatorOnboarding.lunch',
      'coordinatorOnboarding.goodieBag',
      'mentorPreparation.projects',
      'mentorPreparation.backupFound',
      'mentorPreparation.backupBriefed',
      'mentorPreparation.firstWeekAssignments',
      'mentorPreparation.practicalMail',
      'mentorOnboarding.welcomeTogether',
      'mentorOnboarding.contractChecked',
      'mentorOnboarding.framing',
      'mentorOnboarding.outOfTasks',
      'mentorOnboarding.schoolObligations',
      'mentorOnboarding.buildingTour',
      'mentorOnboarding.visitManager',
      'closing.schoolEvaluation',
      'closing.confidentiality',
      'closing.recommendation',
      'closing.finalWorkPublished',
      'closing.presentation',
    ]) {
      expect(keys.has(key), key).toBe(true);
    }
  });

  it('gives B-step lists to the coordinator and C-step lists to the mentor (or the intern)', () => {
    const owners: Record<ChecklistKind, readonly Role[]> = {
      logistics: ['coordinator'],
      coordinatorOnboarding: ['coordinator'],
      mentorPreparation: ['mentor'],
      mentorOnboarding: ['mentor'],
      closing: ['coordinator', 'mentor', 'intern'],
    };
    for (const item of CHECKLIST_TEMPLATES) expect(owners[item.kind], item.key).toContain(item.owner);
    for (const item of templatesFor('closing')) {
      const expected: Role[] = item.source.startsWith('C') ? ['mentor', 'intern'] : ['coordinator', 'intern'];
      expect(expected, item.key).toContain(item.owner);
    }
  });

  it('dates preparation before the start, onboarding in the first week, closing around the end', () => {
    for (const item of [...templatesFor('logistics'), ...templatesFor('mentorPreparation')]) {
      const beforeStart = item.due.anchor === 'start' && item.due.workdays < 0;
      expect(beforeStart || item.due.anchor === 'decision', item.key).toBe(true);
    }
    for (const item of [...templatesFor('coordinatorOnboarding'), ...templatesFor('mentorOnboarding')]) {
      expect(item.due.anchor, item.key).toBe('start');
      expect(item.due.workdays, item.key).toBeGreaterThanOrEqual(-5);
      expect(item.due.workdays, item.key).toBeLessThanOrEqual(4);
    }
    for (const item of templatesFor('closing')) {
      expect(item.due.anchor, item.key).toBe('end');
      expect(Math.abs(item.due.workdays), item.key).toBeLessThanOrEqual(10);
    }
    for (const item of CHECKLIST_TEMPLATES) expect(Number.isInteger(item.due.workdays), item.key).toBe(true);
  });

  it('gates the start on the logistics list only, whose items are all mandatory', () => {
    expect(REQUIRED_FOR_START).toEqual(['logistics']);
    for (const item of templatesFor('logistics')) expect(item.optional, item.key).not.toBe(true);
  });

  it('keeps each line short: detail goes in the hint', () => {
    for (const item of CHECKLIST_TEMPLATES) {
      for (const line of Object.values(item.text))
        expect(line.length, `${item.key}: ${line}`).toBeLessThanOrEqual(110);
      for (const line of Object.values(item.text)) expect(line, item.key).not.toMatch(/[.!]$/);
    }
  });

  it('finds a template by key', () => {
    expect(checklistTemplate('logistics.insurance')?.source).toBe('B4');
    expect(checklistTemplate('logistics.nope')).toBeUndefined();
  });
});
