import type { InternshipAction, Relation } from './access';
import type { Locale } from './i18n';
import type { Decision, IsoDate, IsoInstant, Phase, PersonRef, SchoolContact, StoppedBy } from './internship';
import type { InternshipPlan } from './plan';

/**
 * What the API answers: shapes shared by the server's presenters and the tab. A presenter fills only the fields
 * the caller may see (docs/permissions.md); optional fields may therefore be absent for one caller and present for
 * another.
 */

export interface MeView {
  oid: string;
  name: string;
  upn: string;
  isCoordinator: boolean;
  headOfServices: string[];
  /** Counts that decide which home the tab shows. */
  mentorOf: number;
  backupOf: number;
  internOf: number;
  organisation: { name: string; defaultLanguage: Locale };
  services: { key: string; name: string }[];
}

export interface PersonView {
  id: string;
  name: string;
  email?: string;
}

export interface InternshipSummaryView {
  id: string;
  key: string;
  phase: Phase;
  intern: PersonView;
  service: string;
  serviceName: string;
  topic: string;
  startDate: IsoDate;
  endDate: IsoDate;
  mentor?: PersonView;
  backup?: PersonView;
  schoolName?: string;
  /** The caller's relations to it (mentor, back-up…). */
  relations: Relation[];
}

export interface GateView {
  /** The next phase, if any. */
  next: Phase | null;
  ok: boolean;
  reasons: { code: string; message: string; items?: { key: string; label: string }[] }[];
}

export interface InternshipView extends InternshipSummaryView {
  etag: string;
  programme?: string;
  schoolSupervisor?: SchoolContact;
  coordinator?: PersonView;
  serviceHead?: PersonView;
  interviewAt?: IsoInstant;
  decision?: Decision;
  decisionAt?: IsoInstant;
  overviewConsent: boolean;
  stoppedBy?: StoppedBy;
  stopReason?: string;
  stoppedAt?: IsoInstant;
  closingWaiver?: { by: string; at: IsoInstant; reason: string };
  plan?: InternshipPlan;
  gate?: GateView;
  /** What the caller may do here; the tab shows only these actions (the API enforces them anyway). */
  allowed: InternshipAction[];
}

/** The intranet overview (toolbox B8): only interns who consented, only these fields. */
export interface OverviewEntryView {
  id: string;
  internName: string;
  serviceName: string;
  topic: string;
  startDate: IsoDate;
  endDate: IsoDate;
}

/** A published final work on the intranet overview: of an intern who consented, only these fields. */
export interface PublishedFinalWorkView {
  id: string;
  title: string;
  internName: string;
  serviceName: string;
  topic: string;
  /** The year the internship ended. */
  year: number;
  webUrl?: string;
}

export interface OverviewView {
  items: OverviewEntryView[];
  finalWorks: PublishedFinalWorkView[];
}

export const personView = (p: PersonRef | undefined): PersonView | undefined =>
  p ? { id: p.id, name: p.displayName, ...(p.email ? { email: p.email } : {}) } : undefined;
