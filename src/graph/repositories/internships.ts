import type { Internship, IsoDate, Phase, PersonRef, SchoolContact } from '../../domain/internship';
import { and, anyOf, eq, ge, le, or } from '../odata';
import {
  clip,
  dateLiteral,
  defined,
  readBool,
  readDate,
  readInstant,
  readJson,
  readText,
  writeDate,
  writeInstant,
  writeJson,
  type Fields,
} from './fields';
import type { People } from '../people';
import { ListRepository, type RepositoryContext, type Stored } from './list-repository';

/**
 * The Internships list. Relations are by key: `schoolId` holds the school partner's Key, `assignmentId` and
 * `applicationId` the Keys of those items (schema.ts explains why keys, not lookups). The domain `id` is the list
 * item id; `key` is what moments, checklist items and folders refer to.
 */

const PERSON_COLUMNS = ['Intern', 'Mentor', 'Backup', 'Coordinator', 'ServiceHead'] as const;
type PersonField = 'intern' | 'mentor' | 'backup' | 'coordinator' | 'serviceHead';
const FIELD_OF: Record<(typeof PERSON_COLUMNS)[number], PersonField> = {
  Intern: 'intern',
  Mentor: 'mentor',
  Backup: 'backup',
  Coordinator: 'coordinator',
  ServiceHead: 'serviceHead',
};

const COLUMNS = [
  'Title',
  'Phase',
  'InternName',
  'InternEmail',
  ...PERSON_COLUMNS.map((p) => `${p}Oid`),
  'Service',
  'Topic',
  'StartDate',
  'EndDate',
  'SchoolKey',
  'SchoolName',
  'Programme',
  'SchoolSupervisor',
  'InterviewAt',
  'Decision',
  'DecisionAt',
  'OverviewConsent',
  'StoppedBy',
  'StopReason',
  'StoppedAt',
  'AssignmentKey',
  'ApplicationKey',
  'ClosingWaiver',
  'PurgeAfter',
  'Plan',
] as const;

export class InternshipsRepository extends ListRepository<Internship> {
  constructor(ctx: RepositoryContext) {
    super(ctx, {
      list: 'Internships',
      columns: COLUMNS,
      fromFields: (id, f) => fromListFields(ctx.people, id, f),
      toFields: (v) => toFields(v),
      persons: (v) =>
        Object.fromEntries(
          PERSON_COLUMNS.flatMap((col) => {
            const field = FIELD_OF[col];
            if (!(field in v)) return [];
            const p = v[field];
            // The intern may not (yet) be a directory user: an empty id means "not an Entra user".
            return [[col, p?.id ? p.id : null]];
          }),
        ),
    });
  }

  byPhase(phase: Phase | readonly Phase[]): Promise<Stored<Internship>[]> {
    return this.query(
      typeof phase === 'string' ? eq('fields/Phase', phase) : anyOf('fields/Phase', [...phase]),
    );
  }

  /** Internships where `oid` is mentor or back-up ("my interns"). */
  byMentorOrBackup(oid: string): Promise<Stored<Internship>[]> {
    return this.query(or(eq('fields/MentorOid', oid), eq('fields/BackupOid', oid)));
  }

  byIntern(oid: string): Promise<Stored<Internship>[]> {
    return this.query(eq('fields/InternOid', oid));
  }

  byService(service: string): Promise<Stored<Internship>[]> {
    return this.query(eq('fields/Service', service));
  }

  /** Internships whose period overlaps [from, to]. */
  overlapping(from: IsoDate, to: IsoDate): Promise<Stored<Internship>[]> {
    return this.query(and(le('fields/StartDate', dateLiteral(to)), ge('fields/EndDate', dateLiteral(from))));
  }

  /** Running on `date`: the date lies in the period and the internship is being carried out or evaluated. */
  activeOn(date: IsoDate): Promise<Stored<Internship>[]> {
    return this.query(
      and(
        le('fields/StartDate', dateLiteral(date)),
        ge('fields/EndDate', dateLiteral(date)),
        anyOf('fields/Phase', ['execution', 'evaluation']),
      ),
    );
  }

  /**
   * Internships whose intern consented to the intranet overview (toolbox B8), through the indexed column. Yes/No
   * columns compare as 0/1 in SharePoint's list-item filters (`eq true` is known to answer the wrong set).
   */
  consented(): Promise<Stored<Internship>[]> {
    return this.query(eq('fields/OverviewConsent', 1));
  }

