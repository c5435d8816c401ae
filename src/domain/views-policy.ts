import type { ChecklistKind } from './checklists';
import type { Locale } from './i18n';
import type { IsoDate } from './internship';
import type { PolicyDocument, Regulation } from './policy';
import type { ScheduleRules } from './schedule';
import type { OrganisationSettings } from './records';
import type { YearlyReport } from './report';

/**
 * What the partner, policy, settings and report endpoints answer (shared by the server's presenters and the tab).
 * Each view that can be edited carries the ETag it was read at; the tab sends it back as If-Match.
 */

export const SCHOOL_KINDS = ['university', 'universityCollege', 'secondary', 'other'] as const;
export type SchoolKind = (typeof SCHOOL_KINDS)[number];

/** A school (stagepartner) with its programmes, contacts and agreement, as one editable unit (toolbox B2). */
export interface PartnerView {
  id: string;
  key: string;
  etag: string;
  name: string;
  kind: SchoolKind;
  email?: string;
  address?: string;
  website?: string;
  programmes: string[];
  contacts: { name: string; role?: string; email?: string; phone?: string }[];
  agreementSignedOn?: IsoDate;
  agreementValidUntil?: IsoDate;
  /** valid, expiring (within 90 days), expired, none. */
  agreementStatus: 'valid' | 'expiring' | 'expired' | 'none';
  reviewDue?: IsoDate;
  /** The yearly review of the contact list is due (review date today or earlier). */
  dueForReview: boolean;
  /** Internships with this school (all years). */
  internships: number;
}

export interface PolicyView {
  etag: string;
  policy: PolicyDocument;
}

/** The regulation as every staff member may read it (A4); nothing else of the policy. */
export interface RegulationView {
  organisation: string;
  regulation: Regulation;
}

export interface ChecklistTemplateView {
  key: string;
  kind: ChecklistKind;
  /** The built-in text in every language (what an override falls back to). */
  text: Readonly<Record<Locale, string>>;
  custom: boolean;
}

export interface SettingsView {
  etag: string;
  scheduleRules: OrganisationSettings['scheduleRules'];
  /** Defaults, so the form can show what an empty field means. */
  defaultScheduleRules: ScheduleRules;
  checklistOverrides: OrganisationSettings['checklistOverrides'];
  customChecklistItems: OrganisationSettings['customChecklistItems'];
  retentionMonths: number;
  announcements: boolean;
  /** The team chosen for the weekly post: its id, null for none, absent when never chosen (then the only one). */
  announcementTeamId?: string | null;
  /** The teams Stagemap was added to (the bot learnt them from Teams), for the choice of channel. */
  announcementTeams: AnnouncementTeamView[];
  templates: ChecklistTemplateView[];
}

export interface AnnouncementTeamView {
  teamId: string;
  teamName: string;
  /** The channel the posts go to; absent name = the team's General channel (or a channel Teams did not name). */
  channelName?: string;
  general: boolean;
  installed: boolean;
}

export interface ReportView extends YearlyReport {
  /** Years with data, newest first (the year filter). */
  years: number[];
}
