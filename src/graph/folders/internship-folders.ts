import {
  CONFIDENTIAL_DOCUMENTS,
  DOCUMENTS_REQUIRED_BEFORE_START,
  isDocumentKey,
  type DocumentKey,
  type DocumentType,
} from '../../domain/documents';
import type { Internship } from '../../domain/internship';
import type { StoredDocument } from '../../domain/records';
import { batch } from '../batch';
import type { Graph } from '../client';
import { AlreadyExistsError, NotFoundError } from '../errors';
import { buildQuery, drivePath, eq, expandFields, segment } from '../odata';
import { pageAll } from '../paging';
import type { People } from '../people';
import type { RetryPolicy } from '../retry-policy';
import { uploadLarge, type UploadProgress } from '../upload';
import { internshipFolderName, safeFileName } from './folder-names';

/**
 * The internship's folders: one in the Stagemap library (shared by the app with the intern's mentor, back-up and
 * intern through `invite`) and one in Stagemap-Confidential (same name, never shared: coordinators reach it through
 * the library's own permissions). Folders are created when the internship is decided, named from the intern's name
 * and the internship key (folder-names.ts), and tagged with `InternshipKey` on their list item, like every file in
 * them, so one list query finds an internship's documents wherever they are.
 */

const CONFIDENTIAL_TYPES = new Set<DocumentKey>(CONFIDENTIAL_DOCUMENTS.map((d) => d.key));

export const LIBRARY = 'Stagemap';
export const CONFIDENTIAL_LIBRARY = 'Stagemap-Confidential';
export type Library = typeof LIBRARY | typeof CONFIDENTIAL_LIBRARY;
export type ShareRole = 'read' | 'write';

export interface FolderContext {
  graph: Graph;
  siteId: string;
  people: People;
  retry?: Partial<RetryPolicy>;
}

export interface FolderRef {
  library: Library;
  driveId: string;
  itemId: string;
  name: string;
  webUrl?: string;
  /** Created by this call (so it is empty: no documents, no permissions of its own yet). */
  created?: boolean;
}

interface DriveItem {
  id: string;
  name: string;
  webUrl?: string;
  size?: number;
}

interface Permission {
  id: string;
  roles?: string[];
  inheritedFrom?: unknown;
  grantedToV2?: { user?: { id?: string; email?: string }; siteUser?: { id?: string; loginName?: string } };
  grantedTo?: { user?: { id?: string } };
}

export interface InvitationChanges {
  added: { oid: string; role: ShareRole }[];
  changed: { oid: string; role: ShareRole }[];
  removed: string[];
}

export interface UploadInput {
  name: string;
  content: Uint8Array;
  documentType?: DocumentKey;
  /** Into Stagemap-Confidential (health and contract data); defaults from the document type. */
  confidential?: boolean;
  /** More columns of the file's list item, written with its tags (a final work's Title and publication mark). */
  fields?: Readonly<Record<string, string | null>>;
  onProgress?: (p: UploadProgress) => void;
}

export interface RequiredDocumentsStatus {
  present: DocumentKey[];
  missing: DocumentKey[];
  documents: StoredDocument[];
}

type FolderPeople = Pick<Internship, 'key' | 'intern' | 'mentor' | 'backup'>;

/** Who gets which role on the shared folder. The intern writes too: they hand in their own documents. */
export const DEFAULT_FOLDER_ROLES: Readonly<Record<'mentor' | 'backup' | 'intern', ShareRole>> = {
  mentor: 'write',
  backup: 'write',
  intern: 'write',
};

export class InternshipFolders {
  private readonly drives = new Map<Library, Promise<string>>();
  /** Folders are never renamed by the app: once found, a folder ref stays valid for the process. */
  private readonly known = new Map<string, FolderRef>();

  constructor(
    private readonly ctx: FolderContext,
    private readonly roles: Readonly<
      Record<'mentor' | 'backup' | 'intern', ShareRole>
    > = DEFAULT_FOLDER_ROLES,
  ) {}

  /** The drive id of a library (one request per library per process). */
  driveId(library: Library): Promise<string> {
    let p = this.drives.get(library);
    if (!p) {
      p = this.ctx.graph
        .get<{ id: string }>(`/sites/${segment(this.ctx.siteId)}/lists/${segment(library)}/drive?$select=id`)
        .then((d) => d.id);
      p.catch(() => this.drives.delete(library));
      this.drives.set(library, p);
    }
    return p;
  }

  folderName(i: Pick<Internship, 'key' | 'intern'>): string {
    return internshipFolderName(i.intern.displayName, i.key);
  }

