import { canOnInternship, type Actor } from '../../domain/access';
import type { Internship } from '../../domain/internship';
import type { AbsenceEntry, FeedbackEntry } from '../../domain/records';
import type { AbsenceView, FeedbackView, JournalView } from '../../domain/views-records';
import { personOf } from './evaluation-presenter';

export function presentFeedback(i: Internship, e: FeedbackEntry): FeedbackView {
  const author = personOf(i, e.authorOid);
  return {
    id: e.id,
    date: e.date,
    direction: e.direction,
    note: e.note,
    visibleToIntern: e.visibleToIntern,
    ...(author ? { author } : {}),
  };
}

export function presentAbsence(i: Internship, e: AbsenceEntry): AbsenceView {
  const author = personOf(i, e.authorOid);
  return {
    id: e.id,
    from: e.date,
    to: e.to,
    kind: e.kind,
    schoolInformed: e.schoolInformed,
    ...(e.note !== undefined ? { note: e.note } : {}),
    ...(author ? { author } : {}),
  };
}

/**
 * The journal as this caller may see it: the whole feedback log for mentor, back-up and coordinator
 * (`journal.read`); for the intern only the feedback shared with them (`journal.readShared`) and their absences,
 * which are about them and which they log themselves.
 */
export function presentJournal(
  i: Internship,
  feedback: readonly FeedbackEntry[],
  absences: readonly AbsenceEntry[],
  actor: Actor,
): JournalView {
  const all = canOnInternship(actor, 'journal.read', i);
  const byDateDesc = <T extends { date: string }>(a: T, b: T) => b.date.localeCompare(a.date);
  return {
    feedback: feedback
      .filter((e) => all || e.visibleToIntern)
      .slice()
      .sort(byDateDesc)
      .map((e) => presentFeedback(i, e)),
    absences: absences
      .slice()
      .sort(byDateDesc)
      .map((e) => presentAbsence(i, e)),
    canWrite: canOnInternship(actor, 'journal.write', i),
    canLogOwnAbsence: canOnInternship(actor, 'absence.writeOwn', i),
    sharedOnly: !all,
  };
}
