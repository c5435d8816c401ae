import type { WaitingParty } from './attention';
import type { IsoDate } from './internship';
import type { MomentState } from './records';
import type { PersonView } from './views';

/** What needs attention, in the order the homes group it (attention.ts has the rules). */
export const ATTENTION_KINDS = [
  'unansweredMoment',
  'evaluationToFill',
  'lateChecklistItem',
  'missingDocument',
  'redFlag',
] as const;
export type AttentionKind = (typeof ATTENTION_KINDS)[number];

/**
 * What GET /api/attention answers (issue #5, the homes). Like views.ts, the presenter fills in only what the
 * caller may see: an entry is listed only when the caller may read what it is about (moments, checklists, the
 * folder and its confidential part, evaluations) on that internship. Texts are in the caller's language.
 */

/** Where on the internship page the entry is handled: the anchor of that section's heading. */
export type AttentionSection = 'moments' | 'checklists' | 'folder' | 'evaluations';

export interface AttentionEntryView {
  /** Stable and unique within the answer (the tab's list key). */
  id: string;
  kind: AttentionKind;
  internship: { id: string; key: string; internName: string; serviceName: string };
  /** What: the moment's title, the checklist item's text, the document type or the questionnaire. */
  title: string;
  /** Due date, or the day a red flag was raised. */
  since: IsoDate;
  /** Workdays late (> 0), due today (0) or due in that many workdays (< 0). */
  workdaysLate: number;
  waitsFor: { role: WaitingParty['role']; person?: PersonView }[];
  /** Moments: the state the card is in (sent, escalated, not delivered…). */
  state?: MomentState;
  /** Documents: kept in the confidential library. */
  confidential?: boolean;
  section: AttentionSection;
  /** The id of the heading to reveal on the internship page (`/internships/:id#anchor`). */
  anchor: string;
}

export interface AttentionView {
  today: IsoDate;
  /** What is overdue on the internships the caller follows (all of them for a coordinator), most late first. */
  overdue: AttentionEntryView[];
  /** What is due from the caller themself: late, due today or within `horizonWorkdays`. */
  dueFromMe: AttentionEntryView[];
  horizonWorkdays: number;
}
