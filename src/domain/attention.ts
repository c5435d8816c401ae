/**
 * What needs attention (issue #5, the homes): for the coordinator, what is overdue across the internships (moments
 * not answered, required documents missing, checklist items late, red traffic lights in follow-up answers); for a
 * mentor or back-up, what is due from them (their cards, their checklist items, the evaluations they fill in, the
 * documents they hand in). Pure: the caller reads the records and passes "today" and the work calendar.
 *
 * Rules (every date is a Belgian calendar date; lateness counts workdays, BRIEF "Moments and cards"):
 * - Only internships under way count: decision, execution and evaluation. Before the decision nothing is
 *   scheduled; a closed or stopped internship has nothing left to chase (its open moments are cancelled).
 * - A moment is overdue the day after its due date while it is still open (planned, sent, escalated) or its card
 *   could not be delivered (failed: the recipient got a mail and has not answered either). A questionnaire moment
 *   counts as answered once its answer is recorded, also when it was filled in the tab rather than on the card:
 *   the tab does not close the moment, so the record decides.
 * - A required document is due 5 workdays before the start (start documents, toolbox B4: the logistics lead
 *   time) or on the last day (closing documents, C6), and is overdue after that while its type is not in the
 *   folder.
 * - A checklist item is overdue after its due date while it is not done, not hidden and not optional.
 * - A red flag is a red traffic light in the latest answer of a questionnaire for an internship (a later answer
 *   that is not red clears it: the situation was followed up). It is raised the day of that answer.
 * Due from a person (the "due from me" list) uses the same records, with "due" instead of "overdue": due today or
 * within `horizonWorkdays` for checklist items and documents; moments as soon as their card went out (due date
 * today or earlier), since a card cannot be answered before it is sent.
 */
import { ATTENTION_KINDS, type AttentionKind } from './attention-views';
import { localDateOf } from './brussels-time';
import { checklistTemplate, type ChecklistKind } from './checklists';
import {
  DOCUMENTS_REQUIRED_BEFORE_CLOSE,
  DOCUMENTS_REQUIRED_BEFORE_START,
  type DocumentKey,
  type DocumentType,
} from './documents';
import type { Internship, IsoDate, Phase, Role } from './internship';
import {
  isQuestionnaireKey,
  questionnaire,
  QUESTIONNAIRE_KEYS,
  type QuestionnaireKey,
} from './questionnaires';
import { MILESTONE_FIELD_SEPARATOR } from './answers';
import {
  isQuestionnaireRecord,
  type ChecklistItem,
  type EvaluationRecord,
  type Moment,
  type MomentState,
} from './records';
import { MOMENT_KINDS, type MomentKind } from './schedule';
import type { WorkCalendar } from './workdays';

/** Phases in which an internship can have something overdue. */
export const ATTENTION_PHASES: readonly Phase[] = ['decision', 'execution', 'evaluation'];

/** Moment states that still wait for an answer, for attention: the open ones plus an undelivered card. */
export const UNANSWERED_STATES: readonly MomentState[] = [
  'planned',
  'sent',
  'escalatedToBackup',
  'escalatedToCoordinator',
  'failed',
];

/** Moments whose card is a form the recipient fills in: "an evaluation to fill" in their own list. */
const EVALUATION_MOMENTS: ReadonlySet<MomentKind> = new Set([
  'midTermEvaluation',
  'finalEvaluation',
  'satisfactionMentor',
  'satisfactionIntern',
]);

/** Start documents are due with the rest of the logistics, a week before the start (checklists.ts LEAD_TIME). */
export const START_DOCUMENTS_DUE_WORKDAYS_BEFORE = 5;

/** Questionnaires with a traffic light (the follow-up, the well-being pulse, the mid-term evaluation). */
export const TRAFFIC_LIGHT_QUESTIONNAIRES: readonly QuestionnaireKey[] = QUESTIONNAIRE_KEYS.filter((k) =>
  questionnaire(k).questions.some((q) => q.kind === 'trafficLight'),
);

/** The answers attention reads: red flags, and questionnaire moments answered in the tab. */
export const ATTENTION_QUESTIONNAIRES: readonly QuestionnaireKey[] = [
  ...new Set<QuestionnaireKey>([
    ...TRAFFIC_LIGHT_QUESTIONNAIRES,
    ...MOMENT_KINDS.flatMap((k) => (isQuestionnaireKey(k) ? [k] : [])),
  ]),
];

