import { atLocalTime } from '../../domain/brussels-time';
import { CHECKLIST_TEMPLATES, type ChecklistItemTemplate } from '../../domain/checklists';
import {
  DOCUMENT_TYPES,
  DOCUMENTS_REQUIRED_BEFORE_CLOSE,
  DOCUMENTS_REQUIRED_BEFORE_START,
  type DocumentKey,
} from '../../domain/documents';
import type { Internship, IsoDate, PersonRef, Phase, StoppedBy } from '../../domain/internship';
import { PHASES, STOPPED_BY } from '../../domain/internship';
import {
  isQuestionnaireKey,
  questionnaire,
  TRAFFIC_LIGHT_CHOICES,
  type QuestionnaireKey,
} from '../../domain/questionnaires';
import type {
  AnswerValue,
  Application,
  Assignment,
  ChecklistItem,
  DeliveryLogEntry,
  EvaluationRecord,
  JournalEntry,
  Moment,
  MomentState,
  OrganisationSettings,
  Partner,
} from '../../domain/records';
import { computeSchedule, DEFAULT_SCHEDULE_RULES, type PlannedMoment } from '../../domain/schedule';
import { fromEpochDay, toEpochDay, type WorkCalendar } from '../../domain/workdays';
import type { DirectoryPerson } from '../people';
import { checklistItemKey } from '../repositories/checklist-items';
import type { NewRecord } from '../repositories/list-repository';
import {
  FEEDBACK_NOTES,
  ORGANISATION_NAME,
  SCHOOLS,
  SERVICES,
  STOP_REASONS,
  STUDENT_FAMILY,
  STUDENT_GIVEN,
} from './demo-data';
import { createRandom, type Random } from './prng';

/**
 * The demo organisation as data, computed before anything is written: deterministic for a (seed, today, size),
 * so two runs plan the same records with the same keys and the second run has nothing left to write.
 */

export type DemoRole = 'coordinator' | 'serviceHead' | 'mentor' | 'backup' | 'intern' | 'staff';

const TITLE_ROLES: [RegExp, DemoRole][] = [
  [/co[oö]rdin|koordinator/i, 'coordinator'],
  [/diensthoofd|chef de service|dienstleiter|head of service/i, 'serviceHead'],
  [/adviseur|conseill|berater|adviser/i, 'mentor'],
  [/attach[ée]/i, 'backup'],
  [/stagiair|stagiaire|praktikant|\bintern\b/i, 'intern'],
];

export interface DemoPerson extends DirectoryPerson {
  role: DemoRole;
  service: string | undefined;
}

/** Directory users by role and service, from their job title and department (what an admin would configure). */
export function classifyDirectory(users: readonly DirectoryPerson[]): DemoPerson[] {
  return [...users]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((u) => ({
      ...u,
      role: TITLE_ROLES.find(([re]) => re.test(u.jobTitle ?? ''))?.[1] ?? 'staff',
      service: SERVICES.find((s) => s.department.test(u.department ?? ''))?.key,
    }));
}

export interface PlannedDocument {
  name: string;
  documentType: DocumentKey;
  content: Uint8Array;
}

/**
 * A final work of a consented intern whose internship ended or is being evaluated: handed in to the internship's
 * folder, and when published also copied into the FinalWorks library.
 */
export interface PlannedFinalWork {
  internshipKey: string;
  name: string;
  title: string;
  published: boolean;
  content: Uint8Array;
}

/** Titles of the demo's final works (the toolbox: "results shared, final work published"). */
const FINAL_WORK_TITLES = [
  'Van data naar beleid: een dashboard voor de dienst',
  "L'accueil des nouveaux collaborateurs : bilan et pistes d'amélioration",
  'Toegankelijke formulieren voor iedereen',
  'Digitale Akten im föderalen Dienst: eine Bestandsaufnahme',
] as const;

