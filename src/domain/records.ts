/**
 * Stored shapes that the other domain files do not define yet: what the SharePoint lists hold besides the
 * internship itself (moments with their state and delivery log, checklist item instances, answers, the journal,
 * the needs analysis, applications, partners and the organisation's settings).
 *
 * Every record has `id` (the list item id: opaque, used to address the item) and `key` (the client-generated
 * idempotency key, also what other records refer to: relations survive an export/import that renumbers items).
 */
import { z } from 'zod';
import { CHECKLIST_KINDS, type ChecklistKind } from './checklists';
import type { DocumentKey } from './documents';
import { LOCALES, type Locale } from './i18n';
import type { IsoDate, IsoInstant } from './internship';
import type { QuestionnaireKey } from './questionnaires';
import { capacityPolicySchema } from './capacity';
import { scheduleRulesOverridesSchema, type PlannedMoment } from './schedule';

// ---------- moments ----------

export const MOMENT_STATES = [
  'planned',
  'sent',
  'escalatedToBackup',
  'escalatedToCoordinator',
  'answered',
  'failed',
  'cancelled',
] as const;
export type MomentState = (typeof MOMENT_STATES)[number];

/** States in which a moment still waits for an answer (the scheduler's work). */
export const OPEN_MOMENT_STATES: readonly MomentState[] = [
  'planned',
  'sent',
  'escalatedToBackup',
  'escalatedToCoordinator',
];

export const DELIVERY_EVENTS = [
  'scheduled',
  'sent',
  'retried',
  'failed',
  'installed',
  'mailed',
  'escalatedToBackup',
  'escalatedToCoordinator',
  'answered',
  'cancelled',
  'moved',
] as const;
export type DeliveryEvent = (typeof DELIVERY_EVENTS)[number];

/** One line of a moment's delivery log (BRIEF: every send, retry, failure, escalation and answer is logged). */
export interface DeliveryLogEntry {
  at: IsoInstant;
  event: DeliveryEvent;
  /** Entra object id of the recipient or of who answered. */
  oid?: string;
  channel?: 'teams' | 'mail';
  detail?: string;
}

export const deliveryLogEntrySchema = z.object({
  at: z.string(),
  event: z.enum(DELIVERY_EVENTS),
  oid: z.string().optional(),
  channel: z.enum(['teams', 'mail']).optional(),
  detail: z.string().max(2000).optional(),
});

/**
 * A planned moment as stored. `internshipId` holds the internship's KEY (the schedule is computed with
 * `internshipId = internship.key`, so moment keys exist before any list item does).
 */
export interface Moment extends PlannedMoment {
  id: string;
  state: MomentState;
  /** Who got (or gets) the card, resolved at send time. */
  recipientOids: string[];
  answeredByOid?: string;
  answeredAt?: IsoInstant;
  attempts: number;
  log: DeliveryLogEntry[];
}

// ---------- checklists ----------

export interface ChecklistItem {
  id: string;
  key: string;
  internshipKey: string;
  checklist: ChecklistKind;
  /** The template it was instantiated from (checklists.ts), or a Settings custom item key. */
  templateKey: string;
  done: boolean;
  doneByOid?: string;
  doneAt?: IsoInstant;
  dueDate?: IsoDate;
  assigneeOid?: string;
  note?: string;
  hidden: boolean;
}

// ---------- answers ----------

export type AnswerValue = string | number | boolean;

/** Answers of an evaluation (mid-term, final) or a survey (satisfaction, pulse, intake…). */
export interface EvaluationRecord {
  id: string;
  key: string;
  internshipKey: string;
  /** Absent for the answer of a checklist card (preparation, first day, results): no questionnaire, ticks only. */
  questionnaire?: QuestionnaireKey;
  momentKey?: string;
  respondentOid: string;
  answers: Record<string, AnswerValue>;
  submittedAt: IsoInstant;
  /** An intern sees an evaluation only once it is shared with them (evaluation.readShared); absent = not shared. */
  sharedWithIntern?: boolean;
}

/** An answer to a questionnaire (not a checklist card's ticks). */
export const isQuestionnaireRecord = <T extends EvaluationRecord>(
  r: T,
): r is T & { questionnaire: QuestionnaireKey } => r.questionnaire !== undefined;

// ---------- journal ----------

interface JournalBase {
  id: string;
  key: string;
  internshipKey: string;
  authorOid?: string;
  date: IsoDate;
}

export interface FeedbackEntry extends JournalBase {
  type: 'feedback';
  direction: 'toIntern' | 'fromIntern';
  note: string;
  visibleToIntern: boolean;
}

export interface AbsenceEntry extends JournalBase {
  type: 'absence';
  /** `date` is the first day. */
  to: IsoDate;
  kind: 'planned' | 'school' | 'illness' | 'other';
  note?: string;
  schoolInformed: boolean;
}

