import type { Internship, IsoInstant } from '../../domain/internship';
import { batch } from '../batch';
import { AlreadyExistsError, ConflictError, NotFoundError } from '../errors';
import { internshipFolderName, safeFileName } from '../folders/folder-names';
import { InternshipFolders, LIBRARY } from '../folders/internship-folders';
import { and, buildQuery, drivePath, eq, expandFields, segment, type ODataFilter } from '../odata';
import { LIST_ITEMS_MAX_TOP, pageAll } from '../paging';
import { uploadLarge, type UploadProgress } from '../upload';
import { clip, readInstant, readNumber, readText, type Fields } from './fields';
import type { RepositoryContext, Stored } from './list-repository';
import { RepositoryConflictError, RepositoryWriteError } from './repository-errors';

/**
 * Final works (toolbox B8 "results shared: final work published"), in two places:
 * - the hand-in: a document of type `finalWork` in the internship's own folder of the Stagemap library (shared only
 *   with its mentor, back-up and intern; coordinators through the library), with its `Title` and, once published,
 *   `PublishedAs`: the path of its copy in FinalWorks;
 * - the published copy: a file in the FinalWorks library (readable by all staff, setup-local-site.ts) under a
 *   neutral name `<internship key> - <title>.<ext>` in a folder named by the key, tagged `InternshipKey`, `Title` and
 *   `Published` (indexed, always true: FinalWorks only ever holds published works).
 *
 * A work is published when its mark is set AND its copy is there. Publishing writes the mark first (ETag-guarded)
 * and copies second; unpublishing deletes the copy first and clears the mark second: a copy never exists without
 * a mark, so an interrupted call leaves at worst a mark without a copy, which reads as not published and is repaired
 * by publishing or unpublishing again. The copy is made server-side (download through Graph, upload with the
 * usual helpers): Graph's `POST …/copy` is asynchronous (202 and a monitor URL to poll), which a request cannot
 * wait on well, and the emulator does not offer it.
 *
 * Reads are one `$batch` of two list queries on indexed columns with `$expand=driveItem` (each file's id, webUrl
 * and size in the same request).
 */

export const FINAL_WORKS_LIBRARY = 'FinalWorks';
/** The hand-in's document type in the Stagemap library (src/domain/documents.ts). */
export const FINAL_WORK_TYPE = 'finalWork';

/** A final work as handed in: a file in the internship's folder, and whether (and as what) it is published. */
export interface FinalWork {
  /** The list item id in the Stagemap library: what publishing addresses. */
  id: string;
  internshipKey: string;
  title: string;
  /** File name in the internship's folder (sanitised on upload). */
  name: string;
  /** Its copy is in FinalWorks, for all staff to read. */
  published: boolean;
  /** The mark on the hand-in: the copy's path in FinalWorks, set from the moment publishing starts. */
  publishedAs?: string;
  /** The copy in FinalWorks, when there. */
  copy?: PublishedFinalWork;
  driveItemId?: string;
  size?: number;
  /** Opens the hand-in in SharePoint / Office for the web (in the internship's folder). */
  webUrl?: string;
  uploadedAt?: IsoInstant;
}

/** A published copy in the FinalWorks library: what the intranet overview lists. */
export interface PublishedFinalWork {
  /** The list item id in the FinalWorks library. */
  id: string;
  internshipKey: string;
  title: string;
  name: string;
  driveItemId?: string;
  webUrl?: string;
}

export interface FinalWorkUpload {
  name: string;
  /** Defaults to the title the same file had, else to the file name without its extension. */
  title?: string;
  content: Uint8Array;
  onProgress?: (p: UploadProgress) => void;
}

interface DriveItemFacet {
  id?: string;
  name?: string;
  size?: number;
  webUrl?: string;
  folder?: unknown;
}

interface LibraryItem {
  id: string;
  eTag?: string;
  '@odata.etag'?: string;
  webUrl?: string;
  fields?: Fields;
  driveItem?: DriveItemFacet;
}

const DRIVE_ITEM = 'driveItem($select=id,name,size,webUrl,folder)';
const SOURCE_EXPAND = `${expandFields([
  'Title',
  'InternshipKey',
  'DocumentType',
  'PublishedAs',
  'FileLeafRef',
  'FileSizeDisplay',
  'ContentType',
  'Created',
])},${DRIVE_ITEM}`;
const COPY_EXPAND = `${expandFields(['Title', 'InternshipKey', 'Published', 'FileLeafRef', 'ContentType'])},${DRIVE_ITEM}`;