  /** Creates the folder if missing (idempotent: a replayed create answers 409 and we take what is there). */
  async ensureFolder(i: Pick<Internship, 'key' | 'intern'>, library: Library = LIBRARY): Promise<FolderRef> {
    const name = this.folderName(i);
    const cached = this.known.get(`${library}/${name}`);
    if (cached) return { ...cached, created: false };
    const driveId = await this.driveId(library);
    let item: DriveItem;
    let created = false;
    try {
      item = await this.ctx.graph.post<DriveItem>(
        `/drives/${segment(driveId)}/root/children`,
        { name, folder: {}, '@microsoft.graph.conflictBehavior': 'fail' },
        { retrySafe: true },
      );
      created = true;
    } catch (e) {
      if (!(e instanceof AlreadyExistsError)) throw e;
      item = await this.ctx.graph.get<DriveItem>(`/drives/${segment(driveId)}/root:/${drivePath(name)}`);
    }
    if (created) await this.tag(driveId, item.id, { InternshipKey: i.key });
    return {
      library,
      driveId,
      itemId: item.id,
      name: item.name,
      ...(item.webUrl ? { webUrl: item.webUrl } : {}),
    };
  }

  /** Both folders of an internship (created on decision). */
  async ensureFolders(
    i: Pick<Internship, 'key' | 'intern'>,
  ): Promise<{ shared: FolderRef; confidential: FolderRef }> {
    const [shared, confidential] = await Promise.all([
      this.ensureFolder(i, LIBRARY),
      this.ensureFolder(i, CONFIDENTIAL_LIBRARY),
    ]);
    return { shared, confidential };
  }

  private async tag(driveId: string, itemId: string, fields: Record<string, unknown>): Promise<void> {
    // Setting the same values twice is harmless, so the PATCH may be replayed.
    await this.ctx.graph.patch(
      `/drives/${segment(driveId)}/items/${segment(itemId)}/listItem/fields`,
      fields,
      {
        retrySafe: true,
      },
    );
  }

  /** Who should have access to the shared folder, by Entra oid. */
  wantedAccess(i: FolderPeople): Map<string, ShareRole> {
    const wanted = new Map<string, ShareRole>();
    const grant = (oid: string | undefined, role: ShareRole) => {
      if (!oid) return;
      // One person in two roles gets the stronger one.
      if (wanted.get(oid) !== 'write') wanted.set(oid, role);
    };
    grant(i.intern.id, this.roles.intern);
    grant(i.mentor?.id, this.roles.mentor);
    grant(i.backup?.id, this.roles.backup);
    return wanted;
  }

  /**
   * Makes the shared folder's direct permissions match mentor, back-up and intern: invites who is missing
   * (requireSignIn, no mail: the app tells people itself), changes roles that differ, deletes the rest. Inherited
   * permissions (library level) are not ours and are left alone.
   */
  async syncInvitations(i: FolderPeople, folder?: FolderRef): Promise<InvitationChanges> {
    const f = folder ?? (await this.ensureFolder(i, LIBRARY));
    const base = `/drives/${segment(f.driveId)}/items/${segment(f.itemId)}`;
    // A folder created just now has no permissions of its own: no need to read them.
    const perms = f.created ? [] : await pageAll<Permission>(this.ctx.graph, `${base}/permissions`);
    const wanted = this.wantedAccess(i);
    const changes: InvitationChanges = { added: [], changed: [], removed: [] };
    const seen = new Set<string>();
    for (const p of perms) {
      if (p.inheritedFrom) continue;
      const oid = p.grantedToV2?.user?.id ?? p.grantedTo?.user?.id;
      if (!oid) continue;
      seen.add(oid);
      const role = wanted.get(oid);
      if (!role) {
        await this.deletePermission(`${base}/permissions/${segment(p.id)}`);
        changes.removed.push(oid);
      } else if ((p.roles ?? []).length !== 1 || p.roles?.[0] !== role) {
        await this.ctx.graph.patch(
          `${base}/permissions/${segment(p.id)}`,
          { roles: [role] },
          { retrySafe: true },
        );
        changes.changed.push({ oid, role });
      }
    }
    const byRole = new Map<ShareRole, string[]>();
    for (const [oid, role] of wanted)
      if (!seen.has(oid)) byRole.set(role, [...(byRole.get(role) ?? []), oid]);
    for (const [role, oids] of byRole) {
      const res = await this.ctx.graph.post<{ value?: Permission[] }>(
        `${base}/invite`,
        {
          recipients: oids.map((objectId) => ({ objectId })),
          roles: [role],
          requireSignIn: true,
          sendInvitation: false,
        },
        // Inviting again merges into the existing grant: a replay changes nothing.
        { retrySafe: true },
      );
      // The answer names each user's site lookup id: person columns can use it without another query.
      for (const p of res.value ?? []) {
        const lookupId = p.grantedToV2?.siteUser?.id;
        const email = p.grantedToV2?.user?.email;
        if (lookupId && email) this.ctx.people.learn(email, lookupId);
        const login = p.grantedToV2?.siteUser?.loginName?.split('|').pop();
        if (lookupId && login) this.ctx.people.learn(login, lookupId);
      }
      changes.added.push(...oids.map((oid) => ({ oid, role })));
    }
    return changes;
  }

  private async deletePermission(path: string): Promise<void> {
    try {
      await this.ctx.graph.delete(path);
    } catch (e) {
      // Already gone (a replayed delete): the goal is reached.
      if (!(e instanceof NotFoundError)) throw e;
    }
  }

