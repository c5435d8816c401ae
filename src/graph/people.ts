import { resolveLocale } from '../domain/i18n';
import type { PersonRef } from '../domain/internship';
import { batch } from './batch';
import type { Graph } from './client';
import { NotFoundError } from './errors';
import { buildQuery, eq, expandFields, segment } from './odata';
import { pageAll } from './paging';
import type { RetryPolicy } from './retry-policy';

/**
 * Entra users ↔ the site's user lookup ids (docs/emulator-sharepoint.md "Resolving users to lookup ids").
 *
 * Person columns are written as `<Name>LookupId`, an id that exists per SITE (the item id in the hidden User
 * Information List). Graph has no ensureUser: a user is in that list once they were given access to something on
 * the site (the app shares the internship folder first) or visited it. So resolution is:
 *   oid → directory user (GET /users/{oid}, cached) → UPN → User Information List item (cached; the whole list is
 *   read once, then single misses are looked up by UserName) → lookup id.
 * A user still missing is left to the optional `ensureUser` strategy (SharePoint REST `ensureuser` in a tenant,
 * the emulator's admin endpoint locally); without one, the person column stays empty and only the indexed `…Oid`
 * column is written, which is what authorisation and queries use anyway.
 */

export interface DirectoryPerson {
  id: string;
  displayName: string;
  userPrincipalName: string;
  mail?: string;
  preferredLanguage?: string;
  jobTitle?: string;
  department?: string;
}

export interface PeopleOptions {
  graph: Graph;
  siteId: string;
  /** Adds a user to the site's user list and returns the lookup id (outside Graph). */
  ensureUser?: (user: DirectoryPerson) => Promise<string | undefined>;
  retry?: Partial<RetryPolicy>;
}

const USER_SELECT = [
  'id',
  'displayName',
  'userPrincipalName',
  'mail',
  'preferredLanguage',
  'jobTitle',
  'department',
] as const;

interface UilItem {
  id: string;
  fields?: { UserName?: string; EMail?: string };
}

const clean = (u: Record<string, unknown>): DirectoryPerson => {
  const str = (k: string) => (typeof u[k] === 'string' && u[k] !== '' ? (u[k] as string) : undefined);
  const out: DirectoryPerson = {
    id: String(u.id),
    displayName: str('displayName') ?? String(u.id),
    userPrincipalName: str('userPrincipalName') ?? '',
  };
  for (const k of ['mail', 'preferredLanguage', 'jobTitle', 'department'] as const) {
    const v = str(k);
    if (v !== undefined) out[k] = v;
  }
  return out;
};

export class People {
  private readonly users = new Map<string, DirectoryPerson>();
  private readonly missingUsers = new Set<string>();
  /** Lower-cased UPN/e-mail → lookup id. */
  private readonly lookupIds = new Map<string, string>();
  private uilLoaded: Promise<void> | undefined;

  constructor(private readonly opts: PeopleOptions) {}

  private get uilItems(): string {
    return `/sites/${segment(this.opts.siteId)}/lists/${segment('User Information List')}/items`;
  }

  /** Every directory user (one request per 999): for the demo seed and small tenants' pickers. */
  async loadDirectory(): Promise<DirectoryPerson[]> {
    const all = await pageAll<Record<string, unknown>>(
      this.opts.graph,
      `/users${buildQuery({ select: USER_SELECT, top: 999 })}`,
    );
    const people = all.map(clean);
    for (const p of people) this.users.set(p.id, p);
    return people;
  }

  /** Directory users by oid, fetched in $batch GETs for the ones not cached; unknown oids are left out. */
  async usersById(oids: Iterable<string>): Promise<Map<string, DirectoryPerson>> {
    const wanted = [...new Set(oids)].filter((o) => o !== '');
    const missing = wanted.filter((o) => !this.users.has(o) && !this.missingUsers.has(o));
    if (missing.length > 0) {
      const results = await batch<Record<string, unknown>>(
        this.opts.graph,
        missing.map((oid) => ({
          method: 'GET' as const,
          url: `/users/${segment(oid)}${buildQuery({ select: USER_SELECT })}`,
        })),
        this.opts.retry,
      );
      results.forEach((r, i) => {
        if (r.status === 200 && r.body) this.users.set(missing[i]!, clean(r.body));
        else if (r.error instanceof NotFoundError) this.missingUsers.add(missing[i]!);
        else if (r.error) throw r.error;
      });
    }
    const out = new Map<string, DirectoryPerson>();
    for (const o of wanted) {
      const u = this.users.get(o);
      if (u) out.set(o, u);
    }
    return out;
  }

  /** A PersonRef from what is cached; the display name is empty when the user was never loaded. */
  personRef(oid: string): PersonRef {
    const u = this.users.get(oid);
    const ref: PersonRef = { id: oid, displayName: u?.displayName ?? '' };
    if (u?.mail ?? u?.userPrincipalName) ref.email = u.mail ?? u.userPrincipalName;
    if (u?.preferredLanguage) ref.locale = resolveLocale(u.preferredLanguage);
    return ref;
  }

  /** Remember a lookup id the service told us (e.g. `grantedToV2.siteUser.id` of an invitation). */
  learn(upnOrMail: string, lookupId: string): void {
    this.lookupIds.set(upnOrMail.toLowerCase(), lookupId);
  }

  private async loadUil(): Promise<void> {
    this.uilLoaded ??= (async () => {
      const items = await pageAll<UilItem>(
        this.opts.graph,
        `${this.uilItems}${buildQuery({ expand: expandFields(['UserName', 'EMail']), top: 5000 })}`,
      );
      for (const it of items) {
        if (it.fields?.UserName) this.learn(it.fields.UserName, it.id);
        if (it.fields?.EMail) this.learn(it.fields.EMail, it.id);
      }
    })().catch((e: unknown) => {
      this.uilLoaded = undefined;
      throw e;
    });
    return this.uilLoaded;
  }

  private cachedLookup(u: DirectoryPerson): string | undefined {
    return (
      this.lookupIds.get(u.userPrincipalName.toLowerCase()) ??
      (u.mail ? this.lookupIds.get(u.mail.toLowerCase()) : undefined)
    );
  }

  /** Lookup ids for the given oids; oids that cannot be resolved are absent from the map. */
  async lookupIdsFor(oids: Iterable<string>): Promise<Map<string, string>> {
    const users = await this.usersById(oids);
    const out = new Map<string, string>();
    const misses: DirectoryPerson[] = [];
    for (const [oid, u] of users) {
      const id = this.cachedLookup(u);
      if (id) out.set(oid, id);
      else misses.push(u);
    }
    if (misses.length === 0) return out;
    await this.loadUil();
    for (const u of misses) {
      let id = this.cachedLookup(u);
      if (!id && u.userPrincipalName) {
        // Added to the site after we read the list: ask for this one user (UserName is not indexed).
        const found = await this.opts.graph.get<{ value?: UilItem[] }>(
          `${this.uilItems}${buildQuery({ filter: eq('fields/UserName', u.userPrincipalName.toLowerCase()), expand: expandFields(['UserName']) })}`,
          { headers: { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' } },
        );
        id = found.value?.[0]?.id;
        if (!id && this.opts.ensureUser) id = await this.opts.ensureUser(u);
        if (id) this.learn(u.userPrincipalName, id);
      }
      if (id) out.set(u.id, id);
    }
    return out;
  }

  async lookupIdFor(oid: string): Promise<string | undefined> {
    return (await this.lookupIdsFor([oid])).get(oid);
  }
}