export interface NoteEntry extends JournalBase {
  type: 'wellbeing' | 'concern' | 'visit';
  note: string;
}

export type JournalEntry = FeedbackEntry | AbsenceEntry | NoteEntry;

// ---------- needs analysis, applications, partners ----------

export const ASSIGNMENT_STATUSES = ['proposed', 'approved', 'published', 'filled', 'withdrawn'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export interface Assignment {
  id: string;
  key: string;
  year: number;
  service: string;
  title: string;
  description: string;
  domain?: string;
  status: AssignmentStatus;
  places: number;
  proposedByOid?: string;
  mentorOid?: string;
  /** The project sheet (toolbox C1): context, contacts, quality criteria, deadlines, profile, period. */
  details: AssignmentDetails;
}

export interface AssignmentDetails {
  context?: string;
  contacts?: string;
  qualityCriteria?: string;
  deadlines?: string;
  profile?: string;
  periodStart?: IsoDate;
  periodEnd?: IsoDate;
  research?: boolean;
  backupOid?: string;
}

export const APPLICATION_STATUSES = ['received', 'interview', 'accepted', 'refused', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export interface Application {
  id: string;
  key: string;
  assignmentKey?: string;
  schoolKey?: string;
  candidateName: string;
  candidateEmail: string;
  receivedAt: IsoInstant;
  status: ApplicationStatus;
  details: {
    schoolName?: string;
    programme?: string;
    motivation?: string;
    periodStart?: IsoDate;
    periodEnd?: IsoDate;
  };
}

export const PARTNER_TYPES = ['school', 'programme', 'contact', 'agreement'] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];

/** Schools, their programmes, contacts and agreements, as one tree (`parentKey` points up). */
export interface Partner {
  id: string;
  key: string;
  type: PartnerType;
  parentKey?: string;
  name: string;
  email?: string;
  phone?: string;
  /** Free details: address, website, contact role, agreement dates. */
  details: Record<string, string>;
  validUntil?: IsoDate;
  /** The toolbox (B2) asks to review the contact list yearly. */
  reviewDate?: IsoDate;
}

/** A document in an internship folder, as the required-documents status reads it. */
export interface StoredDocument {
  id: string;
  name: string;
  internshipKey?: string;
  documentType?: DocumentKey;
  confidential: boolean;
  size?: number;
  webUrl?: string;
}

// ---------- organisation settings ----------

const localizedPartial = z
  .object(Object.fromEntries(LOCALES.map((l) => [l, z.string().max(500)])) as Record<Locale, z.ZodString>)
  .partial();

export const checklistOverrideSchema = z.object({
  templateKey: z.string().min(1).max(120),
  hidden: z.boolean().optional(),
  text: localizedPartial.optional(),
  due: z
    .object({ anchor: z.enum(['decision', 'start', 'end']), workdays: z.number().int().min(-260).max(260) })
    .optional(),
});

/** An item the organisation adds to a checklist (coordinators edit checklists without code). */
export const customChecklistItemSchema = z.object({
  key: z.string().regex(/^custom\.[A-Za-z0-9_.-]{1,80}$/),
  kind: z.enum(CHECKLIST_KINDS),
  text: localizedPartial,
  due: z.object({
    anchor: z.enum(['decision', 'start', 'end']),
    workdays: z.number().int().min(-260).max(260),
  }),
});

export const organisationSettingsSchema = z.object({
  name: localizedPartial.default({}),
  coordinatorOids: z.array(z.string().min(1).max(100)).max(50).default([]),
  services: z
    .array(
      z.object({
        key: z.string().min(1).max(100),
        name: localizedPartial,
        headOid: z.string().max(100).optional(),
      }),
    )
    .max(200)
    .default([]),
  scheduleRules: scheduleRulesOverridesSchema.default({}),
  checklistOverrides: z.array(checklistOverrideSchema).max(500).default([]),
  customChecklistItems: z.array(customChecklistItemSchema).max(500).default([]),
  /** Personal data is purged this many months after the internship ends (BRIEF "Security and privacy"). */
  retentionMonths: z.number().int().min(1).max(120).default(24),
  /** The weekly "arrivals and departures" post in a team channel (toolbox A3/B3 internal communication). */
  announcements: z.boolean().default(true),
  /**
   * The team (its thread id) whose channel gets that post. Absent: the only team the app is installed in, if there
   * is exactly one; null: no team (the coordinator chose none).
   */
  announcementTeamId: z.string().min(1).max(200).nullable().optional(),
  defaultLanguage: z.enum(LOCALES).default('nl'),
  /** Plan of approach (toolbox A2): how many interns per year and per team the organisation can host. */
  capacity: capacityPolicySchema.optional(),
});
export type OrganisationSettings = z.output<typeof organisationSettingsSchema>;
