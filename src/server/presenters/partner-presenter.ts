import type { IsoDate } from '../../domain/internship';
import type { Partner } from '../../domain/records';
import type { z } from 'zod';
import type { partnerInput } from '../../domain/validation';
import { SCHOOL_KINDS, type PartnerView, type SchoolKind } from '../../domain/views-policy';
import type { NewRecord, Stored } from '../../graph/repositories/list-repository';

/**
 * Partners are stored as a tree (school → programmes, contacts, agreement: one list item each, so SharePoint
 * users can filter and sort them); the API and the tab handle a school with its children as one unit.
 */

export type PartnerInput = z.output<typeof partnerInput>;

/** An agreement that ends within this many days is shown as expiring (time to renew it with the school). */
const EXPIRING_DAYS = 90;

const addDays = (d: IsoDate, n: number): IsoDate =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export function presentPartner(
  school: Stored<Partner>,
  children: readonly Partner[],
  today: IsoDate,
  internships: number,
): PartnerView {
  const mine = children.filter((c) => c.parentKey === school.key);
  const agreement = mine.find((c) => c.type === 'agreement');
  const kind = school.details.kind;
  const v: PartnerView = {
    id: school.id,
    key: school.key,
    etag: school.etag,
    name: school.name,
    kind: (SCHOOL_KINDS as readonly string[]).includes(kind ?? '') ? (kind as SchoolKind) : 'other',
    programmes: mine.filter((c) => c.type === 'programme').map((c) => c.name),
    contacts: mine
      .filter((c) => c.type === 'contact')
      .map((c) => ({
        name: c.name,
        ...(c.details.role ? { role: c.details.role } : {}),
        ...(c.email ? { email: c.email } : {}),
        ...(c.phone ? { phone: c.phone } : {}),
      })),
    agreementStatus: !agreement?.validUntil
      ? agreement
        ? 'valid'
        : 'none'
      : agreement.validUntil < today
        ? 'expired'
        : agreement.validUntil <= addDays(today, EXPIRING_DAYS)
          ? 'expiring'
          : 'valid',
    dueForReview: school.reviewDate !== undefined && school.reviewDate <= today,
    internships,
  };
  if (school.email) v.email = school.email;
  if (school.details.address) v.address = school.details.address;
  if (school.details.website) v.website = school.details.website;
  if (agreement?.details.signedOn) v.agreementSignedOn = agreement.details.signedOn;
  if (agreement?.validUntil) v.agreementValidUntil = agreement.validUntil;
  if (school.reviewDate) v.reviewDue = school.reviewDate;
  return v;
}

/** The school item's columns for an input (children are separate items, see `childrenFor`). */
export function schoolFields(input: PartnerInput): Omit<NewRecord<Partner>, 'key'> {
  const details: Record<string, string> = { kind: input.kind };
  if (input.address) details.address = input.address;
  if (input.website) details.website = input.website;
  return { type: 'school', name: input.name, details, reviewDate: input.reviewDue };
}

/** The children an input asks for, without keys (matched with the stored ones by `sameChild`). */
export function childrenFor(input: PartnerInput, schoolKey: string): Omit<NewRecord<Partner>, 'key'>[] {
  const out: Omit<NewRecord<Partner>, 'key'>[] = input.programmes.map((name) => ({
    type: 'programme' as const,
    parentKey: schoolKey,
    name,
    details: {},
  }));
  for (const c of input.contacts)
    out.push({
      type: 'contact',
      parentKey: schoolKey,
      name: c.name,
      ...(c.email ? { email: c.email } : {}),
      ...(c.phone ? { phone: c.phone } : {}),
      details: c.role ? { role: c.role } : {},
    });
  if (input.agreementSignedOn || input.agreementValidUntil)
    out.push({
      type: 'agreement',
      parentKey: schoolKey,
      name: input.name,
      details: input.agreementSignedOn ? { signedOn: input.agreementSignedOn } : {},
      ...(input.agreementValidUntil ? { validUntil: input.agreementValidUntil } : {}),
    });
  return out;
}

/** Whether a stored child stands for a wanted one (then it is kept, or patched, instead of recreated). */
export const sameChild = (stored: Partner, wanted: Omit<NewRecord<Partner>, 'key'>): boolean =>
  stored.type === wanted.type &&
  (wanted.type === 'agreement' || stored.name === wanted.name) &&
  (wanted.type !== 'contact' || (stored.email ?? '') === (wanted.email ?? ''));

/** What must change on a matched child; empty when it is already as wanted. */
export function childPatch(stored: Partner, wanted: Omit<NewRecord<Partner>, 'key'>): Partial<Partner> {
  const patch: Partial<Partner> = {};
  if (stored.name !== wanted.name) patch.name = wanted.name;
  if ((stored.phone ?? '') !== (wanted.phone ?? '')) patch.phone = wanted.phone;
  if ((stored.email ?? '') !== (wanted.email ?? '')) patch.email = wanted.email;
  if ((stored.validUntil ?? '') !== (wanted.validUntil ?? '')) patch.validUntil = wanted.validUntil;
  if (JSON.stringify(stored.details) !== JSON.stringify(wanted.details)) patch.details = wanted.details;
  return patch;
}