export interface SeedPlan {
  today: IsoDate;
  settings: OrganisationSettings;
  partners: NewRecord<Partner>[];
  assignments: NewRecord<Assignment>[];
  applications: NewRecord<Application>[];
  internships: NewRecord<Internship>[];
  moments: NewRecord<Moment>[];
  checklistItems: NewRecord<ChecklistItem>[];
  evaluations: NewRecord<EvaluationRecord>[];
  journal: NewRecord<JournalEntry>[];
  /** Per internship key: the documents its folders hold. Internships without folders are absent. */
  documents: Map<string, PlannedDocument[]>;
  /** A few final works: three published, one waiting for the coordinator. */
  finalWorks: PlannedFinalWork[];
}

export interface PlanOptions {
  /** The fixed "today" of the demo (moment states, ticks and dates are relative to it). */
  today: IsoDate;
  internships: number;
  seed: number;
  calendar: WorkCalendar;
}

const addDays = (d: IsoDate, n: number): IsoDate => fromEpochDay(toEpochDay(d) + n);
const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
const pad = (n: number, w = 4) => String(n).padStart(w, '0');

/** A small valid one-page PDF with a few lines of text (Helvetica, WinAnsi-safe characters only). */
export function demoPdf(title: string, lines: string[]): Uint8Array {
  const esc = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\x20-\x7e]/g, '?')
      .replace(/[\\()]/g, (c) => `\\${c}`);
  const text = [title, ...lines]
    .map((l, i) => `BT /F1 ${i === 0 ? 16 : 11} Tf 56 ${780 - i * 22} Td (${esc(l)}) Tj ET`)
    .join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

function answersFor(key: QuestionnaireKey, r: Random, today: IsoDate): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {};
  for (const q of questionnaire(key).questions) {
    switch (q.kind) {
      case 'scale5':
        out[q.key] = r.int(3, 5);
        break;
      case 'yesNo':
        out[q.key] = r.chance(0.85);
        break;
      case 'number':
        out[q.key] = r.int(0, 3);
        break;
      case 'date':
        out[q.key] = today;
        break;
      case 'choice':
        out[q.key] = q.choices?.[0]?.key ?? 'other';
        break;
      case 'trafficLight': {
        // One draw, as before: 80% green, 15% orange, 5% red, so the coordinator's home has red flags to show.
        const x = r.next();
        out[q.key] = TRAFFIC_LIGHT_CHOICES[x < 0.8 ? 0 : x < 0.95 ? 1 : 2]?.key ?? 'green';
        break;
      }
      default:
        out[q.key] = r.pick(FEEDBACK_NOTES);
    }
  }
  return out;
}

interface Cast {
  coordinators: DemoPerson[];
  heads: Map<string, DemoPerson>;
  mentors: Map<string, DemoPerson[]>;
  backups: Map<string, DemoPerson[]>;
  interns: DemoPerson[];
}

function castOf(people: readonly DemoPerson[]): Cast {
  const by = (role: DemoRole) => people.filter((p) => p.role === role);
  const coordinators = by('coordinator');
  if (coordinators.length === 0) throw new Error('seed: the directory has no coordinator (job title)');
  const perService = (role: DemoRole) => {
    const m = new Map<string, DemoPerson[]>();
    const all = by(role);
    for (const s of SERVICES) {
      const own = all.filter((p) => p.service === s.key);
      m.set(s.key, own.length > 0 ? own : all);
    }
    return m;
  };
  const mentors = perService('mentor');
  const backups = perService('backup');
  if ([...mentors.values()].some((l) => l.length === 0))
    throw new Error('seed: the directory has no mentors');
  // A service without a back-up borrows one: the decision gate needs one.
  for (const [k, l] of backups) if (l.length === 0) backups.set(k, by('staff'));
  return {
    coordinators,
    heads: new Map(by('serviceHead').flatMap((p) => (p.service ? [[p.service, p]] : []))),
    mentors,
    backups,
    interns: by('intern'),
  };
}

const ref = (p: DemoPerson | undefined): PersonRef | undefined =>
  p ? { id: p.id, displayName: p.displayName, ...(p.mail ? { email: p.mail } : {}) } : undefined;

