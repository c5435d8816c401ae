import { APPLICATION_STATUSES, type Application, type ApplicationStatus } from '../../domain/records';
import { eq, ge, lt } from '../odata';
import { and } from '../odata';
import { clip, readInstant, readJson, readText, writeInstant, writeJson, type Fields } from './fields';
import { ListRepository, type RepositoryContext, type Stored } from './list-repository';

/** The Applications list: spontaneous applications and candidates for published places (toolbox B3). */

const COLUMNS = [
  'AssignmentKey',
  'SchoolKey',
  'CandidateName',
  'CandidateEmail',
  'ReceivedAt',
  'Status',
  'Details',
] as const;

function fromListFields(id: string, f: Fields): Application {
  const status = readText(f, 'Status');
  const a: Application = {
    id,
    key: readText(f, 'Key') ?? '',
    candidateName: readText(f, 'CandidateName') ?? '',
    candidateEmail: readText(f, 'CandidateEmail') ?? '',
    receivedAt: readInstant(f, 'ReceivedAt') ?? '',
    status: (APPLICATION_STATUSES as readonly string[]).includes(status ?? '')
      ? (status as ApplicationStatus)
      : 'received',
    details: readJson<Application['details']>(f, 'Details', {}),
  };
  const assignment = readText(f, 'AssignmentKey');
  if (assignment) a.assignmentKey = assignment;
  const school = readText(f, 'SchoolKey');
  if (school) a.schoolKey = school;
  return a;
}

function toFields(v: Partial<Application>): Fields {
  const has = (k: keyof Application) => k in v;
  const f: Fields = {};
  if (has('candidateName')) f.Title = clip(v.candidateName ?? '');
  if (has('assignmentKey')) f.AssignmentKey = v.assignmentKey ?? null;
  if (has('schoolKey')) f.SchoolKey = v.schoolKey ?? null;
  if (has('candidateName')) f.CandidateName = clip(v.candidateName ?? '');
  if (has('candidateEmail')) f.CandidateEmail = clip(v.candidateEmail ?? '');
  if (has('receivedAt')) f.ReceivedAt = writeInstant(v.receivedAt);
  if (has('status')) f.Status = v.status;
  if (has('details')) f.Details = writeJson(v.details ?? {});
  return f;
}

export class ApplicationsRepository extends ListRepository<Application> {
  constructor(ctx: RepositoryContext) {
    super(ctx, { list: 'Applications', columns: COLUMNS, fromFields: fromListFields, toFields });
  }

  byStatus(status: ApplicationStatus): Promise<Stored<Application>[]> {
    return this.query(eq('fields/Status', status), { orderby: ['fields/ReceivedAt desc'] });
  }

  byAssignment(assignmentKey: string): Promise<Stored<Application>[]> {
    return this.query(eq('fields/AssignmentKey', assignmentKey));
  }

  receivedBetween(from: Date, before: Date): Promise<Stored<Application>[]> {
    return this.query(and(ge('fields/ReceivedAt', from), lt('fields/ReceivedAt', before)));
  }
}