/** The document types attention checks (required before the start or before closing). */
export const ATTENTION_DOCUMENTS: readonly DocumentKey[] = [
  ...new Set([...DOCUMENTS_REQUIRED_BEFORE_START, ...DOCUMENTS_REQUIRED_BEFORE_CLOSE].map((d) => d.key)),
];

/** Who an entry waits for: a role on the internship and, when the internship names one, the person. */
export interface WaitingParty {
  role: Extract<Role, 'coordinator' | 'mentor' | 'backup' | 'intern'>;
  oid?: string;
}

interface EntryBase {
  internshipKey: string;
  internName: string;
  /** Due date (moments, checklist items, documents) or the day a red flag was raised. */
  since: IsoDate;
  /** Workdays from `since` to today: > 0 late, 0 due today (or a non-workday since), < 0 due in that many. */
  workdaysLate: number;
  waitsFor: WaitingParty[];
}

export interface MomentEntry extends EntryBase {
  kind: 'unansweredMoment' | 'evaluationToFill';
  momentKey: string;
  momentKind: MomentKind;
  seq: number;
  state: MomentState;
}

export interface ChecklistEntry extends EntryBase {
  kind: 'lateChecklistItem';
  itemKey: string;
  /** The template or custom item key (what the text comes from). */
  templateKey: string;
  checklist: ChecklistKind;
}

export interface DocumentEntry extends EntryBase {
  kind: 'missingDocument';
  documentType: DocumentKey;
  /** Lives in the coordinators-only library: only who may read the confidential part may see this entry. */
  confidential: boolean;
}

export interface RedFlagEntry extends EntryBase {
  kind: 'redFlag';
  questionnaire: QuestionnaireKey;
  evaluationKey: string;
  respondentOid: string;
}

export type AttentionEntry = MomentEntry | ChecklistEntry | DocumentEntry | RedFlagEntry;

export interface AttentionInput {
  today: IsoDate;
  calendar: WorkCalendar;
  internships: readonly Internship[];
  moments: readonly Moment[];
  checklistItems: readonly ChecklistItem[];
  evaluations: readonly EvaluationRecord[];
  /**
   * Per internship key, the document types in its folders. An internship absent from the map is not checked
   * (its folders were not read), rather than reported with every document missing.
   */
  documents: ReadonlyMap<string, ReadonlySet<DocumentKey>>;
}

export interface DueFromOptions {
  /** Checklist items and documents due within this many workdays count as due now; default 5 (a week). */
  horizonWorkdays?: number;
}

// ---------- shared rules ----------

const active = (i: Internship): boolean => ATTENTION_PHASES.includes(i.phase);

function byKey(internships: readonly Internship[]): Map<string, Internship> {
  return new Map(internships.filter(active).map((i) => [i.key, i]));
}

const late = (calendar: WorkCalendar, since: IsoDate, today: IsoDate): number =>
  calendar.workdaysBetween(since, today);

function party(role: WaitingParty['role'], i: Internship): WaitingParty {
  const oid = role === 'intern' ? i.intern.id : i[role]?.id;
  return oid ? { role, oid } : { role };
}

/** Who holds an unanswered moment's card: its recipients, plus whoever it escalated to. */
function momentParties(m: Moment, i: Internship): WaitingParty[] {
  const roles = new Set<WaitingParty['role']>(
    m.recipients.filter((r): r is WaitingParty['role'] =>
      ['coordinator', 'mentor', 'backup', 'intern'].includes(r),
    ),
  );
  if (m.state === 'escalatedToBackup' || m.state === 'escalatedToCoordinator') roles.add('backup');
  if (m.state === 'escalatedToCoordinator') roles.add('coordinator');
  const order: WaitingParty['role'][] = ['mentor', 'backup', 'intern', 'coordinator'];
  return order.filter((r) => roles.has(r)).map((r) => party(r, i));
}

function answersByInternship(evaluations: readonly EvaluationRecord[]): Map<string, EvaluationRecord[]> {
  const out = new Map<string, EvaluationRecord[]>();
  for (const e of evaluations) out.set(e.internshipKey, [...(out.get(e.internshipKey) ?? []), e]);
  return out;
}

