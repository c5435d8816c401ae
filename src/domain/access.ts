import type { Internship } from './internship';

/**
 * Who may do what: the authorisation rules of Stagemap in one place (docs/permissions.md is the matrix). Roles are
 * not global titles but relations: a user is a mentor *of an internship*, a service head *of a service*. Only the
 * coordinator role is organisation-wide (Settings lists the coordinators).
 */
export interface Actor {
  userId: string;
  isCoordinator: boolean;
  /** Services this user heads (needs analysis, the service's interns). */
  headOfServices: readonly string[];
}

/** The user's relation to one internship, derived from the internship itself (never from client input). */
export type Relation = 'coordinator' | 'mentor' | 'backup' | 'intern' | 'serviceHead' | 'staff';

export function relationsTo(
  actor: Actor,
  i: Pick<Internship, 'mentor' | 'backup' | 'intern' | 'service'>,
): Relation[] {
  const r: Relation[] = [];
  if (actor.isCoordinator) r.push('coordinator');
  if (i.mentor?.id === actor.userId) r.push('mentor');
  if (i.backup?.id === actor.userId) r.push('backup');
  if (i.intern.id === actor.userId) r.push('intern');
  if (actor.headOfServices.includes(i.service)) r.push('serviceHead');
  r.push('staff');
  return r;
}

/** Actions on one internship and what hangs under it. */
export const INTERNSHIP_ACTIONS = [
  'internship.read',
  'internship.readOverview',
  'internship.update',
  'internship.advance',
  'internship.decide',
  'internship.stop',
  'internship.close',
  'plan.read',
  'plan.write',
  'checklist.read',
  'checklist.write',
  'folder.read',
  'folder.write',
  'finalWork.read',
  'finalWork.write',
  'finalWork.publish',
  'confidential.read',
  'confidential.write',
  'moments.read',
  'moment.answer',
  'evaluation.read',
  'evaluation.readShared',
  'evaluation.write',
  'survey.mentor.write',
  'survey.intern.write',
  'survey.readAll',
  'journal.read',
  'journal.readShared',
  'journal.write',
  'absence.writeOwn',
  'contacts.read',
  'history.read',
] as const;
export type InternshipAction = (typeof INTERNSHIP_ACTIONS)[number];

const GUIDES: readonly Relation[] = ['coordinator', 'mentor', 'backup'];
const FOLDER: readonly Relation[] = ['coordinator', 'mentor', 'backup', 'intern'];

/**
 * The matrix. An intern sees their own internship but not evaluations until shared with them, not the
 * confidential part, not the journal except feedback shared with them; a service head sees their service's
 * internships (read only); staff only see the consented overview fields.
 */
export const INTERNSHIP_MATRIX: Readonly<Record<InternshipAction, readonly Relation[]>> = {
  'internship.read': ['coordinator', 'mentor', 'backup', 'intern', 'serviceHead'],
  'internship.readOverview': ['coordinator', 'mentor', 'backup', 'intern', 'serviceHead', 'staff'],
  'internship.update': ['coordinator'],
  'internship.advance': ['coordinator'],
  'internship.decide': ['coordinator'],
  'internship.stop': ['coordinator', 'mentor'],
  'internship.close': ['coordinator'],
  'plan.read': ['coordinator', 'mentor', 'backup', 'intern', 'serviceHead'],
  'plan.write': GUIDES,
  'checklist.read': ['coordinator', 'mentor', 'backup', 'intern'],
  'checklist.write': GUIDES,
  'folder.read': FOLDER,
  'folder.write': FOLDER,
  // Who hands in the final work is who keeps the folder; what reaches the intranet is the coordinator's call.
  'finalWork.read': FOLDER,
  'finalWork.write': FOLDER,
  'finalWork.publish': ['coordinator'],
  'confidential.read': ['coordinator'],
  'confidential.write': ['coordinator'],
  'moments.read': GUIDES,
  'moment.answer': GUIDES,
  'evaluation.read': GUIDES,
  'evaluation.readShared': ['coordinator', 'mentor', 'backup', 'intern'],
  'evaluation.write': GUIDES,
  'survey.mentor.write': ['mentor', 'backup'],
  'survey.intern.write': ['intern'],
  'survey.readAll': ['coordinator'],
  'journal.read': GUIDES,
  'journal.readShared': ['coordinator', 'mentor', 'backup', 'intern'],
  'journal.write': GUIDES,
  'absence.writeOwn': ['intern'],
  'contacts.read': ['coordinator', 'mentor', 'backup', 'intern', 'serviceHead'],
  'history.read': ['coordinator', 'mentor', 'backup'],
};

export function canOnInternship(
  actor: Actor,
  action: InternshipAction,
  i: Parameters<typeof relationsTo>[1],
): boolean {
  const allowed = INTERNSHIP_MATRIX[action];
  return relationsTo(actor, i).some((r) => allowed.includes(r));
}

/** Organisation-wide actions, not tied to one internship. */
export const ORG_ACTIONS = [
  'internships.listAll',
  'internships.create',
  'overview.read',
  'finalWorks.read',
  'assignments.readAll',
  'assignments.propose',
  'assignments.select',
  'applications.manage',
  'partners.manage',
  'policy.read',
  'policy.manage',
  'settings.manage',
  'reports.read',
] as const;
export type OrgAction = (typeof ORG_ACTIONS)[number];

export function canInOrganisation(actor: Actor, action: OrgAction): boolean {
  switch (action) {
    case 'overview.read':
    case 'finalWorks.read':
    case 'policy.read':
      // The intranet overview, published final works and the internship regulation are for all staff (B8, A4).
      return true;
    case 'assignments.propose':
      return actor.isCoordinator || actor.headOfServices.length > 0;
    case 'assignments.readAll':
      return actor.isCoordinator;
    default:
      return actor.isCoordinator;
  }
}

/** A service head may propose and read assignments of the services they head only. */
export const canProposeForService = (actor: Actor, service: string): boolean =>
  actor.isCoordinator || actor.headOfServices.includes(service);
