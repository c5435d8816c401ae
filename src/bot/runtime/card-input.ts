import type { Internship, PersonRef, Role } from '../../domain/internship';
import { MOMENT_RECIPIENTS } from '../../domain/schedule';
import type { MomentCardInput } from '../cards/card-shell';
import type { MomentView } from './ports';

/**
 * The card input for one person in one role. Moments refer to their internship by KEY (the schedule is computed
 * with `internshipId = internship.key`), so the card sees the internship under its key: `data.internshipId` and
 * the tab link carry the key, which exists before any list item and survives an export.
 */
export function cardInput(view: MomentView, person: PersonRef, role: Role): MomentCardInput {
  const internship: Internship = { ...view.internship, id: view.internship.key };
  return {
    moment: {
      key: view.moment.key,
      internshipId: view.moment.internshipId,
      kind: view.moment.kind,
      seq: view.moment.seq,
      dueDate: view.moment.dueDate,
    },
    internship,
    recipient: { person, role },
    ...(view.milestones ? { milestones: view.milestones } : {}),
    ...(view.checklistItems ? { checklistItems: view.checklistItems } : {}),
  };
}

/**
 * The role in which `oid` may answer this moment, read from the stored internship (never from the card), or
 * undefined when they may not. Intern surveys (pulse, intern satisfaction) are the intern's own: only the intern
 * answers them (access.ts `survey.intern.write`). Every other card: mentor, back-up or coordinator of that
 * internship (`moment.answer`), the coordinator being the internship's or one of the organisation's.
 */
export function answeringRole(view: MomentView, oid: string): Role | undefined {
  if (!oid) return undefined;
  const i = view.internship;
  if (MOMENT_RECIPIENTS[view.moment.kind].includes('intern'))
    return i.intern.id === oid ? 'intern' : undefined;
  if (i.mentor?.id === oid) return 'mentor';
  if (i.backup?.id === oid) return 'backup';
  if (i.coordinator?.id === oid || view.coordinatorOids.includes(oid)) return 'coordinator';
  return undefined;
}
