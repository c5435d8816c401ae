import type { Principal } from '../http/types';
import type { EffectiveRole } from './ports';
import type { RoleAssignment, SharePointStore, SiteRole } from './store';

/**
 * The permission model: a caller's effective role is the lower of what its token allows (Graph permission) and
 * what SharePoint grants it on the site or list.
 *
 * - App tokens: `Sites.Read.All` / `Sites.ReadWrite.All` / `Sites.Manage.All` / `Sites.FullControl.All` reach every
 *   site; `Sites.Selected` reaches only sites with a grant (`POST /sites/{id}/permissions`), at the grant's role.
 *   App permissions are site-wide: a list's unique role assignments do not restrict an app (as in SharePoint).
 * - User tokens: a delegated scope caps the role (Sites.Read.All → read, Sites.ReadWrite.All/Manage.All → write,
 *   Sites.FullControl.All → owner), and the user's SharePoint role decides: site role assignments, replaced on a
 *   list with unique role assignments. `everyone` stands for every user of the tenant.
 */

export const ROLE_RANK: Record<EffectiveRole, number> = { none: 0, read: 1, write: 2, owner: 3 };
const minRole = (a: EffectiveRole, b: EffectiveRole): EffectiveRole => (ROLE_RANK[a] <= ROLE_RANK[b] ? a : b);
const maxRole = (a: EffectiveRole, b: EffectiveRole): EffectiveRole => (ROLE_RANK[a] >= ROLE_RANK[b] ? a : b);

export const EVERYONE = 'everyone';

const SITE_ROLE: Record<SiteRole, EffectiveRole> = { owner: 'owner', member: 'write', visitor: 'read' };

function tenantWideRole(perms: string[]): EffectiveRole {
  let role: EffectiveRole = 'none';
  for (const p of perms) {
    if (p === 'Sites.FullControl.All') role = maxRole(role, 'owner');
    else if (p === 'Sites.ReadWrite.All' || p === 'Sites.Manage.All') role = maxRole(role, 'write');
    else if (p === 'Sites.Read.All') role = maxRole(role, 'read');
  }
  return role;
}

/** Maps a site permission's roles (`read`, `write`, `manage`, `fullcontrol`, `owner`) to an effective role. */
export function grantRole(roles: string[]): EffectiveRole {
  let role: EffectiveRole = 'none';
  for (const r of roles.map((x) => x.toLowerCase())) {
    if (r === 'fullcontrol' || r === 'owner') role = maxRole(role, 'owner');
    else if (r === 'write' || r === 'manage') role = maxRole(role, 'write');
    else if (r === 'read') role = maxRole(role, 'read');
  }
  return role;
}

function roleFromAssignments(assignments: RoleAssignment[], userId: string): EffectiveRole {
  let role: EffectiveRole = 'none';
  for (const a of assignments)
    if (a.principalId.toLowerCase() === userId.toLowerCase() || a.principalId.toLowerCase() === EVERYONE)
      role = maxRole(role, SITE_ROLE[a.role]);
  return role;
}

export function effectiveRole(
  store: SharePointStore,
  principal: Principal,
  siteId: string,
  listId?: string | null,
): EffectiveRole {
  if (!store.siteById(siteId)) return 'none';
  if (principal.kind === 'app') {
    if (!principal.appId) return 'none';
    let role = tenantWideRole(principal.roles);
    if (principal.roles.includes('Sites.Selected')) {
      const grant = store.grantFor(siteId, principal.appId);
      if (grant) role = maxRole(role, grantRole(grant.roles));
    }
    return role;
  }
  const cap = tenantWideRole(principal.scopes);
  if (cap === 'none') return 'none';
  const list = listId ? store.listById(listId) : undefined;
  const assignments = list?.uniqueRoles ?? store.siteRoles(siteId);
  return minRole(cap, roleFromAssignments(assignments, principal.oid));
}

/**
 * Whether the caller may reach the site at all. A user with no site role but a role on one list with unique
 * permissions has SharePoint's "limited access" to the site: enough to read the site and that list.
 */
export function siteAccess(store: SharePointStore, principal: Principal, siteId: string): EffectiveRole {
  const role = effectiveRole(store, principal, siteId, null);
  if (role !== 'none' || principal.kind === 'app') return role;
  const cap = tenantWideRole(principal.scopes);
  if (cap === 'none') return 'none';
  for (const l of store.listsOfSite(siteId))
    if (l.uniqueRoles && roleFromAssignments(l.uniqueRoles, principal.oid) !== 'none') return 'read';
  return 'none';
}

/** True when the token carries any Graph permission that can reach sites at all. */
export function hasSitesPermission(principal: Principal): boolean {
  const perms = principal.kind === 'app' ? principal.roles : principal.scopes;
  return perms.includes('Sites.Selected') || tenantWideRole(perms) !== 'none';
}

export function canManagePermissions(principal: Principal): boolean {
  const perms = principal.kind === 'app' ? principal.roles : principal.scopes;
  return perms.includes('Sites.FullControl.All');
}