  /**
   * Uploads a document into the internship's folder (confidential types into the confidential library), through
   * an upload session above a few MB, and sets its DocumentType and InternshipKey. Same name → replaced, so a
   * retried upload leaves one file.
   */
  async upload(i: Pick<Internship, 'key' | 'intern'>, input: UploadInput): Promise<StoredDocument> {
    const [doc] = await this.uploadMany(i, [input]);
    return doc!;
  }

  /** Several documents of one internship: uploads one by one, then tags them all in one $batch. */
  async uploadMany(
    i: Pick<Internship, 'key' | 'intern'>,
    inputs: readonly UploadInput[],
  ): Promise<StoredDocument[]> {
    const done: { doc: StoredDocument; driveId: string; fields?: UploadInput['fields'] }[] = [];
    for (const input of inputs)
      done.push({ ...(await this.uploadOne(i, input)), ...(input.fields ? { fields: input.fields } : {}) });
    const results = await batch(
      this.ctx.graph,
      done.map(({ doc, driveId, fields }) => ({
        method: 'PATCH' as const,
        url: `/drives/${segment(driveId)}/items/${segment(doc.id)}/listItem/fields`,
        body: {
          ...fields,
          InternshipKey: i.key,
          ...(doc.documentType ? { DocumentType: doc.documentType } : {}),
        },
        // Setting the same values again is harmless.
        retrySafe: true,
      })),
      this.ctx.retry,
    );
    for (const r of results) if (r.error) throw r.error;
    return done.map((d) => d.doc);
  }

  private async uploadOne(
    i: Pick<Internship, 'key' | 'intern'>,
    input: UploadInput,
  ): Promise<{ doc: StoredDocument; driveId: string }> {
    const confidential =
      input.confidential ?? CONFIDENTIAL_TYPES.has(input.documentType ?? ('' as DocumentKey));
    const library: Library = confidential ? CONFIDENTIAL_LIBRARY : LIBRARY;
    const folder = await this.ensureFolder(i, library);
    const name = safeFileName(input.name);
    const item = await uploadLarge(
      this.ctx.graph,
      `/drives/${segment(folder.driveId)}/root:/${drivePath(`${folder.name}/${name}`)}:`,
      input.content,
      { conflictBehavior: 'replace', ...(input.onProgress ? { onProgress: input.onProgress } : {}) },
    );
    const doc: StoredDocument = { id: item.id, name: item.name ?? name, internshipKey: i.key, confidential };
    if (input.documentType) doc.documentType = input.documentType;
    if (typeof item.size === 'number') doc.size = item.size;
    if (typeof item.webUrl === 'string') doc.webUrl = item.webUrl;
    return { doc, driveId: folder.driveId };
  }

  /** Every document of an internship in both libraries: one HTTP request (a $batch of two list queries). */
  async documents(internshipKey: string): Promise<StoredDocument[]> {
    const libs: Library[] = [LIBRARY, CONFIDENTIAL_LIBRARY];
    const results = await batch<{
      value?: { id: string; webUrl?: string; fields?: Record<string, unknown> }[];
    }>(
      this.ctx.graph,
      libs.map((lib) => ({
        method: 'GET' as const,
        url: `/sites/${segment(this.ctx.siteId)}/lists/${segment(lib)}/items${buildQuery({
          filter: eq('fields/InternshipKey', internshipKey),
          expand: expandFields([
            'FileLeafRef',
            'DocumentType',
            'InternshipKey',
            'ContentType',
            'FileSizeDisplay',
          ]),
          top: 5000,
        })}`,
      })),
      this.ctx.retry,
    );
    const docs: StoredDocument[] = [];
    results.forEach((r, n) => {
      if (r.error) throw r.error;
      for (const it of r.body.value ?? []) {
        const f = it.fields ?? {};
        if (String(f.ContentType ?? '') === 'Folder') continue;
        const doc: StoredDocument = {
          id: it.id,
          name: String(f.FileLeafRef ?? ''),
          internshipKey,
          confidential: libs[n] === CONFIDENTIAL_LIBRARY,
        };
        if (isDocumentKey(f.DocumentType)) doc.documentType = f.DocumentType;
        if (it.webUrl) doc.webUrl = it.webUrl;
        docs.push(doc);
      }
    });
    return docs;
  }

  /** Which required documents are in the folders and which are missing (one request). */
  async requiredDocuments(
    internshipKey: string,
    required: readonly DocumentType[] = DOCUMENTS_REQUIRED_BEFORE_START,
  ): Promise<RequiredDocumentsStatus> {
    const documents = await this.documents(internshipKey);
    const have = new Set(documents.flatMap((d) => (d.documentType ? [d.documentType] : [])));
    return {
      present: required.filter((t) => have.has(t.key)).map((t) => t.key),
      missing: required.filter((t) => !have.has(t.key)).map((t) => t.key),
      documents,
    };
  }
}