/**
 * Whether a questionnaire moment's answer is recorded: the record names the moment (card answers), or, for a
 * tab answer (no moment key), it is of the same questionnaire and, for the repeating follow-up, submitted on or
 * after the moment's due date (an earlier follow-up answered an earlier moment).
 */
function answeredByRecord(m: Moment, records: readonly EvaluationRecord[] | undefined): boolean {
  if (!records || !isQuestionnaireKey(m.kind)) return false;
  return records.some(
    (r) =>
      r.momentKey === m.key ||
      (r.momentKey === undefined &&
        r.questionnaire === m.kind &&
        (m.kind !== 'followUp' || localDateOf(r.submittedAt) >= m.dueDate)),
  );
}

interface UnansweredMoment {
  moment: Moment;
  internship: Internship;
}

function unansweredMoments(
  input: AttentionInput,
  internships: Map<string, Internship>,
  dueBy: (m: Moment) => boolean,
): UnansweredMoment[] {
  const answers = answersByInternship(input.evaluations);
  const out: UnansweredMoment[] = [];
  for (const m of input.moments) {
    const i = internships.get(m.internshipId);
    if (!i || !UNANSWERED_STATES.includes(m.state) || !m.dueDate || !dueBy(m)) continue;
    if (answeredByRecord(m, answers.get(i.key))) continue;
    out.push({ moment: m, internship: i });
  }
  return out;
}

function momentEntry(
  kind: MomentEntry['kind'],
  { moment: m, internship: i }: UnansweredMoment,
  input: AttentionInput,
  waitsFor: WaitingParty[],
): MomentEntry {
  return {
    kind,
    internshipKey: i.key,
    internName: i.intern.displayName,
    since: m.dueDate,
    workdaysLate: late(input.calendar, m.dueDate, input.today),
    waitsFor,
    momentKey: m.key,
    momentKind: m.kind,
    seq: m.seq,
    state: m.state,
  };
}

const optional = (templateKey: string): boolean => checklistTemplate(templateKey)?.optional === true;

function openItems(input: AttentionInput, internships: Map<string, Internship>) {
  return input.checklistItems.flatMap((c) => {
    const i = internships.get(c.internshipKey);
    return i && !c.done && !c.hidden && c.dueDate && !optional(c.templateKey)
      ? [{ item: c, internship: i, dueDate: c.dueDate }]
      : [];
  });
}

function checklistEntry(
  c: ChecklistItem,
  i: Internship,
  dueDate: IsoDate,
  input: AttentionInput,
): ChecklistEntry {
  const owner = checklistTemplate(c.templateKey)?.owner;
  const role: WaitingParty['role'] =
    c.assigneeOid && c.assigneeOid === i.mentor?.id
      ? 'mentor'
      : c.assigneeOid && c.assigneeOid === i.backup?.id
        ? 'backup'
        : c.assigneeOid && c.assigneeOid === i.intern.id
          ? 'intern'
          : owner === 'mentor' || owner === 'intern' || owner === 'backup'
            ? owner
            : 'coordinator';
  return {
    kind: 'lateChecklistItem',
    internshipKey: i.key,
    internName: i.intern.displayName,
    since: dueDate,
    workdaysLate: late(input.calendar, dueDate, input.today),
    waitsFor: [c.assigneeOid ? { role, oid: c.assigneeOid } : party(role, i)],
    itemKey: c.key,
    templateKey: c.templateKey,
    checklist: c.checklist,
  };
}

/** The required documents of an internship at its phase, with their due dates. */
function requiredDocuments(i: Internship, calendar: WorkCalendar): { type: DocumentType; due: IsoDate }[] {
  if (i.phase === 'decision' || i.phase === 'execution') {
    const due = calendar.addWorkdays(i.startDate, -START_DOCUMENTS_DUE_WORKDAYS_BEFORE);
    return DOCUMENTS_REQUIRED_BEFORE_START.map((type) => ({ type, due }));
  }
  if (i.phase === 'evaluation') {
    // A waiver lets the internship close without them: then nothing is missing.
    if (i.closingWaiver) return [];
    const due = calendar.previousWorkdayOnOrBefore(i.endDate);
    return DOCUMENTS_REQUIRED_BEFORE_CLOSE.map((type) => ({ type, due }));
  }
  return [];
}

