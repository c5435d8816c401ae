import type { Principal } from '../http/types';
import type { EffectiveRole, SharePointPort } from '../sharepoint/ports';
import type { DriveRow, DriveStore, ItemRow } from './store';

const RANK: Record<EffectiveRole, number> = { none: 0, read: 1, write: 2, owner: 3 };

export const atLeast = (role: EffectiveRole, wanted: EffectiveRole): boolean => RANK[role] >= RANK[wanted];

const max = (a: EffectiveRole, b: EffectiveRole): EffectiveRole => (RANK[a] >= RANK[b] ? a : b);

/** Sharing roles on a permission → the SharePoint role they give ("read" → Read, "write" → Contribute/Edit). */
function roleOfGrant(roles: string[]): EffectiveRole {
  if (roles.includes('owner') || roles.includes('sp.full control')) return 'owner';
  if (roles.includes('write')) return 'write';
  if (roles.includes('read')) return 'read';
  return 'none';
}

/**
 * Who may do what to a drive item, the way SharePoint decides it: the library-level role (site roles, the
 * library's unique role assignments, or an app's Sites.Selected grant, all from the SharePoint module) OR a
 * sharing grant on the item or any ancestor (grants are inherited down the tree). Apps only get the former:
 * invitations are given to users.
 */
export class DriveAccess {
  constructor(
    private readonly store: DriveStore,
    private readonly sharepoint: () => SharePointPort,
  ) {}

  libraryRole(principal: Principal, drive: DriveRow): EffectiveRole {
    return this.sharepoint().effectiveRole(principal, drive.site_id, drive.list_id);
  }

  /**
   * A user with a grant somewhere in the library has SharePoint's "Limited Access" to it: they can open the drive
   * and walk to what was shared with them, but nothing else is listed to them.
   */
  canOpenDrive(principal: Principal, drive: DriveRow): boolean {
    if (atLeast(this.libraryRole(principal, drive), 'read')) return true;
    return (
      principal.kind === 'user' && !!principal.oid && this.store.hasGrantInDrive(drive.id, principal.oid)
    );
  }

  grantRole(principal: Principal, item: ItemRow): EffectiveRole {
    if (principal.kind !== 'user' || !principal.oid) return 'none';
    // A delegated token still needs a Files or Sites scope for shared items to count.
    if (!principal.scopes.some((s) => /^(Files|Sites)\./.test(s))) return 'none';
    let role: EffectiveRole = 'none';
    for (const it of [item, ...this.store.ancestors(item)])
      for (const p of this.store.permissionsOn(it.id))
        if (p.user_id === principal.oid) role = max(role, roleOfGrant(JSON.parse(p.roles) as string[]));
    return role;
  }

  itemRole(principal: Principal, drive: DriveRow, item: ItemRow): EffectiveRole {
    return max(this.libraryRole(principal, drive), this.grantRole(principal, item));
  }
}