  /** The coordinator's overview: every internship, in pages of the largest size (fewest requests). */
  overview(): Promise<Stored<Internship>[]> {
    return this.all();
  }
}

function toFields(v: Partial<Internship>): Fields {
  const has = (k: keyof Internship) => k in v;
  const f: Fields = {};
  if (has('phase')) f.Phase = v.phase;
  if (has('intern') && v.intern) {
    f.InternName = clip(v.intern.displayName);
    f.InternEmail = v.intern.email ?? null;
  }
  if ((has('intern') && v.intern) || has('topic'))
    f.Title = clip([v.intern?.displayName, v.topic].filter(Boolean).join(' – ') || (v.key ?? ''));
  if (has('service')) f.Service = v.service;
  if (has('topic')) f.Topic = clip(v.topic ?? '');
  if (has('startDate')) f.StartDate = writeDate(v.startDate);
  if (has('endDate')) f.EndDate = writeDate(v.endDate);
  if (has('schoolId')) f.SchoolKey = v.schoolId ?? null;
  if (has('schoolName')) f.SchoolName = v.schoolName ?? null;
  if (has('programme')) f.Programme = v.programme ?? null;
  if (has('schoolSupervisor')) f.SchoolSupervisor = writeJson(v.schoolSupervisor);
  if (has('interviewAt')) f.InterviewAt = writeInstant(v.interviewAt);
  if (has('decision')) f.Decision = v.decision ?? null;
  if (has('decisionAt')) f.DecisionAt = writeInstant(v.decisionAt);
  if (has('overviewConsent')) f.OverviewConsent = v.overviewConsent === true;
  if (has('stoppedBy')) f.StoppedBy = v.stoppedBy ?? null;
  if (has('stopReason')) f.StopReason = v.stopReason ?? null;
  if (has('stoppedAt')) f.StoppedAt = writeInstant(v.stoppedAt);
  if (has('closingWaiver')) f.ClosingWaiver = writeJson(v.closingWaiver);
  if (has('purgeAfter')) f.PurgeAfter = writeDate(v.purgeAfter);
  if (has('assignmentId')) f.AssignmentKey = v.assignmentId ?? null;
  if (has('applicationId')) f.ApplicationKey = v.applicationId ?? null;
  if (has('plan')) f.Plan = writeJson(v.plan);
  return f;
}

function fromListFields(people: People, id: string, f: Fields): Internship {
  const person = (col: string): PersonRef | undefined => {
    const oid = readText(f, `${col}Oid`);
    return oid ? people.personRef(oid) : undefined;
  };
  const internOid = readText(f, 'InternOid') ?? '';
  const intern: PersonRef = {
    ...(internOid ? people.personRef(internOid) : { id: '' }),
    displayName: readText(f, 'InternName') ?? '',
  };
  const email = readText(f, 'InternEmail');
  if (email) intern.email = email;
  const out: Internship = {
    id,
    key: readText(f, 'Key') ?? '',
    phase: (readText(f, 'Phase') ?? 'request') as Phase,
    intern,
    service: readText(f, 'Service') ?? '',
    topic: readText(f, 'Topic') ?? '',
    startDate: readDate(f, 'StartDate') ?? '',
    endDate: readDate(f, 'EndDate') ?? '',
    overviewConsent: readBool(f, 'OverviewConsent'),
  };
  const opt = {
    mentor: person('Mentor'),
    backup: person('Backup'),
    coordinator: person('Coordinator'),
    serviceHead: person('ServiceHead'),
    schoolId: readText(f, 'SchoolKey'),
    schoolName: readText(f, 'SchoolName'),
    programme: readText(f, 'Programme'),
    schoolSupervisor: readJson<SchoolContact | undefined>(f, 'SchoolSupervisor', undefined),
    interviewAt: readInstant(f, 'InterviewAt'),
    decision: readText(f, 'Decision') as Internship['decision'],
    decisionAt: readInstant(f, 'DecisionAt'),
    stoppedBy: readText(f, 'StoppedBy') as Internship['stoppedBy'],
    stopReason: readText(f, 'StopReason'),
    stoppedAt: readInstant(f, 'StoppedAt'),
    closingWaiver: readJson<Internship['closingWaiver']>(f, 'ClosingWaiver', undefined),
    purgeAfter: readDate(f, 'PurgeAfter'),
    assignmentId: readText(f, 'AssignmentKey'),
    applicationId: readText(f, 'ApplicationKey'),
    plan: readJson<Internship['plan']>(f, 'Plan', undefined),
  };
  return { ...out, ...(defined(opt) as Partial<Internship>) };
}