function missingDocuments(input: AttentionInput, internships: Map<string, Internship>) {
  const out: { internship: Internship; type: DocumentType; due: IsoDate }[] = [];
  for (const i of internships.values()) {
    const present = input.documents.get(i.key);
    if (!present) continue;
    let required: { type: DocumentType; due: IsoDate }[];
    try {
      required = requiredDocuments(i, input.calendar);
    } catch {
      // A period that is not a date is a data error to fix on the internship, not a reason to fail every list.
      continue;
    }
    for (const { type, due } of required) if (!present.has(type.key)) out.push({ internship: i, type, due });
  }
  return out;
}

function documentEntry(
  i: Internship,
  type: DocumentType,
  due: IsoDate,
  input: AttentionInput,
  waitsFor: WaitingParty[],
): DocumentEntry {
  return {
    kind: 'missingDocument',
    internshipKey: i.key,
    internName: i.intern.displayName,
    since: due,
    workdaysLate: late(input.calendar, due, input.today),
    waitsFor,
    documentType: type.key,
    confidential: type.confidential,
  };
}

const documentParties = (type: DocumentType, i: Internship): WaitingParty[] =>
  type.owner === 'mentor'
    ? [party('mentor', i), ...(i.backup ? [party('backup', i)] : [])]
    : type.owner === 'intern'
      ? [party('intern', i)]
      : [party('coordinator', i)];

/** True when any traffic-light answer of the record is red (per-milestone answers included). */
function isRed(r: EvaluationRecord & { questionnaire: QuestionnaireKey }): boolean {
  const lights = new Set(
    questionnaire(r.questionnaire)
      .questions.filter((q) => q.kind === 'trafficLight')
      .map((q) => q.key),
  );
  return Object.entries(r.answers).some(
    ([key, value]) => value === 'red' && lights.has(key.split(MILESTONE_FIELD_SEPARATOR)[0] ?? key),
  );
}

function redFlags(input: AttentionInput, internships: Map<string, Internship>): RedFlagEntry[] {
  const latest = new Map<string, EvaluationRecord & { questionnaire: QuestionnaireKey }>();
  for (const r of input.evaluations.filter(isQuestionnaireRecord)) {
    if (!internships.has(r.internshipKey) || !TRAFFIC_LIGHT_QUESTIONNAIRES.includes(r.questionnaire))
      continue;
    const k = `${r.internshipKey}\u0000${r.questionnaire}`;
    const seen = latest.get(k);
    if (!seen || seen.submittedAt < r.submittedAt) latest.set(k, r);
  }
  const out: RedFlagEntry[] = [];
  for (const r of latest.values()) {
    if (!isRed(r)) continue;
    const i = internships.get(r.internshipKey)!;
    const since = localDateOf(r.submittedAt);
    out.push({
      kind: 'redFlag',
      internshipKey: i.key,
      internName: i.intern.displayName,
      since,
      workdaysLate: late(input.calendar, since, input.today),
      // Red alerts the coordinator at once (BRIEF): they act, with the mentor.
      waitsFor: [party('coordinator', i)],
      questionnaire: r.questionnaire,
      evaluationKey: r.key,
      respondentOid: r.respondentOid,
    });
  }
  return out;
}

/** Most late first; then by intern and what, so the order is stable. */
export function compareEntries(a: AttentionEntry, b: AttentionEntry): number {
  return (
    b.workdaysLate - a.workdaysLate ||
    a.since.localeCompare(b.since) ||
    a.internName.localeCompare(b.internName) ||
    ATTENTION_KINDS.indexOf(a.kind) - ATTENTION_KINDS.indexOf(b.kind) ||
    entryId(a).localeCompare(entryId(b))
  );
}

/** A stable id of an entry (the tab's list key), unique within one answer. */
export function entryId(e: AttentionEntry): string {
  switch (e.kind) {
    case 'unansweredMoment':
    case 'evaluationToFill':
      return `${e.kind}:${e.momentKey}`;
    case 'lateChecklistItem':
      return `${e.kind}:${e.itemKey}`;
    case 'missingDocument':
      return `${e.kind}:${e.internshipKey}:${e.documentType}`;
    case 'redFlag':
      return `${e.kind}:${e.evaluationKey}`;
  }
}