/**
 * The FinalWorks folder of an internship's copies: named by the internship key alone. The library is open to all
 * staff, and a folder named after the intern would tell them who interns here.
 */
export const finalWorkFolderName = (internshipKey: string): string => internshipFolderName('', internshipKey);

const stem = (name: string): string =>
  name.lastIndexOf('.') > 0 ? name.slice(0, name.lastIndexOf('.')) : name;
const extension = (name: string): string =>
  name.lastIndexOf('.') > 0 ? name.slice(name.lastIndexOf('.')) : '';
const isFolder = (item: LibraryItem): boolean =>
  String(item.fields?.ContentType ?? '') === 'Folder' || item.driveItem?.folder !== undefined;
/** SharePoint compares names case-insensitively. */
const samePath = (a: string | undefined, b: string | undefined): boolean =>
  a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
/** Room for the key, the separator and a disambiguating id within safeFileName's 120 characters. */
const MAX_TITLE_IN_NAME = 60;

export class FinalWorksRepository {
  private drive: Promise<string> | undefined;
  /** Folders known to exist in FinalWorks: the app never deletes them, so one check per process is enough. */
  private readonly folders = new Set<string>();
  private readonly internshipFolders: InternshipFolders;

  constructor(
    private readonly ctx: RepositoryContext,
    internshipFolders?: InternshipFolders,
  ) {
    this.internshipFolders = internshipFolders ?? new InternshipFolders(ctx);
  }

  private listPath(library: string): string {
    return `/sites/${segment(this.ctx.siteId)}/lists/${segment(library)}`;
  }

  private sourceItemUrl(id: string): string {
    return `${this.listPath(LIBRARY)}/items/${segment(id)}${buildQuery({ expand: SOURCE_EXPAND })}`;
  }

  private sourcesUrl(filter: ODataFilter): string {
    return `${this.listPath(LIBRARY)}/items${buildQuery({ filter, expand: SOURCE_EXPAND, top: LIST_ITEMS_MAX_TOP })}`;
  }

  private copiesUrl(filter?: ODataFilter): string {
    return `${this.listPath(FINAL_WORKS_LIBRARY)}/items${buildQuery({
      ...(filter ? { filter } : {}),
      expand: COPY_EXPAND,
      top: LIST_ITEMS_MAX_TOP,
    })}`;
  }

  /** The FinalWorks library's drive id (one request per process). */
  driveId(): Promise<string> {
    if (!this.drive) {
      const p = this.ctx.graph
        .get<{ id: string }>(`${this.listPath(FINAL_WORKS_LIBRARY)}/drive?$select=id`)
        .then((d) => d.id);
      p.catch(() => (this.drive = undefined));
      this.drive = p;
    }
    return this.drive;
  }

  private toCopy(item: LibraryItem): PublishedFinalWork | undefined {
    const f = item.fields ?? {};
    if (isFolder(item)) return undefined;
    const name = readText(f, 'FileLeafRef') ?? item.driveItem?.name ?? '';
    const c: PublishedFinalWork = {
      id: item.id,
      internshipKey: readText(f, 'InternshipKey') ?? '',
      title: readText(f, 'Title') ?? stem(name),
      name,
    };
    if (item.driveItem?.id) c.driveItemId = item.driveItem.id;
    const webUrl = item.driveItem?.webUrl ?? item.webUrl;
    if (webUrl) c.webUrl = webUrl;
    return c;
  }

