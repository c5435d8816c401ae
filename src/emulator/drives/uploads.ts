import { randomBytes } from 'node:crypto';
import { badRequest, GraphError } from '../http/errors';
import type { EmuRequest, EmuResponse, Principal } from '../http/types';
import { DriveService, itemNotFound, nameExists, type DriveScope } from './drive-service';
import { driveItemJson, identityOf } from './json';
import { parseConflictBehavior, validateName, type ConflictBehavior } from './names';
import type { ItemAddress } from './paths';
import type { IdentitySet, ItemRow, UploadSessionRow } from './store';

/** "If your app splits a file into multiple byte ranges, the size of each byte range MUST be a multiple of 320 KiB". */
export const FRAGMENT_MULTIPLE = 327_680;
/** "as long as the maximum bytes in any given request is less than 60 MiB". */
export const MAX_FRAGMENT_BYTES = 60 * 1024 * 1024;
/** Simple upload (`PUT …/content`) "supports files up to 250 MB"; larger files need an upload session. */
export const MAX_SIMPLE_UPLOAD_BYTES = 250 * 1024 * 1024;
/** Docs do not give the lifetime; each accepted fragment extends it (docs/emulator-drives.md). */
export const SESSION_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** Where upload URLs live: on the emulator's host, outside /v1.0, authorised by the unguessable token alone. */
export const UPLOAD_PATH_PREFIX = '/_api/v2.0/uploadSession/';

/** Graph error body with the service's innerError code (e.g. fragmentOverlap) next to the request ids. */
function errorWithInner(
  req: EmuRequest,
  status: number,
  code: string,
  message: string,
  innerCode?: string,
): EmuResponse {
  return {
    status,
    body: {
      error: {
        code,
        message,
        innerError: {
          ...(innerCode ? { code: innerCode } : {}),
          date: new Date().toISOString().replace(/\.\d{3}Z$/, ''),
          'request-id': req.requestId,
          'client-request-id': req.headers['client-request-id'] ?? req.requestId,
        },
      },
    },
  };
}

const notFoundSession = () => new GraphError(404, 'itemNotFound', 'The upload session was not found');

export class Uploads {
  constructor(private readonly svc: DriveService) {}

  private get store() {
    return this.svc.store;
  }

  private ranges(s: Pick<UploadSessionRow, 'received' | 'total'>): string[] {
    if (s.total === null) return [`${s.received}-`];
    if (s.received >= s.total) return [];
    return [`${s.received}-${s.total - 1}`];
  }

  private statusBody(s: UploadSessionRow) {
    return { expirationDateTime: s.expires_at, nextExpectedRanges: this.ranges(s) };
  }

  /** `PUT …/content`: create or replace a file in one request (conflictBehavior defaults to replace). */
  putContent(req: EmuRequest, scope: DriveScope, addr: ItemAddress): EmuResponse {
    const p = req.principal;
    if (req.body.length > MAX_SIMPLE_UPLOAD_BYTES)
      throw new GraphError(
        413,
        'invalidRequest',
        'The request is larger than 250 MB; use an upload session (createUploadSession) for large files.',
      );
    const behavior = parseConflictBehavior(req.query.get('@microsoft.graph.conflictBehavior'), 'replace');
    let target: ItemRow | undefined;
    let parent: ItemRow | undefined;
    let name = '';
    if (addr.path.length === 0) {
      target = this.svc.resolveItem(scope, addr);
      if (target.is_folder) throw badRequest('Cannot upload content to a folder.', 'invalidRequest');
    } else {
      const loc = this.svc.locate(scope, addr);
      parent = loc.parent;
      name = validateName(loc.name);
      if (loc.existing && behavior === 'replace') target = loc.existing;
    }
    if (target) {
      this.svc.writable(p, scope, target);
      this.svc.checkIfMatch(req, target);
      if (target.is_folder) throw nameExists();
      const updated = this.svc.replaceContent(scope, target, req.body, p);
      return { status: 200, body: driveItemJson(scope.render, updated) };
    }
    this.svc.writable(p, scope, parent!);
    const picked = this.svc.resolveConflict(parent!, name, behavior, false);
    const created = this.svc.createItem(scope, parent!, picked.name, { folder: false, content: req.body }, p);
    return { status: 201, body: driveItemJson(scope.render, created) };
  }