// ---------- the two lists ----------

/** What is overdue on the given internships (the coordinator's panel): see the file header for the rules. */
export function overdueEntries(input: AttentionInput): AttentionEntry[] {
  const internships = byKey(input.internships);
  const { today } = input;
  const entries: AttentionEntry[] = [
    ...unansweredMoments(input, internships, (m) => m.dueDate < today).map((u) =>
      momentEntry('unansweredMoment', u, input, momentParties(u.moment, u.internship)),
    ),
    ...openItems(input, internships)
      .filter((x) => x.dueDate < today)
      .map((x) => checklistEntry(x.item, x.internship, x.dueDate, input)),
    ...missingDocuments(input, internships)
      .filter((x) => x.due < today)
      .map((x) => documentEntry(x.internship, x.type, x.due, input, documentParties(x.type, x.internship))),
    ...redFlags(input, internships),
  ];
  return entries.sort(compareEntries);
}

/** Whether a moment's card is (or was, by escalation) addressed to `oid` on internship `i`. */
function addressedTo(m: Moment, i: Internship, oid: string): boolean {
  if (m.recipientOids.includes(oid)) return true;
  if (m.recipients.includes('mentor') && i.mentor?.id === oid) return true;
  if (m.recipients.includes('coordinator') && i.coordinator?.id === oid) return true;
  if (m.recipients.includes('intern') && i.intern.id === oid) return true;
  // The back-up gets the mentor's card only by escalation (or when it reached the coordinator's digest too).
  const escalated = m.state === 'escalatedToBackup' || m.state === 'escalatedToCoordinator';
  return escalated && m.recipients.includes('mentor') && i.backup?.id === oid;
}

function roleOf(i: Internship, oid: string): WaitingParty['role'] {
  if (i.mentor?.id === oid) return 'mentor';
  if (i.backup?.id === oid) return 'backup';
  if (i.intern.id === oid) return 'intern';
  return 'coordinator';
}

/**
 * What is due from one person (a mentor's or back-up's "due from me"): cards sent to them or escalated to them
 * and not answered, checklist items assigned to them due within the horizon, evaluations they fill in, and the
 * closing documents a mentor hands in (the back-up stands in for the mentor).
 */
export function dueFrom(oid: string, input: AttentionInput, opts: DueFromOptions = {}): AttentionEntry[] {
  if (!oid) return [];
  const internships = byKey(input.internships);
  const { today, calendar } = input;
  const horizon = calendar.addWorkdays(today, opts.horizonWorkdays ?? 5);
  const mine = (i: Internship): WaitingParty[] => [{ role: roleOf(i, oid), oid }];
  const entries: AttentionEntry[] = [
    ...unansweredMoments(input, internships, (m) => m.dueDate <= today)
      .filter((u) => addressedTo(u.moment, u.internship, oid))
      .map((u) =>
        momentEntry(
          EVALUATION_MOMENTS.has(u.moment.kind) ? 'evaluationToFill' : 'unansweredMoment',
          u,
          input,
          mine(u.internship),
        ),
      ),
    ...openItems(input, internships)
      .filter((x) => x.item.assigneeOid === oid && x.dueDate <= horizon)
      .map((x) => checklistEntry(x.item, x.internship, x.dueDate, input)),
    ...missingDocuments(input, internships)
      .filter(
        (x) =>
          x.type.owner === 'mentor' &&
          (x.internship.mentor?.id === oid || x.internship.backup?.id === oid) &&
          x.due <= horizon,
      )
      .map((x) => documentEntry(x.internship, x.type, x.due, input, mine(x.internship))),
  ];
  return entries.sort(compareEntries);
}

/** Counts per kind (every kind present, zero included), for the panel's headings. */
export function countByKind(entries: readonly AttentionEntry[]): Record<AttentionKind, number> {
  const out = Object.fromEntries(ATTENTION_KINDS.map((k) => [k, 0])) as Record<AttentionKind, number>;
  for (const e of entries) out[e.kind] += 1;
  return out;
}
