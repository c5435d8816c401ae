import type { SelectionAction } from './capacity';
import type { Locale } from './i18n';
import type { IsoDate, IsoInstant, Phase } from './internship';
import type { AnswerValue, ApplicationStatus, AssignmentStatus } from './records';
import type { PersonView } from './views';

/**
 * What the coordination API answers (needs analysis, places, applications, intake interview: toolbox B1–B3,
 * C1–C2). Shared by the server's presenters and the tab, like `views.ts`; a presenter fills only what the caller
 * may see.
 */

/** What the caller may do with one assignment; the tab shows only these actions (the API enforces them anyway). */
export type AssignmentAction = SelectionAction;

export interface AssignmentView {
  id: string;
  key: string;
  etag: string;
  year: number;
  service: string;
  serviceName: string;
  title: string;
  description: string;
  status: AssignmentStatus;
  places: number;
  research: boolean;
  context?: string;
  contacts?: string;
  qualityCriteria?: string;
  deadlines?: string;
  profile?: string;
  periodStart?: IsoDate;
  periodEnd?: IsoDate;
  proposedBy?: PersonView;
  mentor?: PersonView;
  backup?: PersonView;
  allowed: AssignmentAction[];
}

/** Places selected against the policy's capacity, for one service of the year. */
export interface ServiceCapacityView {
  service: string;
  serviceName: string;
  /** Places of the approved, published and filled assignments. */
  selected: number;
  /** Places proposed and not selected (yet). */
  proposed: number;
  capacity?: number;
}

export interface CapacityView {
  year: number;
  selected: number;
  capacity?: number;
  services: ServiceCapacityView[];
  /** False while the policy sets no capacity (see src/domain/capacity.ts). */
  policySet: boolean;
}

export interface AssignmentListView {
  year: number;
  items: AssignmentView[];
  /** Only for coordinators (they select against it). */
  capacity?: CapacityView;
}

/** Figures of a selection against the capacity, and the warning lines when it exceeds it. */
export interface CapacityCheckView {
  year: number;
  service: string;
  serviceName: string;
  capacityYear?: number;
  capacityService?: number;
  usedYear: number;
  usedService: number;
  afterYear: number;
  afterService: number;
  exceeds: boolean;
  warnings: string[];
}

export interface ApprovalView {
  assignment: AssignmentView;
  capacity: CapacityCheckView;
}

/** The text that makes the places known, for the website and the partners (toolbox B2), in every language. */
export interface PublicationView {
  year: number;
  assignments: number;
  texts: Record<Locale, string>;
}

export interface ApplicationView {
  id: string;
  key: string;
  etag: string;
  candidateName: string;
  candidateEmail: string;
  receivedAt: IsoInstant;
  status: ApplicationStatus;
  schoolId?: string;
  schoolName?: string;
  programme?: string;
  motivation?: string;
  periodStart?: IsoDate;
  periodEnd?: IsoDate;
  assignment?: { id: string; key: string; title: string; service: string; serviceName: string };
  /** When the intake interview was recorded. */
  interviewAt?: IsoInstant;
  /** The internship made from this application, once made. */
  internship?: { id: string; phase: Phase };
}

export interface ApplicationListView {
  items: ApplicationView[];
}

/** The recorded intake interview of an application (question set, answers, advice). */
export interface IntakeView {
  application: ApplicationView;
  answers: Record<string, AnswerValue>;
  submittedAt?: IsoInstant;
  respondent?: PersonView;
}

/** A directory person who can be proposed as mentor or back-up. */
export interface PersonChoiceView extends PersonView {
  department?: string;
}

export interface ConversionView {
  internshipId: string;
  phase: Phase;
  /** False when the internship already existed (a retried conversion). */
  created: boolean;
}
