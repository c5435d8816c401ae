import type { Locale } from '../../domain/i18n';
import type { Graph } from '../client';
import { buildQuery, segment } from '../odata';
import { pageAll } from '../paging';
import { People, type DirectoryPerson } from '../people';
import { provision, type ProvisionReport } from '../provision';
import type { RetryPolicy } from '../retry-policy';
import type { ListSchema } from '../schema';
import { classifyDirectory } from './demo-plan';

/**
 * Local mode only: what a tenant administrator does once for a real organisation, done against the emulator's
 * admin API (`/_emulator/…`, which a tenant does not have): create the "Stages" site, grant the app
 * Sites.Selected (`manage`, provisioning creates lists), make the coordinators site owners, give the two internship
 * libraries unique permissions (coordinators only: mentors reach their interns' folders through invitations only)
 * and open Final works to all staff. Then the app provisions the site through Graph, as it would in a tenant.
 */

export interface LocalSiteOptions {
  /** Root URL of the emulator (no /v1.0). */
  emulatorUrl: string;
  /** The app's Graph client (client credentials against the emulator). */
  graph: Graph;
  appId: string;
  sitePath?: string;
  locale?: Locale;
  retry?: Partial<RetryPolicy>;
  progress?: (line: string) => void;
  /** The schema to provision (default: the current one). */
  lists?: readonly ListSchema[];
}

export interface LocalSite {
  siteId: string;
  webUrl: string;
  provision: ProvisionReport;
  people: People;
  coordinators: DirectoryPerson[];
  /** Adds a user to the site's user list (the emulator's stand-in for SharePoint REST `ensureuser`). */
  ensureUser: (user: DirectoryPerson) => Promise<string | undefined>;
}

export async function setupLocalSite(opts: LocalSiteOptions): Promise<LocalSite> {
  const root = opts.emulatorUrl.replace(/\/+$/, '');
  const say = opts.progress ?? (() => {});
  const admin = async (method: string, path: string, body?: unknown): Promise<Record<string, unknown>> => {
    const res = await fetch(`${root}/_emulator${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`emulator admin ${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  };

  say('local site: create the site and grant the app Sites.Selected');
  const site = await admin('POST', '/sites', {
    path: opts.sitePath ?? '/sites/Stages',
    displayName: 'Stages',
  });
  const siteId = String(site.id);
  const enc = encodeURIComponent(siteId);
  await admin('POST', `/sites/${enc}/grants`, { appId: opts.appId, roles: ['manage'] });

  const report = await provision(opts.graph, {
    site: siteId,
    locale: opts.locale ?? 'nl',
    progress: say,
    ...(opts.lists ? { lists: opts.lists } : {}),
  });

  const ensureUser = async (user: DirectoryPerson): Promise<string | undefined> => {
    const r = await admin('POST', `/sites/${enc}/ensureUser`, { userId: user.id });
    return r.lookupId === undefined ? undefined : String(r.lookupId);
  };
  const people = new People({
    graph: opts.graph,
    siteId,
    ensureUser,
    ...(opts.retry ? { retry: opts.retry } : {}),
  });
  const coordinators = classifyDirectory(await people.loadDirectory()).filter(
    (p) => p.role === 'coordinator',
  );

  say(`local site: ${coordinators.length} coordinator(s) as owners; internship libraries closed to others`);
  for (const c of coordinators)
    await admin('PUT', `/sites/${enc}/roles`, { principalId: c.id, role: 'owner' });
  const lists = await pageAll<{ id: string; name: string }>(
    opts.graph,
    `/sites/${segment(siteId)}/lists${buildQuery({ select: ['id', 'name'] })}`,
  );
  const owners = coordinators.map((c) => ({ principalId: c.id, role: 'owner' }));
  const roles: Record<string, { principalId: string; role: string }[]> = {
    Stagemap: owners,
    'Stagemap-Confidential': owners,
    FinalWorks: [...owners, { principalId: 'everyone', role: 'visitor' }],
  };
  for (const [name, assignments] of Object.entries(roles)) {
    const list = lists.find((l) => l.name.toLowerCase() === name.toLowerCase());
    if (!list) throw new Error(`local site: library ${name} missing after provisioning`);
    await admin('PUT', `/sites/${enc}/lists/${encodeURIComponent(list.id)}/roles`, {
      inherit: false,
      assignments,
    });
  }
  return { siteId, webUrl: String(site.webUrl ?? ''), provision: report, people, coordinators, ensureUser };
}
