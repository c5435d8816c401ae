import type { AbsenceEntry, FeedbackEntry, JournalEntry, NoteEntry } from '../../domain/records';
import { and, eq } from '../odata';
import { readDate, readJson, readText, writeDate, writeJson, type Fields } from './fields';
import { ListRepository, type RepositoryContext, type Stored } from './list-repository';

/**
 * The Journal list ("Feedback & absences"): one item per feedback, absence, well-being note, concern or visit.
 * The indexed columns carry what is filtered on (type, date, internship); the rest of an entry is a JSON body.
 */

const COLUMNS = ['InternshipKey', 'EntryType', 'EntryDate', 'EndDate', 'AuthorOid', 'Body'] as const;

type Body = Record<string, unknown>;

function fromListFields(id: string, f: Fields): JournalEntry {
  const base = {
    id,
    key: readText(f, 'Key') ?? '',
    internshipKey: readText(f, 'InternshipKey') ?? '',
    date: readDate(f, 'EntryDate') ?? '',
    ...(readText(f, 'AuthorOid') ? { authorOid: readText(f, 'AuthorOid')! } : {}),
  };
  const body = readJson<Body>(f, 'Body', {});
  const note = typeof body.note === 'string' ? body.note : undefined;
  const type = readText(f, 'EntryType') ?? 'feedback';
  if (type === 'absence') {
    const e: AbsenceEntry = {
      ...base,
      type: 'absence',
      to: readDate(f, 'EndDate') ?? base.date,
      kind: (body.kind as AbsenceEntry['kind']) ?? 'other',
      schoolInformed: body.schoolInformed === true,
    };
    if (note !== undefined) e.note = note;
    return e;
  }
  if (type === 'feedback') {
    const e: FeedbackEntry = {
      ...base,
      type: 'feedback',
      direction: body.direction === 'fromIntern' ? 'fromIntern' : 'toIntern',
      note: note ?? '',
      visibleToIntern: body.visibleToIntern !== false,
    };
    return e;
  }
  return { ...base, type: type as NoteEntry['type'], note: note ?? '' };
}

function toFields(v: Partial<JournalEntry>): Fields {
  const f: Fields = {};
  const has = (k: string) => k in v;
  if (has('type')) f.Title = v.type;
  if (has('internshipKey')) f.InternshipKey = v.internshipKey;
  if (has('type')) f.EntryType = v.type;
  if (has('date')) f.EntryDate = writeDate(v.date);
  if (has('authorOid')) f.AuthorOid = v.authorOid ?? null;
  if (v.type === 'absence' && has('to')) f.EndDate = writeDate(v.to);
  // The body is written whole whenever the entry's type is known (entries are edited as a whole).
  if (v.type) {
    const body: Body = { note: (v as { note?: string }).note };
    if (v.type === 'absence')
      Object.assign(body, { kind: v.kind, schoolInformed: v.schoolInformed === true });
    if (v.type === 'feedback')
      Object.assign(body, { direction: v.direction, visibleToIntern: v.visibleToIntern !== false });
    f.Body = writeJson(body);
  }
  return f;
}

export class JournalRepository extends ListRepository<JournalEntry> {
  constructor(ctx: RepositoryContext) {
    super(ctx, { list: 'Journal', columns: COLUMNS, fromFields: fromListFields, toFields });
  }

  byInternship(internshipKey: string, type?: JournalEntry['type']): Promise<Stored<JournalEntry>[]> {
    const byKey = eq('fields/InternshipKey', internshipKey);
    return this.query(type ? and(byKey, eq('fields/EntryType', type)) : byKey, {
      orderby: ['fields/EntryDate'],
    });
  }

  absences(internshipKey: string): Promise<Stored<AbsenceEntry>[]> {
    return this.byInternship(internshipKey, 'absence') as Promise<Stored<AbsenceEntry>[]>;
  }

  feedback(internshipKey: string): Promise<Stored<FeedbackEntry>[]> {
    return this.byInternship(internshipKey, 'feedback') as Promise<Stored<FeedbackEntry>[]>;
  }
}
