import { PARTNER_TYPES, type Partner, type PartnerType } from '../../domain/records';
import type { IsoDate } from '../../domain/internship';
import { and, eq, le } from '../odata';
import { clip, dateLiteral, readDate, readJson, readText, writeDate, writeJson, type Fields } from './fields';
import { ListRepository, type RepositoryContext, type Stored } from './list-repository';

/** The Partners list: schools, their programmes, contacts and agreements as one tree (toolbox B2). */

const COLUMNS = [
  'PartnerType',
  'ParentKey',
  'Name',
  'Email',
  'Phone',
  'Details',
  'ValidUntil',
  'ReviewDate',
] as const;

function fromListFields(id: string, f: Fields): Partner {
  const type = readText(f, 'PartnerType');
  const p: Partner = {
    id,
    key: readText(f, 'Key') ?? '',
    type: (PARTNER_TYPES as readonly string[]).includes(type ?? '') ? (type as PartnerType) : 'school',
    name: readText(f, 'Name') ?? '',
    details: readJson<Record<string, string>>(f, 'Details', {}),
  };
  const opt = {
    parentKey: readText(f, 'ParentKey'),
    email: readText(f, 'Email'),
    phone: readText(f, 'Phone'),
    validUntil: readDate(f, 'ValidUntil'),
    reviewDate: readDate(f, 'ReviewDate'),
  };
  for (const [k, v] of Object.entries(opt))
    if (v !== undefined) (p as unknown as Record<string, unknown>)[k] = v;
  return p;
}

function toFields(v: Partial<Partner>): Fields {
  const has = (k: keyof Partner) => k in v;
  const f: Fields = {};
  if (has('name')) f.Title = clip(v.name ?? '');
  if (has('type')) f.PartnerType = v.type;
  if (has('parentKey')) f.ParentKey = v.parentKey ?? null;
  if (has('name')) f.Name = clip(v.name ?? '');
  if (has('email')) f.Email = v.email ?? null;
  if (has('phone')) f.Phone = v.phone ?? null;
  if (has('details')) f.Details = writeJson(v.details ?? {});
  if (has('validUntil')) f.ValidUntil = writeDate(v.validUntil);
  if (has('reviewDate')) f.ReviewDate = writeDate(v.reviewDate);
  return f;
}

export class PartnersRepository extends ListRepository<Partner> {
  constructor(ctx: RepositoryContext) {
    super(ctx, { list: 'Partners', columns: COLUMNS, fromFields: fromListFields, toFields });
  }

  schools(): Promise<Stored<Partner>[]> {
    return this.query(eq('fields/PartnerType', 'school'));
  }

  children(parentKey: string, type?: PartnerType): Promise<Stored<Partner>[]> {
    const p = eq('fields/ParentKey', parentKey);
    return this.query(type ? and(p, eq('fields/PartnerType', type)) : p);
  }

  byName(name: string): Promise<Stored<Partner>[]> {
    return this.query(eq('fields/Name', name));
  }

  /** Partners whose yearly review is due on or before `date` (toolbox B2). */
  reviewDue(date: IsoDate): Promise<Stored<Partner>[]> {
    return this.query(le('fields/ReviewDate', dateLiteral(date)));
  }
}