  /** The hand-in, joined with the copies of its internship (by the path its mark names). */
  private toWork(item: LibraryItem, copies: readonly PublishedFinalWork[]): Stored<FinalWork> | undefined {
    const f = item.fields ?? {};
    if (isFolder(item) || readText(f, 'DocumentType') !== FINAL_WORK_TYPE) return undefined;
    const name = readText(f, 'FileLeafRef') ?? item.driveItem?.name ?? '';
    const internshipKey = readText(f, 'InternshipKey') ?? '';
    const publishedAs = readText(f, 'PublishedAs');
    const copy = publishedAs
      ? copies.find((c) => samePath(`${finalWorkFolderName(c.internshipKey)}/${c.name}`, publishedAs))
      : undefined;
    const w: Stored<FinalWork> = {
      id: item.id,
      internshipKey,
      title: readText(f, 'Title') ?? stem(name),
      name,
      published: copy !== undefined,
      etag: item.eTag ?? item['@odata.etag'] ?? String(f['@odata.etag'] ?? ''),
    };
    if (publishedAs) w.publishedAs = publishedAs;
    if (copy) w.copy = copy;
    const size = item.driveItem?.size ?? readNumber(f, 'FileSizeDisplay');
    if (size !== undefined) w.size = size;
    const webUrl = item.driveItem?.webUrl ?? item.webUrl;
    if (webUrl) w.webUrl = webUrl;
    if (item.driveItem?.id) w.driveItemId = item.driveItem.id;
    const created = readInstant(f, 'Created');
    if (created) w.uploadedAt = created;
    return w;
  }

  /** The final works of one internship, with their copies: one `$batch` of two indexed list queries. */
  async byInternship(internshipKey: string): Promise<Stored<FinalWork>[]> {
    const key = eq('fields/InternshipKey', internshipKey);
    const [sources, copies] = await batch<{ value?: LibraryItem[] }>(
      this.ctx.graph,
      [
        { method: 'GET', url: this.sourcesUrl(and(key, eq('fields/DocumentType', FINAL_WORK_TYPE))) },
        { method: 'GET', url: this.copiesUrl(key) },
      ],
      this.ctx.retry,
    );
    for (const r of [sources, copies]) if (r?.error) throw r.error;
    const published = (copies?.body.value ?? []).flatMap((i) => this.toCopy(i) ?? []);
    return (sources?.body.value ?? []).flatMap((i) => this.toWork(i, published) ?? []);
  }

  /** Every final work handed in (a few per year: indexed DocumentType), with their copies. */
  async all(): Promise<Stored<FinalWork>[]> {
    const [sources, copies] = await Promise.all([
      pageAll<LibraryItem>(this.ctx.graph, this.sourcesUrl(eq('fields/DocumentType', FINAL_WORK_TYPE))),
      this.copies(),
    ]);
    return sources.flatMap((i) => this.toWork(i, copies) ?? []);
  }

  /** One hand-in by its Stagemap list item id; undefined when absent or not a final work. */
  async getById(id: string): Promise<Stored<FinalWork> | undefined> {
    let item: LibraryItem;
    try {
      item = await this.ctx.graph.get<LibraryItem>(this.sourceItemUrl(id));
    } catch (e) {
      if (e instanceof NotFoundError) return undefined;
      throw e;
    }
    const key = readText(item.fields ?? {}, 'InternshipKey');
    return this.toWork(item, key ? await this.copies(eq('fields/InternshipKey', key)) : []);
  }

  private async copies(filter?: ODataFilter): Promise<PublishedFinalWork[]> {
    const items = await pageAll<LibraryItem>(this.ctx.graph, this.copiesUrl(filter));
    return items.flatMap((i) => this.toCopy(i) ?? []);
  }

  /**
   * The published copies (indexed Published), for the intranet overview. SharePoint compares Yes/No columns as 0/1:
   * `eq true` is known to answer the opposite set (SharePoint/sp-dev-docs#4750, #5594), `eq 1` is what works.
   */
  published(): Promise<PublishedFinalWork[]> {
    return this.copies(eq('fields/Published', 1));
  }

  /**
   * Hands in a final work: a `finalWork` document in the internship's folder (the folder's own upload, an upload
   * session above a few MB), never in FinalWorks. The same name again replaces the file (a retried upload leaves
   * one file; SharePoint keeps the old version) and, when it was published, withdraws the copy first: new content
   * is checked by a coordinator again before it reaches all staff.
   */
  async upload(i: Pick<Internship, 'key' | 'intern'>, input: FinalWorkUpload): Promise<Stored<FinalWork>> {
    const name = safeFileName(input.name);
    const before = (await this.byInternship(i.key)).find((w) => samePath(w.name, name));
    if (before?.publishedAs) await this.deleteCopy(before.publishedAs);
    const title = clip(input.title?.trim() || before?.title || stem(name));
    const doc = await this.internshipFolders.upload(i, {
      name,
      content: input.content,
      documentType: FINAL_WORK_TYPE,
      confidential: false,
      fields: { Title: title, PublishedAs: null },
      ...(input.onProgress ? { onProgress: input.onProgress } : {}),
    });
    const stored = (await this.byInternship(i.key)).find((w) => w.driveItemId === doc.id);
    if (!stored) throw new RepositoryWriteError(LIBRARY, i.key, new Error(`uploaded ${name} not found`));
    return stored;
  }

