import type { ChecklistKind } from './checklists';
import type { IsoDate, IsoInstant, Role, StoppedBy } from './internship';
import type { DeliveryEvent, MomentState } from './records';
import type { MomentKind } from './schedule';
import type { InternshipView, PersonView } from './views';

/**
 * What the workflow API (issue #5) answers: checklists, moments, history and the results of the workflow steps.
 * Kept apart from views.ts so the workflow feature owns its shapes; texts are already in the caller's language.
 */

export interface ChecklistItemView {
  /** List item id: addresses the item. */
  id: string;
  key: string;
  /** Template key (checklists.ts) or a Settings custom item key: what a change names. */
  itemKey: string;
  kind: ChecklistKind;
  text: string;
  hint?: string;
  group?: string;
  owner?: Role;
  /** Worded as a suggestion by the toolbox: never blocks a gate. */
  optional: boolean;
  done: boolean;
  doneBy?: PersonView;
  doneAt?: IsoInstant;
  dueDate?: IsoDate;
  assignee?: PersonView;
  note?: string;
  hidden: boolean;
  /** The version read; a change sends it back in If-Match. */
  etag: string;
}

export interface ChecklistView {
  /** The tab names the kind in the user's language. */
  kind: ChecklistKind;
  items: ChecklistItemView[];
  /** Items that are neither done, hidden nor optional. */
  open: number;
}

export interface ChecklistsView {
  checklists: ChecklistView[];
  canWrite: boolean;
  /** Hiding an item changes the process (coordinators only). */
  canHide: boolean;
}

export interface MomentLogLineView {
  at: IsoInstant;
  event: DeliveryEvent;
  person?: PersonView;
  channel?: 'teams' | 'mail';
  detail?: string;
}

export interface MomentView {
  id: string;
  key: string;
  kind: MomentKind;
  title: string;
  seq: number;
  dueDate: IsoDate;
  sendAt: IsoInstant;
  state: MomentState;
  recipients: PersonView[];
  answeredBy?: PersonView;
  answeredAt?: IsoInstant;
  log: MomentLogLineView[];
}

export const HISTORY_EVENT_KINDS = [
  'interview',
  'intakeReport',
  'decision',
  'checklistDone',
  'momentAnswered',
  'momentEscalated',
  'waiver',
  'stopped',
] as const;
export type HistoryEventKind = (typeof HISTORY_EVENT_KINDS)[number];

/** One line of the internship's history, derived from what is stored (newest first). */
export interface HistoryEventView {
  at: IsoInstant;
  kind: HistoryEventKind;
  /** What happened, in the caller's language (checklist item text, moment title, decision…). */
  text: string;
  by?: PersonView;
  stoppedBy?: StoppedBy;
}

/** A person a coordinator may name as mentor or back-up. */
export interface PersonOptionView extends PersonView {
  department?: string;
}

/** What recording the decision did, beside the internship itself. */
export interface DecisionResultView {
  internship: InternshipView;
  folder?: { name: string; webUrl?: string };
  checklistItems: number;
  moments: number;
  /** False when the mail could not be sent: the decision stays recorded, the coordinator mails by hand. */
  mailSent: boolean;
}
