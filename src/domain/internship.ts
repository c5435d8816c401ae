import type { Locale } from './i18n';
import type { InternshipPlan } from './plan';

/** ISO calendar date, "YYYY-MM-DD", interpreted in Europe/Brussels. */
export type IsoDate = string;
/** ISO instant, "YYYY-MM-DDTHH:mm:ss.sssZ". */
export type IsoInstant = string;

/** Roles of BRIEF.md. School supervisor and school are contacts, not users. */
export const ROLES = ['coordinator', 'mentor', 'backup', 'serviceHead', 'intern', 'staff'] as const;
export type Role = (typeof ROLES)[number];

/** Phases of a trajectory (seed 002) plus "stopped early" (toolbox A4). */
export const PHASES = [
  'request',
  'preparation',
  'decision',
  'execution',
  'evaluation',
  'closed',
  'stopped',
] as const;
export type Phase = (typeof PHASES)[number];

/** Who may stop an internship early (toolbox A4: "de stagiair zelf, de school, de organisatie, de mentor"). */
export const STOPPED_BY = ['intern', 'school', 'organisation', 'mentor'] as const;
export type StoppedBy = (typeof STOPPED_BY)[number];

export const DECISIONS = ['accepted', 'refused'] as const;
export type Decision = (typeof DECISIONS)[number];

/** A person known to the directory (an Entra ID user). */
export interface PersonRef {
  /** Entra ID object id. */
  id: string;
  displayName: string;
  email?: string;
  locale?: Locale;
}

/** Contact at the school (stagebegeleider): kept as data, not a user. */
export interface SchoolContact {
  name: string;
  email?: string;
  phone?: string;
}

export interface Internship {
  id: string;
  /** Client-generated idempotency key (see the data layer). */
  key: string;
  phase: Phase;
  intern: PersonRef;
  /** The intern's school (stagepartner) by partner id, and the programme followed there. */
  schoolId?: string;
  schoolName?: string;
  programme?: string;
  schoolSupervisor?: SchoolContact;
  service: string;
  topic: string;
  startDate: IsoDate;
  endDate: IsoDate;
  mentor?: PersonRef;
  backup?: PersonRef;
  coordinator?: PersonRef;
  serviceHead?: PersonRef;
  /** Intake interview held at; the decision may only be recorded after it (toolbox B3). */
  interviewAt?: IsoInstant;
  decision?: Decision;
  decisionAt?: IsoInstant;
  /** Intranet overview only shows interns who consented. */
  overviewConsent: boolean;
  stoppedBy?: StoppedBy;
  stopReason?: string;
  stoppedAt?: IsoInstant;
  /** A coordinator may waive the closing requirements explicitly; the waiver is logged. */
  closingWaiver?: { by: string; at: IsoInstant; reason: string };
  /** Set when it ends (closed or stopped): from this day the retention job purges its personal data. */
  purgeAfter?: IsoDate;
  assignmentId?: string;
  applicationId?: string;
  /** Projects, milestones with SMART criteria, training record (seed 003, toolbox C3). */
  plan?: InternshipPlan;
}
