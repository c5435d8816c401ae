import type { Internship, PersonRef } from '../domain/internship';
import type { People } from '../graph/people';

/**
 * Internships are mapped with whatever the People cache holds at read time; this loads the directory entries of
 * everyone they name ($batch, cached) and fills in names and mail addresses, which cards and mails show.
 */
export async function hydrateInternships<T extends Internship>(
  people: People,
  items: readonly T[],
): Promise<T[]> {
  const oids = new Set<string>();
  for (const i of items)
    for (const p of [i.mentor, i.backup, i.coordinator, i.serviceHead, i.intern]) if (p?.id) oids.add(p.id);
  if (oids.size === 0) return [...items];
  await people.usersById(oids);
  const fill = (p: PersonRef | undefined): PersonRef | undefined =>
    p?.id ? { ...people.personRef(p.id), ...keep(p) } : p;
  return items.map((i) => {
    const out = { ...i };
    for (const k of ['mentor', 'backup', 'coordinator', 'serviceHead'] as const) {
      const v = fill(i[k]);
      if (v) out[k] = v;
    }
    // The intern's name and address are the internship's own columns (the intern may not be a directory user).
    out.intern = { ...(i.intern.id ? people.personRef(i.intern.id) : {}), ...i.intern };
    if (!out.intern.displayName && i.intern.id)
      out.intern.displayName = people.personRef(i.intern.id).displayName;
    return out;
  });
}

/** Non-empty fields of a mapped PersonRef win over the cache (e.g. a locale set explicitly). */
const keep = (p: PersonRef): Partial<PersonRef> =>
  Object.fromEntries(Object.entries(p).filter(([, v]) => v !== '' && v !== undefined)) as Partial<PersonRef>;
