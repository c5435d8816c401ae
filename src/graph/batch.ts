import type { Graph, HttpMethod } from './client';
import { errorFor, type GraphRequestError } from './errors';
import {
  defaultRetryPolicy,
  isIdempotent,
  nextDelay,
  parseRetryAfter,
  type RetryPolicy,
} from './retry-policy';

/** Graph JSON batching accepts at most 20 requests per $batch. */
export const BATCH_LIMIT = 20;
const THROTTLED = new Set([429, 503, 504]);

export interface BatchRequest {
  /** Unique within the call; defaults to the index. */
  id?: string;
  method: HttpMethod;
  /** Relative to the version root, e.g. `/sites/{id}/lists/{id}/items`. */
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Ids that must succeed first; they are kept in the same chunk (Graph resolves dependsOn per $batch only). */
  dependsOn?: string[];
  /** POST/PATCH that may be repeated (carries an idempotency key). */
  retrySafe?: boolean;
}

export interface BatchResult<T = unknown> {
  id: string;
  status: number;
  headers: Record<string, string>;
  body: T;
  /** Set for non-2xx, with the same classes as direct calls. */
  error?: GraphRequestError;
}

interface WireResponse {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/**
 * Packs requests into chunks of ≤ 20. Graph accepts a $batch only fully parallel (no dependsOn) or fully sequential
 * (every request but the first depends on another), so each dependsOn-connected group becomes its own sequential
 * chunk (a group larger than 20 cannot be expressed and is refused), and independent requests share parallel
 * chunks. Order within a chunk follows the input.
 */
export function chunkRequests<R extends { id: string; dependsOn?: string[] }>(
  reqs: R[],
  limit = BATCH_LIMIT,
): { requests: R[]; sequential: boolean }[] {
  const index = new Map(reqs.map((r, i) => [r.id, i]));
  const parent = reqs.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  reqs.forEach((r, i) => {
    for (const d of r.dependsOn ?? []) {
      const j = index.get(d);
      if (j === undefined) continue; // satisfied in an earlier round, or unknown: the service will say
      if (j >= i) throw new RangeError(`request ${r.id} depends on ${d}, which comes after it`);
      parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, R[]>();
  reqs.forEach((r, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), r]);
  });
  const chunks: { requests: R[]; sequential: boolean }[] = [];
  for (const g of groups.values()) {
    if (g.length > limit) throw new RangeError(`a dependsOn group of ${g.length} requests exceeds ${limit}`);
    if (g.length > 1) {
      chunks.push({ requests: g, sequential: true });
      continue;
    }
    const room = chunks.find((c) => !c.sequential && c.requests.length < limit);
    if (room) room.requests.push(g[0]!);
    else chunks.push({ requests: [g[0]!], sequential: false });
  }
  return chunks;
}

/** The dependsOn sent for each request of a chunk: declared ones in the chunk; in a sequential chunk, at least the previous. */
function effectiveDeps(chunk: { requests: BatchRequest[]; sequential: boolean }): Map<string, string[]> {
  const ids = new Set(chunk.requests.map((r) => r.id!));
  return new Map(
    chunk.requests.map((r, i) => {
      const declared = (r.dependsOn ?? []).filter((d) => ids.has(d));
      const deps =
        chunk.sequential && i > 0 && declared.length === 0 ? [chunk.requests[i - 1]!.id!] : declared;
      return [r.id!, deps];
    }),
  );
}

const lower = (h: Record<string, string> | undefined): Record<string, string> =>
  Object.fromEntries(Object.entries(h ?? {}).map(([k, v]) => [k.toLowerCase(), v]));

/**
 * Runs requests through `$batch` in chunks of 20 and returns one result per request, in input order. Sub-requests
 * answered 429/503/504 (and their 424 dependents) are sent again in a new batch after the longest Retry-After of
 * the round, if they are idempotent or marked retry-safe, up to the policy's attempts.
 */
export async function batch<T = unknown>(
  graph: Graph,
  requests: BatchRequest[],
  retry: Partial<RetryPolicy> = {},
): Promise<BatchResult<T>[]> {
  const policy = defaultRetryPolicy(retry);
  const withIds = requests.map((r, i) => ({ ...r, id: r.id ?? String(i + 1) }));
  if (new Set(withIds.map((r) => r.id)).size !== withIds.length)
    throw new RangeError('duplicate batch request id');
  const byId = new Map(withIds.map((r) => [r.id, r]));
  const results = new Map<string, BatchResult<T>>();
  const canRetry = (r: BatchRequest) => isIdempotent(r.method) || r.retrySafe === true;

  let pending = withIds;
  for (let round = 1; pending.length > 0; round++) {
    const throttled: string[] = [];
    let longestWait: number | undefined;
    for (const chunk of chunkRequests(pending)) {
      const deps = effectiveDeps(chunk);
      const payload = {
        requests: chunk.requests.map((r) => {
          const headers = { ...(r.headers ?? {}) };
          if (r.body !== undefined && !Object.keys(headers).some((k) => k.toLowerCase() === 'content-type'))
            headers['Content-Type'] = 'application/json';
          const d = deps.get(r.id) ?? [];
          return {
            id: r.id,
            method: r.method,
            url: r.url,
            ...(Object.keys(headers).length ? { headers } : {}),
            ...(r.body !== undefined ? { body: r.body } : {}),
            ...(d.length ? { dependsOn: d } : {}),
          };
        }),
      };
      const res = await graph.post<{ responses?: WireResponse[] }>('/$batch', payload, {
        retrySafe: chunk.requests.every(canRetry),
      });
      const responses = res.responses ?? [];
      const retryNow = new Set<string>();
      const mayRetry = (id: string) => {
        const req = byId.get(id);
        return req !== undefined && canRetry(req) && round < policy.maxAttempts;
      };
      for (const w of responses) if (THROTTLED.has(w.status) && mayRetry(w.id)) retryNow.add(w.id);
      // A 424 dependent failed only because its dependency was throttled: send it again with it (to a fixpoint,
      // as dependents may chain).
      for (let grew = true; grew;) {
        grew = false;
        for (const w of responses)
          if (
            w.status === 424 &&
            !retryNow.has(w.id) &&
            mayRetry(w.id) &&
            (deps.get(w.id) ?? []).some((d) => retryNow.has(d))
          ) {
            retryNow.add(w.id);
            grew = true;
          }
      }
      for (const w of responses) {
        const req = byId.get(w.id);
        if (!req) continue;
        const headers = lower(w.headers);
        if (retryNow.has(w.id)) {
          throttled.push(w.id);
          const ra = parseRetryAfter(headers['retry-after'], policy.now());
          if (ra !== undefined) longestWait = Math.max(longestWait ?? 0, ra);
          continue;
        }
        const result: BatchResult<T> = { id: w.id, status: w.status, headers, body: w.body as T };
        if (w.status >= 400) {
          const e = (w.body ?? {}) as { error?: { code?: string; message?: string } };
          const ra = headers['retry-after'];
          result.error = errorFor({
            status: w.status,
            code: e.error?.code ?? `http${w.status}`,
            message: e.error?.message ?? `${req.method} ${req.url} failed with ${w.status}`,
            method: req.method,
            url: req.url,
            ...(headers['request-id'] ? { requestId: headers['request-id'] } : {}),
            ...(ra && /^\d+$/.test(ra) ? { retryAfter: Number(ra) } : {}),
          });
        }
        results.set(w.id, result);
      }
    }
    pending = withIds.filter((r) => throttled.includes(r.id));
    if (pending.length > 0) {
      const wait = nextDelay(round, longestWait, { ...policy, maxAttempts: Number.POSITIVE_INFINITY });
      await policy.sleep(wait ?? policy.maxRetryAfterMs);
    }
  }
  return withIds.map(
    (r) =>
      results.get(r.id) ?? {
        id: r.id,
        status: 0,
        headers: {},
        body: undefined as T,
        error: errorFor({
          status: 0,
          code: 'missingResponse',
          message: 'no response in $batch',
          method: r.method,
          url: r.url,
        }),
      },
  );
}