  /** `POST …/createUploadSession` on a new file's path or on an existing file. */
  createSession(req: EmuRequest, scope: DriveScope, addr: ItemAddress): EmuResponse {
    const p = req.principal;
    const body = DriveService.jsonBody(req);
    const item = (body.item ?? {}) as Record<string, unknown>;
    const behavior = parseConflictBehavior(item['@microsoft.graph.conflictBehavior'], 'fail');
    const fileSize = typeof item.fileSize === 'number' ? item.fileSize : null;
    let row: Omit<UploadSessionRow, 'id' | 'expires_at' | 'created_by' | 'principal'>;
    if (addr.path.length === 0) {
      const target = this.svc.resolveItem(scope, addr);
      if (target.is_folder)
        throw badRequest('A file name is required to upload into a folder.', 'invalidRequest');
      this.svc.writable(p, scope, target);
      this.svc.checkIfMatch(req, target);
      row = {
        drive_id: scope.drive.id,
        parent_id: target.parent_id!,
        name: target.name,
        target_item_id: target.id,
        conflict: 'replace',
        total: fileSize,
        received: 0,
        defer_commit: body.deferCommit === true ? 1 : 0,
      };
    } else {
      const loc = this.svc.locate(scope, addr);
      const name = validateName(loc.name);
      // "The {item-path} must contain the name of the item that's specified in the request body."
      if (typeof item.name === 'string' && item.name !== name)
        throw badRequest(
          'The name in the request body does not match the name in the path.',
          'invalidRequest',
        );
      this.svc.writable(p, scope, loc.parent);
      if (loc.existing && behavior === 'fail') throw nameExists();
      if (loc.existing?.is_folder && behavior === 'replace') throw nameExists();
      row = {
        drive_id: scope.drive.id,
        parent_id: loc.parent.id,
        name,
        target_item_id: null,
        conflict: behavior,
        total: fileSize,
        received: 0,
        defer_commit: body.deferCommit === true ? 1 : 0,
      };
    }
    const session: UploadSessionRow = {
      ...row,
      id: randomBytes(32).toString('base64url'),
      expires_at: new Date(this.svc.ctx.now().getTime() + SESSION_LIFETIME_MS).toISOString(),
      created_by: JSON.stringify(this.identity(p)),
      principal: JSON.stringify(p),
    };
    this.store.createSession(session);
    return {
      status: 200,
      body: {
        '@odata.context': `${req.graphBase}/$metadata#microsoft.graph.uploadSession`,
        uploadUrl: `${this.svc.ctx.baseUrl()}${UPLOAD_PATH_PREFIX}${session.id}`,
        ...this.statusBody(session),
      },
    };
  }

  private identity(p: Principal): IdentitySet {
    return identityOf(this.svc.ctx.db, p);
  }

  private live(token: string): UploadSessionRow {
    const now = this.svc.ctx.now().toISOString();
    this.store.purgeExpiredSessions(now);
    const s = this.store.getSession(token);
    if (!s) throw notFoundSession();
    return s;
  }

  /** GET uploadUrl: where the upload stands, to resume after a dropped connection or a restart. */
  status(token: string): EmuResponse {
    return { status: 200, body: this.statusBody(this.live(token)) };
  }

  /** DELETE uploadUrl: cancels the session and drops the fragments received so far. */
  cancel(token: string): EmuResponse {
    this.live(token);
    this.store.deleteSession(token);
    return { status: 204 };
  }

