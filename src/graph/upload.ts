import type { Graph } from './client';
import { GraphNetworkError, GraphRequestError } from './errors';

/** Upload session fragments must be multiples of 320 KiB (Graph "Upload large files with an upload session"). */
export const FRAGMENT_UNIT = 320 * 1024;
/** 12 × 320 KiB = 3.75 MiB: under the 4 MiB request limit some proxies enforce, few round trips. */
export const DEFAULT_CHUNK = 12 * FRAGMENT_UNIT;
/** Below this, one `PUT …/content` (Graph's simple upload supports up to 250 MB, but a retry resends it all). */
export const SIMPLE_UPLOAD_MAX = 4 * 1024 * 1024;
/** Chunk PUTs are idempotent by range; 500/502 from the upload host are transient too. */
const CHUNK_RETRY_STATUSES = [429, 500, 502, 503, 504];

export interface UploadProgress {
  uploaded: number;
  total: number;
}

export interface UploadOptions {
  onProgress?: (p: UploadProgress) => void;
  /** Required for streams: Content-Range needs the total up front. */
  size?: number;
  chunkSize?: number;
  conflictBehavior?: 'replace' | 'fail' | 'rename';
  /** How many times a failed session is resumed from `nextExpectedRanges` before giving up. */
  maxResumes?: number;
  simpleUploadMax?: number;
  /** Called with the session URL once created: a caller may persist it to resume after a restart. */
  onSession?: (uploadUrl: string) => void;
}

interface UploadSession {
  uploadUrl: string;
  expirationDateTime?: string;
  nextExpectedRanges?: string[];
}

export interface UploadedItem {
  id: string;
  name?: string;
  size?: number;
  eTag?: string;
  [k: string]: unknown;
}

type Source = Uint8Array | AsyncIterable<Uint8Array>;

/** Reads a stream in fixed-size chunks; can re-serve the bytes of the chunk it holds (for a resume inside it). */
class ChunkReader {
  private buffered = new Uint8Array(0);
  private bufferedStart = 0;
  private iterator: AsyncIterator<Uint8Array> | undefined;
  private pendingBytes: Uint8Array[] = [];
  private pendingLength = 0;
  private done = false;

  constructor(private readonly source: Source) {}

  /** Bytes [start, end). `start` may not go back before the chunk last returned. */
  async read(start: number, end: number): Promise<Uint8Array> {
    if (this.source instanceof Uint8Array) return this.source.subarray(start, end);
    if (start < this.bufferedStart)
      throw new Error(`cannot rewind a stream to ${start} (holding from ${this.bufferedStart})`);
    this.iterator ??= this.source[Symbol.asyncIterator]();
    const bufferedEnd = this.bufferedStart + this.buffered.length;
    while (bufferedEnd + this.pendingLength < end && !this.done) {
      const next = await this.iterator.next();
      if (next.done) this.done = true;
      else {
        this.pendingBytes.push(next.value);
        this.pendingLength += next.value.length;
      }
    }
    const all = new Uint8Array(this.buffered.length + this.pendingLength);
    all.set(this.buffered, 0);
    let o = this.buffered.length;
    for (const p of this.pendingBytes) {
      all.set(p, o);
      o += p.length;
    }
    this.pendingBytes = [];
    this.pendingLength = 0;
    // Keep only from `start` on: memory stays at about one chunk.
    this.buffered = all.subarray(start - this.bufferedStart);
    this.bufferedStart = start;
    return this.buffered.subarray(0, end - start);
  }
}

const firstExpected = (ranges: string[] | undefined): number | undefined => {
  const m = /^(\d+)-/.exec(ranges?.[0] ?? '');
  return m ? Number(m[1]) : undefined;
};

/**
 * Uploads to a drive item path (`/drives/{id}/root:/folder/file.pdf:` or `/sites/{id}/drive/items/{parent}:/file:`).
 * Small files: one PUT of the content. Larger: an upload session in 320 KiB-multiple chunks; each chunk retries
 * 429/5xx (the SDK's LargeFileUploadTask does not), and after a failure the session is asked for
 * `nextExpectedRanges` and resumed from there, so a fault mid-way costs one chunk, not the file.
 */
export async function uploadLarge(
  graph: Graph,
  driveItemPath: string,
  data: Source,
  opts: UploadOptions = {},
): Promise<UploadedItem> {
  const total = data instanceof Uint8Array ? data.length : opts.size;
  if (total === undefined) throw new RangeError('uploadLarge: size is required for a stream');
  const chunkSize = opts.chunkSize ?? DEFAULT_CHUNK;
  if (chunkSize <= 0 || chunkSize % FRAGMENT_UNIT !== 0)
    throw new RangeError(`chunk size must be a positive multiple of ${FRAGMENT_UNIT}`);
  const itemPath = driveItemPath.replace(/:?\/*$/, ':');
  const reader = new ChunkReader(data);
  const conflictBehavior = opts.conflictBehavior ?? 'replace';

  if (total <= (opts.simpleUploadMax ?? SIMPLE_UPLOAD_MAX)) {
    const bytes = await reader.read(0, total);
    const item = await graph.put<UploadedItem>(
      `${itemPath}/content?@microsoft.graph.conflictBehavior=${conflictBehavior}`,
      bytes,
      { headers: { 'Content-Type': 'application/octet-stream' } },
    );
    opts.onProgress?.({ uploaded: total, total });
    return item;
  }

  const session = await graph.post<UploadSession>(`${itemPath}/createUploadSession`, {
    item: { '@microsoft.graph.conflictBehavior': conflictBehavior },
  });
  const uploadUrl = session.uploadUrl;
  opts.onSession?.(uploadUrl);
  let offset = 0;
  let resumes = 0;
  for (;;) {
    const end = Math.min(offset + chunkSize, total);
    const bytes = await reader.read(offset, end);
    try {
      const res = await graph.send<UploadSession | UploadedItem>('PUT', uploadUrl, bytes, {
        // The upload URL is pre-authenticated; Graph asks not to send the bearer to it.
        anonymous: true,
        retryStatuses: CHUNK_RETRY_STATUSES,
        headers: {
          'Content-Type': 'application/octet-stream',
          'Content-Range': `bytes ${offset}-${end - 1}/${total}`,
        },
      });
      opts.onProgress?.({ uploaded: end, total });
      if (res.status === 200 || res.status === 201) return res.body as UploadedItem;
      const next = firstExpected((res.body as UploadSession).nextExpectedRanges);
      offset = next ?? end;
    } catch (e) {
      const transient = e instanceof GraphNetworkError || (e instanceof GraphRequestError && e.status >= 500);
      const rangeMismatch = e instanceof GraphRequestError && (e.status === 416 || e.status === 409);
      if ((!transient && !rangeMismatch) || resumes >= (opts.maxResumes ?? 3)) {
        await graph.delete(uploadUrl, { anonymous: true }).catch(() => {});
        throw e;
      }
      resumes += 1;
      // Ask the session where it stands rather than guessing which bytes arrived.
      const status = await graph.get<UploadSession>(uploadUrl, { anonymous: true });
      const next = firstExpected(status.nextExpectedRanges);
      if (next === undefined) throw e;
      offset = next;
    }
  }
}