/** Dates of an internship in a phase, relative to today (calendar days; the schedule snaps to workdays). */
function periodFor(phase: Phase, today: IsoDate, r: Random): { start: IsoDate; end: IsoDate } {
  const span = () => r.int(55, 110);
  switch (phase) {
    case 'request':
    case 'preparation': {
      const start = addDays(today, r.int(35, 120));
      return { start, end: addDays(start, span()) };
    }
    case 'decision': {
      const start = addDays(today, r.int(12, 40));
      return { start, end: addDays(start, span()) };
    }
    case 'execution':
    case 'stopped': {
      const start = addDays(today, -r.int(8, 45));
      return { start, end: addDays(today, r.int(20, 60)) };
    }
    case 'evaluation': {
      const end = addDays(today, -r.int(1, 8));
      return { start: addDays(end, -span()), end };
    }
    case 'closed': {
      const end = addDays(today, -r.int(25, 200));
      return { start: addDays(end, -span()), end };
    }
  }
}

export function planDemo(directory: readonly DirectoryPerson[], opts: PlanOptions): SeedPlan {
  const r = createRandom(opts.seed);
  const { today, calendar } = opts;
  const people = classifyDirectory(directory);
  const cast = castOf(people);
  const year = Number(today.slice(0, 4));
  const nowAt = (d: IsoDate, time = '10:00') => atLocalTime(d, time);
  const todayAt = nowAt(today);

  const settings: OrganisationSettings = {
    name: ORGANISATION_NAME,
    coordinatorOids: cast.coordinators.map((c) => c.id),
    services: SERVICES.map((s) => ({
      key: s.key,
      name: s.name,
      ...(cast.heads.get(s.key) ? { headOid: cast.heads.get(s.key)!.id } : {}),
    })),
    scheduleRules: {},
    checklistOverrides: [
      { templateKey: CHECKLIST_TEMPLATES.find((t) => t.optional)?.key ?? '', hidden: true },
    ].filter((o) => o.templateKey !== ''),
    customChecklistItems: [
      {
        key: 'custom.badge-photo',
        kind: 'logistics',
        text: {
          nl: 'Foto voor de toegangsbadge ontvangen',
          fr: 'Photo pour le badge d’accès reçue',
          de: 'Foto für den Zugangsausweis erhalten',
          en: 'Photo for the access badge received',
        },
        due: { anchor: 'start', workdays: -5 },
      },
    ],
    retentionMonths: 24,
    announcements: true,
    defaultLanguage: 'nl',
  };

  // ---- partners: schools, programmes, contacts, agreements
  const partners: NewRecord<Partner>[] = [];
  for (const s of SCHOOLS) {
    const schoolKey = `school:${s.key}`;
    partners.push({
      key: schoolKey,
      type: 'school',
      name: s.name,
      email: `stages@${s.domain}`,
      details: { website: `https://www.${s.domain}` },
      reviewDate: addDays(today, r.int(-40, 320)),
    });
    s.programmes.forEach((p, i) =>
      partners.push({
        key: `programme:${s.key}:${i + 1}`,
        type: 'programme',
        parentKey: schoolKey,
        name: p,
        details: {},
      }),
    );
    partners.push({
      key: `contact:${s.key}`,
      type: 'contact',
      parentKey: schoolKey,
      name: s.contact.name,
      email: `${ascii(s.contact.name.split(' ').pop() ?? 'contact')}@${s.domain}`,
      phone: s.contact.phone,
      details: { role: 'stagebegeleider' },
    });
    partners.push({
      key: `agreement:${s.key}`,
      type: 'agreement',
      parentKey: schoolKey,
      name: `Raamovereenkomst ${s.name}`,
      details: { signedOn: `${year - 1}-09-15` },
      validUntil: `${year + 2}-08-31`,
    });
  }

  // ---- needs analysis
  const statuses: Assignment['status'][] = ['proposed', 'approved', 'published', 'filled'];
  const assignments: NewRecord<Assignment>[] = SERVICES.flatMap((s, si) =>
    s.topics.slice(0, 2).map((topic, ti): NewRecord<Assignment> => {
      const mentor = cast.mentors.get(s.key)![ti % cast.mentors.get(s.key)!.length];
      const head = cast.heads.get(s.key);
      const a: NewRecord<Assignment> = {
        key: `assignment:${year}:${pad(si * 10 + ti + 1, 3)}`,
        year,
        service: s.key,
        title: topic,
        description: `${topic} — project voor een stagiair(e) bij ${s.name.nl}.`,
        domain: s.name.en,
        status: statuses[(si + ti) % statuses.length]!,
        places: 1 + ((si + ti) % 2),
        details: {
          context: `Dienst ${s.name.nl}`,
          qualityCriteria: 'Opgeleverd verslag, presentatie aan het team',
          deadlines: 'Tussentijds verslag halverwege, eindverslag in de laatste week',
          periodStart: `${year + 1}-02-01`,
          periodEnd: `${year + 1}-05-31`,
          research: ti === 1,
        },
      };
      if (mentor) a.mentorOid = mentor.id;
      if (head) a.proposedByOid = head.id;
      return a;
    }),
  );
  const published = assignments.filter((a) => a.status === 'published' || a.status === 'filled');

  // ---- applications
  const appStatuses: Application['status'][] = ['received', 'interview', 'accepted', 'refused', 'withdrawn'];
  const applications: NewRecord<Application>[] = Array.from({ length: 15 }, (_, i) => {
    const school = SCHOOLS[i % SCHOOLS.length]!;
    const given = STUDENT_GIVEN[(i * 7) % STUDENT_GIVEN.length]!;
    const family = STUDENT_FAMILY[(i * 11) % STUDENT_FAMILY.length]!;
    const a: NewRecord<Application> = {
      key: `application:${year}:${pad(i + 1, 3)}`,
      candidateName: `${given} ${family}`,
      candidateEmail: `${ascii(given)}.${ascii(family)}@student.${school.domain}`,
      schoolKey: `school:${school.key}`,
      receivedAt: nowAt(addDays(today, -r.int(1, 90)), '14:30'),
      status: appStatuses[i % appStatuses.length]!,
      details: {
        schoolName: school.name,
        programme: school.programmes[0]!,
        motivation: 'Ik wil graag bijdragen aan een veilige mobiliteit.',
      },
    };
    const assignment = published[i % Math.max(1, published.length)];
    if (assignment && i % 3 !== 0) a.assignmentKey = assignment.key;
    return a;
  });

  // ---- internships and everything that hangs off them
  const internships: NewRecord<Internship>[] = [];
  const moments: NewRecord<Moment>[] = [];
  const checklistItems: NewRecord<ChecklistItem>[] = [];
  const evaluations: NewRecord<EvaluationRecord>[] = [];
  const journal: NewRecord<JournalEntry>[] = [];
  const documents = new Map<string, PlannedDocument[]>();
  const mentorsWithIntern = new Set<string>();
  const directoryInterns = [...cast.interns];
  const rules = DEFAULT_SCHEDULE_RULES;

  for (let n = 0; n < opts.internships; n++) {
    const phase = PHASES[n % PHASES.length]!;
    const service = SERVICES[(n * 5 + Math.floor(n / PHASES.length)) % SERVICES.length]!;
    const school = SCHOOLS[(n * 3) % SCHOOLS.length]!;
    const key = `demo-${pad(n + 1)}`;
    const { start, end } = periodFor(phase, today, r);
    const decided = phase !== 'request' && phase !== 'preparation';
    // Directory interns (who can sign in) go to internships that are under way.
    const hasAccount = decided && directoryInterns.length > 0 && phase !== 'closed';
    const dirIntern = hasAccount ? directoryInterns.shift() : undefined;
    const given = STUDENT_GIVEN[(n * 13 + 5) % STUDENT_GIVEN.length]!;
    const family = STUDENT_FAMILY[(n * 17 + Math.floor(n / STUDENT_GIVEN.length)) % STUDENT_FAMILY.length]!;
    const intern: PersonRef = dirIntern
      ? ref(dirIntern)!
      : {
          id: '',
          displayName: `${given} ${family}`,
          email: `${ascii(given)}.${ascii(family)}@student.${school.domain}`,
        };
    const mentorList = cast.mentors.get(service.key)!;
    const mentor = mentorList[n % mentorList.length]!;
    const backupList = cast.backups.get(service.key)!.filter((b) => b.id !== mentor.id);
    const backup = backupList.length > 0 ? backupList[n % backupList.length] : undefined;
    const coordinator = cast.coordinators[n % cast.coordinators.length]!;
    const head = cast.heads.get(service.key);

    const i: NewRecord<Internship> = {
      key,
      phase,
      intern,
      service: service.key,
      topic: service.topics[n % service.topics.length]!,
      startDate: start,
      endDate: end,
      schoolId: `school:${school.key}`,
      schoolName: school.name,
      programme: school.programmes[n % school.programmes.length]!,
      schoolSupervisor: { name: school.contact.name, phone: school.contact.phone },
      coordinator: ref(coordinator)!,
      overviewConsent: decided && r.chance(0.7),
    };
    if (head) i.serviceHead = ref(head)!;
    if (phase !== 'request') i.mentor = ref(mentor)!;
    if (decided && backup) i.backup = ref(backup)!;
    if (phase === 'request') {
      const app = applications[n % applications.length];
      if (app && n % 2 === 0) i.applicationId = app.key;
      else if (published.length > 0) i.assignmentId = published[n % published.length]!.key;
    }
    if (phase === 'preparation') i.interviewAt = nowAt(addDays(today, r.int(-6, 10)), '10:30');
    const decisionDay = decided ? addDays(phase === 'decision' ? today : start, -r.int(3, 20)) : undefined;
    if (decisionDay) {
      i.interviewAt = nowAt(addDays(decisionDay, -3), '10:30');
      i.decision = 'accepted';
      i.decisionAt = nowAt(decisionDay, '15:00');
    }
    let stoppedAt: string | undefined;
    if (phase === 'stopped') {
      const by: StoppedBy = STOPPED_BY[n % STOPPED_BY.length]!;
      stoppedAt = nowAt(addDays(today, -r.int(1, 5)), '16:00');
      Object.assign(i, { stoppedBy: by, stopReason: STOP_REASONS[by], stoppedAt });
    }
    internships.push(i);
    if (!decided) continue;

    // -- moments, with states as they would be on `today`
    const firstTime = !mentorsWithIntern.has(mentor.id);
    mentorsWithIntern.add(mentor.id);
    let planned: PlannedMoment[];
    try {
      planned = computeSchedule(
        { internshipId: key, startDate: start, endDate: end, mentorIsFirstTime: firstTime },
        rules,
        calendar,
      );
    } catch {
      planned = [];
    }
    const oidsFor = (m: PlannedMoment): string[] =>
      m.recipients.flatMap((role) =>
        role === 'mentor'
          ? [mentor.id]
          : role === 'coordinator'
            ? [coordinator.id]
            : role === 'intern' && intern.id
              ? [intern.id]
              : [],
      );
    for (const m of planned) {
      const recipientOids = oidsFor(m);
      const log: DeliveryLogEntry[] = [{ at: i.decisionAt!, event: 'scheduled' }];
      let state: MomentState = 'planned';
      let answeredByOid: string | undefined;
      let answeredAt: string | undefined;
      let attempts = 0;
      const past = (t: string) => t <= todayAt;
      if (stoppedAt && m.sendAt > stoppedAt) {
        state = 'cancelled';
        log.push({ at: stoppedAt, event: 'cancelled', detail: 'internship stopped' });
      } else if (past(m.sendAt)) {
        attempts = 1;
        if (recipientOids.length === 0) {
          // The intern has no Teams account yet: the card could not be delivered, a mail went out instead.
          state = 'failed';
          log.push({ at: m.sendAt, event: 'failed', channel: 'teams', detail: 'recipient has no account' });
          log.push({ at: m.sendAt, event: 'mailed', channel: 'mail' });
        } else {
          log.push(
            ...recipientOids.map((oid): DeliveryLogEntry => ({
              at: m.sendAt,
              event: 'sent',
              oid,
              channel: 'teams',
            })),
          );
          const roll = r.next();
          const answer = (at: string, by: string) => {
            state = 'answered';
            answeredByOid = by;
            answeredAt = at;
            log.push({ at, event: 'answered', oid: by, channel: 'teams' });
          };
          const quick = new Date(Date.parse(m.sendAt) + r.int(1, 20) * 3_600_000).toISOString();
          if (!past(m.escalateAt)) {
            if (roll < 0.45 && past(quick)) answer(quick, recipientOids[0]!);
            else state = 'sent';
          } else if (!past(m.digestAt)) {
            if (roll < 0.75) answer(quick, recipientOids[0]!);
            else if (backup) {
              state = 'escalatedToBackup';
              log.push({ at: m.escalateAt, event: 'escalatedToBackup', oid: backup.id, channel: 'teams' });
            } else state = 'sent';
          } else if (roll < 0.9 || !backup) answer(quick, recipientOids[0]!);
          else {
            log.push({ at: m.escalateAt, event: 'escalatedToBackup', oid: backup.id, channel: 'teams' });
            state = 'escalatedToCoordinator';
            log.push({ at: m.digestAt, event: 'escalatedToCoordinator', oid: coordinator.id });
          }
        }
      }
      const rec: NewRecord<Moment> = { ...m, state, recipientOids, attempts, log };
      if (answeredByOid) rec.answeredByOid = answeredByOid;
      if (answeredAt) rec.answeredAt = answeredAt;
      moments.push(rec);
      if (
        (state as MomentState) === 'answered' &&
        isQuestionnaireKey(m.kind) &&
        answeredByOid &&
        answeredAt
      ) {
        evaluations.push({
          key: `${m.key}:answer`,
          internshipKey: key,
          questionnaire: m.kind,
          momentKey: m.key,
          respondentOid: answeredByOid,
          answers: answersFor(m.kind, r, today),
          submittedAt: answeredAt,
        });
      }
    }

    // -- checklists, partly ticked
    const dates = { decision: decisionDay!, start, end };
    const dueOf = (t: ChecklistItemTemplate) => calendar.addWorkdays(dates[t.due.anchor], t.due.workdays);
    const ownerOid = (t: ChecklistItemTemplate) =>
      t.owner === 'coordinator' ? coordinator.id : t.owner === 'intern' ? intern.id || mentor.id : mentor.id;
    for (const t of CHECKLIST_TEMPLATES) {
      const due = dueOf(t);
      const doneRate =
        t.kind === 'logistics' && phase !== 'decision'
          ? 1
          : t.kind === 'closing'
            ? phase === 'closed'
              ? 1
              : phase === 'evaluation'
                ? 0.4
                : 0
            : due < today
              ? phase === 'decision'
                ? 0.6
                : 0.9
              : 0.1;
      const done = r.chance(doneRate);
      const item: NewRecord<ChecklistItem> = {
        key: checklistItemKey(key, t.key),
        internshipKey: key,
        checklist: t.kind,
        templateKey: t.key,
        done,
        hidden: settings.checklistOverrides.some((o) => o.templateKey === t.key && o.hidden),
        dueDate: due,
        assigneeOid: ownerOid(t),
      };
      if (done) {
        item.doneByOid = ownerOid(t);
        item.doneAt = nowAt(due < today ? due : today, '11:15');
      }
      if (done && r.chance(0.1)) item.note = 'Geregeld met de dienst Logistiek.';
      checklistItems.push(item);
    }

    // -- journal: feedback and absences once the internship has started
    if (phase !== 'decision') {
      const days = Math.max(1, Math.min(toEpochDay(today), toEpochDay(end)) - toEpochDay(start));
      for (let k = 0; k < r.int(1, 3); k++)
        journal.push({
          key: `${key}:feedback:${k + 1}`,
          internshipKey: key,
          type: 'feedback',
          date: addDays(start, r.int(0, days)),
          authorOid: mentor.id,
          direction: k === 2 ? 'fromIntern' : 'toIntern',
          note: r.pick(FEEDBACK_NOTES),
          visibleToIntern: true,
        });
      for (let k = 0; k < r.int(0, 2); k++) {
        const from = addDays(start, r.int(0, days));
        journal.push({
          key: `${key}:absence:${k + 1}`,
          internshipKey: key,
          type: 'absence',
          date: from,
          to: addDays(from, r.int(0, 2)),
          authorOid: mentor.id,
          kind: r.pick(['planned', 'school', 'illness', 'other'] as const),
          schoolInformed: r.chance(0.6),
          note: 'Gemeld via de mentor.',
        });
      }
    }

    // -- documents in the folders
    const types =
      phase === 'decision'
        ? DOCUMENTS_REQUIRED_BEFORE_START.slice(0, Math.ceil(DOCUMENTS_REQUIRED_BEFORE_START.length / 2))
        : phase === 'closed'
          ? [...DOCUMENTS_REQUIRED_BEFORE_START, ...DOCUMENTS_REQUIRED_BEFORE_CLOSE]
          : DOCUMENTS_REQUIRED_BEFORE_START;
    documents.set(
      key,
      [...new Map(types.map((t) => [t.key, t])).values()].map((t) => ({
        name: `${DOCUMENT_TYPES.find((d) => d.key === t.key)!.name.nl}.pdf`,
        documentType: t.key,
        content: demoPdf(t.name.nl, [
          `${intern.displayName} - ${i.topic}`,
          `${service.name.nl}, ${start} - ${end}`,
          `${school.name}`,
        ]),
      })),
    );
  }

  // -- final works: the first consented interns of ended or evaluated internships, in plan order
  const finished = internships.filter(
    (i) => (i.phase === 'closed' || i.phase === 'evaluation') && i.overviewConsent,
  );
  const finalWorks: PlannedFinalWork[] = finished.slice(0, FINAL_WORK_TITLES.length).map((i, n, all) => ({
    internshipKey: i.key,
    name: 'Eindwerk.pdf',
    title: FINAL_WORK_TITLES[n]!,
    // The last one is handed in but not published yet.
    published: n < all.length - 1,
    content: demoPdf(FINAL_WORK_TITLES[n]!, [i.intern.displayName, i.topic, `${i.startDate} - ${i.endDate}`]),
  }));

  // One running internship's latest follow-up is red, so the coordinator's "overdue" panel shows a red flag.
  const lightKey = questionnaire('followUp').questions.find((q) => q.kind === 'trafficLight')?.key;
  const runningKeys = new Set(internships.filter((i) => i.phase === 'execution').map((i) => i.key));
  const latestFollowUp = evaluations
    .filter((e) => e.questionnaire === 'followUp' && runningKeys.has(e.internshipKey))
    .sort((a, b) => (a.internshipKey < b.internshipKey ? -1 : a.internshipKey > b.internshipKey ? 1 : 0))
    .reduce<NewRecord<EvaluationRecord> | undefined>(
      (found, e) =>
        found && found.internshipKey !== e.internshipKey
          ? found
          : !found || e.submittedAt > found.submittedAt
            ? e
            : found,
      undefined,
    );
  if (lightKey && latestFollowUp) latestFollowUp.answers = { ...latestFollowUp.answers, [lightKey]: 'red' };

  return {
    today,
    settings,
    partners,
    assignments,
    applications,
    internships,
    moments,
    checklistItems,
    evaluations,
    journal,
    documents,
    finalWorks,
  };
}