  /** PUT uploadUrl with `Content-Range: bytes a-b/total`: one fragment, in order. */
  putFragment(req: EmuRequest, token: string): EmuResponse {
    const s = this.live(token);
    const header = req.headers['content-range'] ?? '';
    const m = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(header.trim());
    if (!m) throw badRequest('The Content-Range header is missing or malformed.', 'invalidRequest');
    const [a, b, total] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (b < a || b >= total)
      throw badRequest(`The Content-Range header is invalid: '${header}'.`, 'invalidRequest');
    if (req.body.length > MAX_FRAGMENT_BYTES)
      throw new GraphError(413, 'invalidRequest', 'A fragment must be smaller than 60 MiB.');
    if (req.body.length !== b - a + 1)
      throw badRequest(
        `The Content-Range header declares ${b - a + 1} bytes but the request contains ${req.body.length}.`,
        'invalidRequest',
      );
    if (s.total !== null && s.total !== total)
      throw badRequest(
        `The current upload session is for ${s.total} total bytes, but the current fragment declares a total of ${total}.`,
        'invalidRequest',
      );
    if (a < s.received)
      return errorWithInner(
        req,
        416,
        'invalidRange',
        'Uploaded fragment overlaps with existing data.',
        'fragmentOverlap',
      );
    if (a > s.received) return errorWithInner(req, 416, 'invalidRange', 'Uploaded fragment is out of order.');
    const last = b + 1 === total;
    if (!last && req.body.length % FRAGMENT_MULTIPLE !== 0)
      throw badRequest(
        `The fragment size (${req.body.length} bytes) must be a multiple of 320 KiB (327,680 bytes); only the last fragment may be smaller.`,
        'invalidRequest',
      );
    const expires = new Date(this.svc.ctx.now().getTime() + SESSION_LIFETIME_MS).toISOString();
    this.store.appendChunk(s.id, a, req.body, total, expires);
    const updated: UploadSessionRow = { ...s, received: b + 1, total, expires_at: expires };
    if (!last || s.defer_commit) return { status: 202, body: this.statusBody(updated) };
    return this.commit(updated);
  }

  /** POST uploadUrl with an empty body completes a deferCommit session. */
  complete(token: string): EmuResponse {
    const s = this.live(token);
    if (s.total === null || s.received < s.total)
      throw badRequest(
        'The upload session is not complete: some byte ranges are still missing.',
        'invalidRequest',
      );
    return this.commit(s);
  }

  /**
   * The last byte arrived: the file appears in its folder. A name conflict here (someone created the name during
   * the upload) is 409 and the session is kept until it expires, as the docs describe.
   */
  private commit(s: UploadSessionRow): EmuResponse {
    const drive = this.store.getDrive(s.drive_id);
    if (!drive) throw notFoundSession();
    const scope = this.svc.scope(drive);
    const principal = JSON.parse(s.principal) as Principal;
    const by = JSON.parse(s.created_by) as IdentitySet;
    const bytes = this.store.sessionBytes(s.id);
    if (s.target_item_id) {
      const target = this.store.getItem(s.target_item_id);
      if (!target) throw itemNotFound();
      const updated = this.svc.replaceContent(scope, target, bytes, principal, by);
      this.store.deleteSession(s.id);
      return { status: 200, body: driveItemJson(scope.render, updated) };
    }
    const parent = this.store.getItem(s.parent_id);
    if (!parent) throw itemNotFound();
    const existing = this.store.childByName(parent.id, s.name);
    if (existing && (s.conflict === 'fail' || existing.is_folder))
      throw new GraphError(
        409,
        'nameAlreadyExists',
        'Another file exists with the same name as the uploaded session. You can redirect the upload session to use a new filename by calling PUT with the new metadata and @microsoft.graph.sourceUrl attribute.',
      );
    if (existing && s.conflict === 'replace') {
      const updated = this.svc.replaceContent(scope, existing, bytes, principal, by);
      this.store.deleteSession(s.id);
      return { status: 200, body: driveItemJson(scope.render, updated) };
    }
    const name = this.svc.resolveConflict(parent, s.name, s.conflict as ConflictBehavior, false).name;
    const created = this.svc.createItem(
      scope,
      parent,
      name,
      { folder: false, content: bytes },
      principal,
      by,
    );
    this.store.deleteSession(s.id);
    return { status: 201, body: driveItemJson(scope.render, created) };
  }
}