  /**
   * Where a work's copy goes: `<key>/<key> - <title>.<ext>`, deterministic so that publishing again replaces the
   * same file. Another work of the same internship already published under that name (same title and extension)
   * gets its own id in the name instead of being overwritten.
   */
  copyPath(work: FinalWork, siblings: readonly FinalWork[] = []): string {
    const folder = finalWorkFolderName(work.internshipKey);
    const title = Array.from(work.title).slice(0, MAX_TITLE_IN_NAME).join('');
    const path = (suffix: string) =>
      `${folder}/${safeFileName(`${work.internshipKey} - ${title}${suffix}${extension(work.name)}`)}`;
    const plain = path('');
    return siblings.some((s) => s.id !== work.id && samePath(s.publishedAs, plain))
      ? path(` (${work.id})`)
      : plain;
  }

  /**
   * Publishes a hand-in, guarded by the ETag the caller read: marks it (412 → RepositoryConflictError with the
   * current version, unless that version already carries the same mark: a replay or a twin request), then copies
   * its content into FinalWorks, replacing what a previous attempt left there, tagged Published.
   */
  async publish(work: Stored<FinalWork>, siblings: readonly FinalWork[] = []): Promise<Stored<FinalWork>> {
    const path = work.publishedAs ?? this.copyPath(work, siblings);
    let etag: string;
    try {
      const set = await this.ctx.graph.patch<Fields>(
        `${this.listPath(LIBRARY)}/items/${segment(work.id)}/fields`,
        { PublishedAs: path },
        { ifMatch: work.etag, retrySafe: true, fetchCurrentOnConflict: this.sourceItemUrl(work.id) },
      );
      etag = String(set?.['@odata.etag'] ?? '');
    } catch (e) {
      const now = await this.onConflict(work, e);
      if (!samePath(now?.publishedAs, path))
        throw new RepositoryConflictError<FinalWork>(LIBRARY, work.internshipKey, now, e);
      etag = now!.etag;
    }
    const copy = await this.writeCopy(work, path);
    return { ...work, publishedAs: path, published: true, copy, etag };
  }

  /**
   * Unpublishes: deletes the copy (already gone is fine), then clears the mark with the caller's ETag. The route
   * compares the ETag before calling, so a stale request changes nothing; a write racing in between still gets
   * the conflict, with the copy already gone (the safe side for the intern).
   */
  async unpublish(work: Stored<FinalWork>): Promise<Stored<FinalWork>> {
    if (work.publishedAs) await this.deleteCopy(work.publishedAs);
    let etag: string;
    try {
      const set = await this.ctx.graph.patch<Fields>(
        `${this.listPath(LIBRARY)}/items/${segment(work.id)}/fields`,
        { PublishedAs: null },
        { ifMatch: work.etag, retrySafe: true, fetchCurrentOnConflict: this.sourceItemUrl(work.id) },
      );
      etag = String(set?.['@odata.etag'] ?? '');
    } catch (e) {
      const now = await this.onConflict(work, e);
      if (!now || now.publishedAs)
        throw new RepositoryConflictError<FinalWork>(LIBRARY, work.internshipKey, now, e);
      etag = now.etag;
    }
    const { publishedAs: _mark, copy: _copy, ...rest } = work;
    return { ...rest, published: false, etag };
  }

