import {
  ASSIGNMENT_STATUSES,
  type Assignment,
  type AssignmentDetails,
  type AssignmentStatus,
} from '../../domain/records';
import { and, anyOf, eq } from '../odata';
import { clip, readJson, readNumber, readText, writeJson, type Fields } from './fields';
import { ListRepository, type RepositoryContext, type Stored } from './list-repository';

/** The Assignments list: the needs analysis per service (toolbox B1) and the places it publishes. */

const COLUMNS = [
  'Title',
  'Year',
  'Service',
  'ProposedByOid',
  'MentorOid',
  'Status',
  'Domain',
  'Description',
  'Details',
  'Places',
] as const;

function fromListFields(id: string, f: Fields): Assignment {
  const status = readText(f, 'Status');
  const a: Assignment = {
    id,
    key: readText(f, 'Key') ?? '',
    year: readNumber(f, 'Year') ?? 0,
    service: readText(f, 'Service') ?? '',
    title: readText(f, 'Title') ?? '',
    description: readText(f, 'Description') ?? '',
    status: (ASSIGNMENT_STATUSES as readonly string[]).includes(status ?? '')
      ? (status as AssignmentStatus)
      : 'proposed',
    places: readNumber(f, 'Places') ?? 1,
    details: readJson<AssignmentDetails>(f, 'Details', {}),
  };
  const domain = readText(f, 'Domain');
  if (domain) a.domain = domain;
  const by = readText(f, 'ProposedByOid');
  if (by) a.proposedByOid = by;
  const mentor = readText(f, 'MentorOid');
  if (mentor) a.mentorOid = mentor;
  return a;
}

function toFields(v: Partial<Assignment>): Fields {
  const has = (k: keyof Assignment) => k in v;
  const f: Fields = {};
  if (has('title')) f.Title = clip(v.title ?? '');
  if (has('year')) f.Year = v.year;
  if (has('service')) f.Service = v.service;
  if (has('status')) f.Status = v.status;
  if (has('domain')) f.Domain = v.domain ?? null;
  if (has('description')) f.Description = v.description ?? '';
  if (has('details')) f.Details = writeJson(v.details ?? {});
  if (has('places')) f.Places = v.places ?? 1;
  return f;
}

export class AssignmentsRepository extends ListRepository<Assignment> {
  constructor(ctx: RepositoryContext) {
    super(ctx, {
      list: 'Assignments',
      columns: COLUMNS,
      fromFields: fromListFields,
      toFields,
      persons: (v) => ({
        ...('proposedByOid' in v ? { ProposedBy: v.proposedByOid ?? null } : {}),
        ...('mentorOid' in v ? { Mentor: v.mentorOid ?? null } : {}),
      }),
    });
  }

  byYear(
    year: number,
    status?: AssignmentStatus | readonly AssignmentStatus[],
  ): Promise<Stored<Assignment>[]> {
    const y = eq('fields/Year', year);
    if (status === undefined) return this.query(y);
    return this.query(
      and(y, typeof status === 'string' ? eq('fields/Status', status) : anyOf('fields/Status', [...status])),
    );
  }

  byService(service: string, year?: number): Promise<Stored<Assignment>[]> {
    const s = eq('fields/Service', service);
    return this.query(year === undefined ? s : and(s, eq('fields/Year', year)));
  }

  published(): Promise<Stored<Assignment>[]> {
    return this.query(eq('fields/Status', 'published'));
  }
}
