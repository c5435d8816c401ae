import { GraphError, badRequest } from '../http/errors';
import type { EmuRequest, EmuResponse } from '../http/types';
import { getUser, listUsers, type DirectoryUser } from '../identity/directory-store';
import { DriveService, type DriveScope } from './drive-service';
import { identityOf, pathSegments } from './json';
import type { ItemRow, PermissionRow } from './store';

const LOGIN_PREFIX = 'i:0#.f|membership|';
const INVITE_ROLES = new Set(['read', 'write']);

/**
 * SharePoint's permission ids are the base64 of the principal's claims login ("i:0#.f|membership|upn"), so one
 * user has the same permission id on every item. We use the URL-safe alphabet so ids survive in paths.
 */
export const permissionIdFor = (upn: string): string =>
  Buffer.from(`${LOGIN_PREFIX}${upn.toLowerCase()}`).toString('base64url');

const notAllowed = () => new GraphError(403, 'notAllowed', 'Operation not allowed');
const permissionNotFound = () => new GraphError(404, 'itemNotFound', 'The permission could not be found.');

export class Sharing {
  constructor(private readonly svc: DriveService) {}

  private resolveRecipient(r: unknown): DirectoryUser {
    const rec = (r ?? {}) as { email?: unknown; objectId?: unknown; alias?: unknown };
    const key = [rec.objectId, rec.email, rec.alias].find(
      (v): v is string => typeof v === 'string' && v !== '',
    );
    if (!key) throw badRequest('Each recipient needs an email or an objectId.', 'invalidRequest');
    const user =
      getUser(this.svc.ctx.db, key) ??
      listUsers(this.svc.ctx.db).find((u) => u.mail?.toLowerCase() === key.toLowerCase());
    // External (guest) sharing is not emulated: the local tenant only knows its directory users.
    if (!user) throw badRequest(`The recipient '${key}' could not be resolved to a user.`, 'invalidRequest');
    return user;
  }

  private json(scope: DriveScope, p: PermissionRow, inheritedFrom?: ItemRow): Record<string, unknown> {
    const user = getUser(this.svc.ctx.db, p.user_id);
    const displayName = user?.displayName ?? p.user_id;
    const email = user?.mail ?? user?.userPrincipalName ?? '';
    const lookupId = this.svc.sharepoint.ensureUser(scope.drive.site_id, p.user_id);
    const out: Record<string, unknown> = {
      id: p.id,
      roles: JSON.parse(p.roles) as string[],
      grantedTo: { user: { displayName, email, id: p.user_id } },
      grantedToV2: {
        user: { id: p.user_id, displayName, email },
        siteUser: {
          id: String(lookupId),
          displayName,
          email,
          loginName: `${LOGIN_PREFIX}${(user?.userPrincipalName ?? email).toLowerCase()}`,
        },
      },
    };
    if (inheritedFrom) {
      const segs = pathSegments(this.svc.store, inheritedFrom);
      out.inheritedFrom = {
        driveId: scope.drive.id,
        id: inheritedFrom.id,
        path: `/drives/${scope.drive.id}/root:${segs.length ? `/${segs.join('/')}` : ''}`,
      };
    }
    return out;
  }

  /** Direct grants first, then the ones inherited from ancestors (nearest first) with inheritedFrom set. */
  private all(scope: DriveScope, item: ItemRow): Array<{ row: PermissionRow; from?: ItemRow }> {
    const out: Array<{ row: PermissionRow; from?: ItemRow }> = this.svc.store
      .permissionsOn(item.id)
      .map((row) => ({ row }));
    for (const anc of this.svc.store.ancestors(item))
      for (const row of this.svc.store.permissionsOn(anc.id)) out.push({ row, from: anc });
    return out;
  }

  invite(req: EmuRequest, scope: DriveScope, item: ItemRow): EmuResponse {
    this.svc.writable(req.principal, scope, item);
    const body = DriveService.jsonBody(req);
    const recipients = body.recipients;
    const roles = body.roles;
    if (!Array.isArray(recipients) || recipients.length === 0)
      throw badRequest('At least one recipient is required.', 'invalidRequest');
    if (!Array.isArray(roles) || roles.length === 0 || !roles.every((r) => INVITE_ROLES.has(String(r))))
      throw badRequest("roles must contain 'read' or 'write'.", 'invalidRequest');
    const users = recipients.map((r) => this.resolveRecipient(r));
    const grantedBy = JSON.stringify(identityOf(this.svc.ctx.db, req.principal));
    const now = this.svc.ctx.now().toISOString();
    const rows = this.svc.store.transaction(() =>
      users.map((u) => {
        const id = permissionIdFor(u.userPrincipalName);
        const prior = this.svc.store.permissionsOn(item.id).find((p) => p.id === id);
        // Sharing again adds roles to the user's existing grant on the item, as SharePoint does.
        const merged = [
          ...new Set([...(prior ? (JSON.parse(prior.roles) as string[]) : []), ...roles.map(String)]),
        ];
        const row: PermissionRow = {
          id,
          item_id: item.id,
          user_id: u.id,
          roles: JSON.stringify(merged),
          granted_by: grantedBy,
          created_at: prior?.created_at ?? now,
        };
        this.svc.store.upsertPermission(row);
        this.svc.sharepoint.ensureUser(scope.drive.site_id, u.id);
        return row;
      }),
    );
    return { status: 200, body: { value: rows.map((r) => this.json(scope, r)) } };
  }

  list(req: EmuRequest, scope: DriveScope, item: ItemRow): EmuResponse {
    this.svc.readable(req.principal, scope, item);
    return {
      status: 200,
      body: {
        '@odata.context': `${req.graphBase}/$metadata#drives('${scope.drive.id}')/items('${item.id}')/permissions`,
        value: this.all(scope, item).map(({ row, from }) => this.json(scope, row, from)),
      },
    };
  }

  get(req: EmuRequest, scope: DriveScope, item: ItemRow, permId: string): EmuResponse {
    this.svc.readable(req.principal, scope, item);
    const found = this.all(scope, item).find(({ row }) => row.id === permId);
    if (!found) throw permissionNotFound();
    return { status: 200, body: this.json(scope, found.row, found.from) };
  }

  update(req: EmuRequest, scope: DriveScope, item: ItemRow, permId: string): EmuResponse {
    this.svc.writable(req.principal, scope, item);
    const found = this.all(scope, item).find(({ row }) => row.id === permId);
    if (!found) throw permissionNotFound();
    if (found.from) throw notAllowed();
    const body = DriveService.jsonBody(req);
    const roles = body.roles;
    if (!Array.isArray(roles) || roles.length === 0 || !roles.every((r) => INVITE_ROLES.has(String(r))))
      throw badRequest("roles must contain 'read' or 'write'.", 'invalidRequest');
    const row = { ...found.row, roles: JSON.stringify(roles.map(String)) };
    this.svc.store.upsertPermission(row);
    return { status: 200, body: this.json(scope, row) };
  }

  /** "Only sharing permissions that are not inherited can be deleted." */
  remove(req: EmuRequest, scope: DriveScope, item: ItemRow, permId: string): EmuResponse {
    this.svc.writable(req.principal, scope, item);
    this.svc.checkIfMatch(req, item);
    const found = this.all(scope, item).find(({ row }) => row.id === permId);
    if (!found) throw permissionNotFound();
    if (found.from) throw notAllowed();
    this.svc.store.deletePermission(item.id, permId);
    return { status: 204 };
  }
}