  /**
   * Withdraws every copy of an internship from FinalWorks and clears the marks (the intern withdrew consent).
   * Copies go first, whoever's mark names them; a mark is then cleared on the version just read.
   */
  async unpublishAll(internshipKey: string): Promise<number> {
    const copies = await this.copies(eq('fields/InternshipKey', internshipKey));
    const drive = copies.length > 0 ? await this.driveId() : '';
    for (const c of copies) {
      if (!c.driveItemId) continue;
      try {
        await this.ctx.graph.delete(`/drives/${segment(drive)}/items/${segment(c.driveItemId)}`);
      } catch (e) {
        if (!(e instanceof NotFoundError)) throw e;
      }
    }
    for (const w of await this.byInternship(internshipKey)) {
      if (!w.publishedAs) continue;
      try {
        await this.unpublish(w);
      } catch (e) {
        // Changed meanwhile: once more on the version now stored (its copy is gone already).
        if (!(e instanceof RepositoryConflictError) || !e.current) throw e;
        await this.unpublish(e.current as Stored<FinalWork>);
      }
    }
    return copies.length;
  }

  /** The version now stored after a 412 (or rethrows what is not a conflict). */
  private async onConflict(work: FinalWork, e: unknown): Promise<Stored<FinalWork> | undefined> {
    if (!(e instanceof ConflictError)) throw new RepositoryWriteError(LIBRARY, work.internshipKey, e);
    const key = work.internshipKey;
    if (e.current)
      return this.toWork(e.current as LibraryItem, await this.copies(eq('fields/InternshipKey', key)));
    return this.getById(work.id);
  }

  /** Downloads the hand-in through Graph (a 302 to a pre-authenticated URL) and uploads it as the copy. */
  private async writeCopy(work: FinalWork, path: string): Promise<PublishedFinalWork> {
    if (!work.driveItemId)
      throw new RepositoryWriteError(LIBRARY, work.internshipKey, new Error('no driveItem'));
    const source = await this.internshipFolders.driveId(LIBRARY);
    const body = await this.ctx.graph.get<Uint8Array | undefined>(
      `/drives/${segment(source)}/items/${segment(work.driveItemId)}/content`,
    );
    const content = body instanceof Uint8Array ? body : new Uint8Array(0);
    const drive = await this.driveId();
    await this.ensureFolder(drive, path.slice(0, path.indexOf('/')));
    const item = await uploadLarge(
      this.ctx.graph,
      `/drives/${segment(drive)}/root:/${drivePath(path)}:`,
      content,
      {
        conflictBehavior: 'replace',
      },
    );
    const facet = `/drives/${segment(drive)}/items/${segment(item.id)}/listItem`;
    let fields: Fields;
    try {
      // The copy is ours alone: the same values may be replayed.
      fields = await this.ctx.graph.patch<Fields>(
        `${facet}/fields`,
        { Title: work.title, InternshipKey: work.internshipKey, Published: true },
        { retrySafe: true },
      );
    } catch (e) {
      throw new RepositoryWriteError(FINAL_WORKS_LIBRARY, work.internshipKey, e);
    }
    const id = readText(fields, 'id') ?? (await this.ctx.graph.get<{ id: string }>(facet)).id;
    const copy: PublishedFinalWork = {
      id,
      internshipKey: work.internshipKey,
      title: work.title,
      name: item.name ?? path.slice(path.indexOf('/') + 1),
      driveItemId: item.id,
    };
    if (typeof item.webUrl === 'string') copy.webUrl = item.webUrl;
    return copy;
  }

  /** Deletes a copy by its path; already gone is what we wanted. */
  private async deleteCopy(path: string): Promise<void> {
    const drive = await this.driveId();
    try {
      await this.ctx.graph.delete(`/drives/${segment(drive)}/root:/${drivePath(path)}`);
    } catch (e) {
      if (!(e instanceof NotFoundError)) throw e;
    }
  }

  /** Creates a FinalWorks folder if missing; a replayed or racing create answers 409 and the folder is there. */
  private async ensureFolder(driveId: string, name: string): Promise<void> {
    if (this.folders.has(name)) return;
    try {
      await this.ctx.graph.post(
        `/drives/${segment(driveId)}/root/children`,
        { name, folder: {}, '@microsoft.graph.conflictBehavior': 'fail' },
        { retrySafe: true },
      );
    } catch (e) {
      if (!(e instanceof AlreadyExistsError)) throw e;
    }
    this.folders.add(name);
  }
}

/**
 * Whether a hand-in must change to be `published`: a work already so is left alone (a replay, or two coordinators
 * at once); a mark without its copy (an interrupted call) is repaired either way.
 */
export const needsChange = (w: FinalWork, published: boolean): boolean =>
  published ? !w.published : w.publishedAs !== undefined;
