import { interpolate } from '../../bot/cards/format';
import { MOMENT_TITLES } from '../../bot/cards/texts';
import { canOnInternship, type Actor, type InternshipAction } from '../../domain/access';
import { entryId, type AttentionEntry } from '../../domain/attention';
import type { AttentionEntryView, AttentionKind, AttentionSection } from '../../domain/attention-views';
import { documentType } from '../../domain/documents';
import type { Locale } from '../../domain/i18n';
import type { Internship } from '../../domain/internship';
import { questionnaire } from '../../domain/questionnaires';
import type { OrganisationSettings } from '../../domain/records';
import { checklistItemText } from './checklist-presenter';
import { personOf } from './evaluation-presenter';

export interface AttentionPresentContext {
  actor: Actor;
  locale: Locale;
  settings: OrganisationSettings;
  serviceName(key: string): string;
}

/** What the caller must be allowed to read on the internship to see an entry of each kind (docs/permissions.md). */
export const ATTENTION_READ: Readonly<Record<AttentionKind, InternshipAction>> = {
  unansweredMoment: 'moments.read',
  evaluationToFill: 'moments.read',
  lateChecklistItem: 'checklist.read',
  missingDocument: 'folder.read',
  redFlag: 'evaluation.read',
};

/** Whether the caller may see the entry: the kind's read right, and the confidential part for its documents. */
export function maySee(actor: Actor, e: AttentionEntry, i: Internship): boolean {
  if (!canOnInternship(actor, ATTENTION_READ[e.kind], i)) return false;
  return e.kind !== 'missingDocument' || !e.confidential || canOnInternship(actor, 'confidential.read', i);
}

function where(e: AttentionEntry): { section: AttentionSection; anchor: string } {
  switch (e.kind) {
    case 'unansweredMoment':
      return { section: 'moments', anchor: 'moments-title' };
    case 'evaluationToFill':
      // Filled in on the internship page as well as on the card.
      return { section: 'evaluations', anchor: 'evaluations-title' };
    case 'lateChecklistItem':
      return { section: 'checklists', anchor: `checklist-${e.checklist}` };
    case 'missingDocument':
      return { section: 'folder', anchor: 'folder-title' };
    case 'redFlag':
      return { section: 'evaluations', anchor: 'evaluations-title' };
  }
}

function title(e: AttentionEntry, c: AttentionPresentContext): string {
  switch (e.kind) {
    case 'unansweredMoment':
    case 'evaluationToFill': {
      return interpolate(MOMENT_TITLES[e.momentKind][c.locale], { n: e.seq });
    }
    case 'lateChecklistItem':
      return checklistItemText(e.templateKey, c.settings, c.locale).text;
    case 'missingDocument':
      return documentType(e.documentType).name[c.locale];
    case 'redFlag':
      return questionnaire(e.questionnaire).title[c.locale];
  }
}

/**
 * The entries this caller may see, in the caller's language. `internships` holds every internship an entry can
 * name (by key); an entry whose internship is not there is dropped rather than shown without its context.
 */
export function presentAttention(
  entries: readonly AttentionEntry[],
  internships: ReadonlyMap<string, Internship>,
  c: AttentionPresentContext,
): AttentionEntryView[] {
  return entries.flatMap((e) => {
    const i = internships.get(e.internshipKey);
    if (!i || !maySee(c.actor, e, i)) return [];
    const v: AttentionEntryView = {
      id: entryId(e),
      kind: e.kind,
      internship: {
        id: i.id,
        key: i.key,
        internName: i.intern.displayName,
        serviceName: c.serviceName(i.service),
      },
      title: title(e, c),
      since: e.since,
      workdaysLate: e.workdaysLate,
      waitsFor: e.waitsFor.map((p) => {
        const person = personOf(i, p.oid);
        return person ? { role: p.role, person } : { role: p.role };
      }),
      ...where(e),
    };
    if (e.kind === 'unansweredMoment' || e.kind === 'evaluationToFill') v.state = e.state;
    if (e.kind === 'missingDocument') v.confidential = e.confidential;
    return [v];
  });
}
