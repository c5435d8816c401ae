import { describe, expect, it } from 'vitest';
import {
  canInOrganisation,
  canOnInternship,
  canProposeForService,
  INTERNSHIP_ACTIONS,
  ORG_ACTIONS,
  relationsTo,
  type Actor,
} from './access';
import { backup, buildInternship, buildPerson, mentor } from './factories';

const internship = buildInternship({
  mentor,
  backup,
  intern: buildPerson({ id: 'u-intern' }),
  service: 'HR',
});
const actor = (over: Partial<Actor> = {}): Actor => ({
  userId: 'u-x',
  isCoordinator: false,
  headOfServices: [],
  ...over,
});

describe('relations come from the internship', () => {
  it('derives mentor, back-up, intern, service head and staff', () => {
    expect(relationsTo(actor({ userId: 'u-mentor' }), internship)).toEqual(['mentor', 'staff']);
    expect(relationsTo(actor({ userId: 'u-backup' }), internship)).toEqual(['backup', 'staff']);
    expect(relationsTo(actor({ userId: 'u-intern' }), internship)).toEqual(['intern', 'staff']);
    expect(relationsTo(actor({ headOfServices: ['HR'] }), internship)).toEqual(['serviceHead', 'staff']);
    expect(relationsTo(actor({ isCoordinator: true }), internship)).toEqual(['coordinator', 'staff']);
  });
});

describe('the internship matrix', () => {
  const who = {
    coordinator: actor({ isCoordinator: true }),
    mentor: actor({ userId: 'u-mentor' }),
    backup: actor({ userId: 'u-backup' }),
    intern: actor({ userId: 'u-intern' }),
    serviceHead: actor({ headOfServices: ['HR'] }),
    otherMentor: actor({ userId: 'u-other-mentor' }),
    otherServiceHead: actor({ headOfServices: ['ICT'] }),
  };
  const allowed = (name: keyof typeof who) =>
    INTERNSHIP_ACTIONS.filter((a) => canOnInternship(who[name], a, internship));

  it('a coordinator may do everything on every internship', () => {
    // …except answering the surveys that belong to the mentor and the intern, and logging the intern's own absence.
    const theirs = ['survey.mentor.write', 'survey.intern.write', 'absence.writeOwn'];
    expect(allowed('coordinator')).toEqual(INTERNSHIP_ACTIONS.filter((a) => !theirs.includes(a)));
  });

  it('mentor and back-up see the same, and cannot read the confidential part', () => {
    // Only the mentor may stop the internship (toolbox A4); the back-up stands in for follow-up.
    expect(allowed('mentor').filter((a) => a !== 'internship.stop')).toEqual(allowed('backup'));
    expect(allowed('mentor')).not.toContain('confidential.read');
    expect(allowed('mentor')).toContain('evaluation.write');
    expect(allowed('mentor')).not.toContain('internship.decide');
  });

  it('an intern sees their own internship, but not unshared evaluations, the journal or the confidential part', () => {
    const a = allowed('intern');
    expect(a).toEqual(
      expect.arrayContaining([
        'internship.read',
        'folder.read',
        'evaluation.readShared',
        'survey.intern.write',
        'absence.writeOwn',
      ]),
    );
    for (const denied of [
      'evaluation.read',
      'confidential.read',
      'journal.read',
      'moments.read',
      'survey.readAll',
    ] as const) {
      expect(a).not.toContain(denied);
    }
  });

  it("another mentor or another service's head only sees the overview fields", () => {
    expect(allowed('otherMentor')).toEqual(['internship.readOverview']);
    expect(allowed('otherServiceHead')).toEqual(['internship.readOverview']);
    expect(allowed('serviceHead')).toEqual([
      'internship.read',
      'internship.readOverview',
      'plan.read',
      'contacts.read',
    ]);
  });
});

describe('organisation-wide actions', () => {
  it('staff read the overview, final works and policy only', () => {
    const staff = actor();
    expect(ORG_ACTIONS.filter((a) => canInOrganisation(staff, a))).toEqual([
      'overview.read',
      'finalWorks.read',
      'policy.read',
    ]);
  });

  it('service heads propose assignments for their own service', () => {
    const head = actor({ headOfServices: ['ICT'] });
    expect(canInOrganisation(head, 'assignments.propose')).toBe(true);
    expect(canProposeForService(head, 'ICT')).toBe(true);
    expect(canProposeForService(head, 'HR')).toBe(false);
    expect(canInOrganisation(head, 'applications.manage')).toBe(false);
  });

  it('coordinators manage everything', () => {
    expect(ORG_ACTIONS.every((a) => canInOrganisation(actor({ isCoordinator: true }), a))).toBe(true);
  });
});
