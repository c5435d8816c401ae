import { randomUUID } from 'node:crypto';
import { formatRequestLine } from '../admin/request-log';
import type { EmulatorContext } from '../context';
import { errorResponse, GraphError } from '../http/errors';
import type { EmuRequest, EmuResponse } from '../http/types';

/** Graph refuses batches of more than 20 requests ("JSON batching", batch size limitations). */
export const MAX_BATCH_REQUESTS = 20;

interface BatchItem {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  dependsOn: string[];
}

interface BatchResponseItem {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

const bad = (message: string) => new GraphError(400, 'BadRequest', message);
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH']);

function parseBatch(req: EmuRequest): BatchItem[] {
  let payload: unknown;
  try {
    payload = JSON.parse(req.body.toString('utf8'));
  } catch {
    throw bad(
      'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
    );
  }
  const requests = (payload as { requests?: unknown } | null)?.requests;
  if (!Array.isArray(requests)) throw bad('Invalid batch payload format.');
  if (requests.length === 0) throw bad('Invalid batch payload format: the batch contains no requests.');
  if (requests.length > MAX_BATCH_REQUESTS)
    throw bad(`Number of batch requests exceeds the maximum of ${MAX_BATCH_REQUESTS}.`);
  const seen = new Set<string>();
  const items: BatchItem[] = [];
  for (const raw of requests as unknown[]) {
    const r = (raw ?? {}) as Record<string, unknown>;
    const id = typeof r.id === 'number' ? String(r.id) : r.id;
    if (typeof id !== 'string' || id === '')
      throw bad('Invalid batch payload format: every request needs an id.');
    // Ids are compared without case, as the service does.
    if (seen.has(id.toLowerCase())) throw bad(`Request Id ${id} has to be unique in a batch.`);
    if (typeof r.method !== 'string' || r.method === '')
      throw bad(`Request id : ${id} does not contain a method.`);
    if (typeof r.url !== 'string' || r.url === '') throw bad(`Request id : ${id} does not contain a url.`);
    const headers: Record<string, string> = {};
    if (r.headers !== undefined) {
      if (!r.headers || typeof r.headers !== 'object' || Array.isArray(r.headers))
        throw bad(`Invalid headers for request id : ${id}.`);
      for (const [k, v] of Object.entries(r.headers as Record<string, unknown>))
        headers[k.toLowerCase()] = String(v);
    }
    const method = r.method.toUpperCase();
    if (WRITE_METHODS.has(method) && (r.body === undefined || !headers['content-type']))
      throw bad(`Write request id : ${id} does not contain Content-Type header or body.`);
    if (r.body !== undefined && !headers['content-type'])
      throw bad(`Write request id : ${id} does not contain Content-Type header or body.`);
    let dependsOn: string[] = [];
    if (r.dependsOn !== undefined) {
      if (!Array.isArray(r.dependsOn) || !r.dependsOn.every((d) => typeof d === 'string'))
        throw bad(`Invalid dependsOn for request Id ${id}.`);
      dependsOn = r.dependsOn as string[];
      // A dependency must be an earlier request of the same batch (no forward references, no cycles).
      for (const d of dependsOn)
        if (!seen.has(d.toLowerCase())) throw bad(`Invalid dependency for request Id ${id}: '${d}'.`);
    }
    seen.add(id.toLowerCase());
    items.push({ id, method, url: r.url, headers, body: r.body, dependsOn });
  }
  // The service accepts only fully parallel batches (no dependsOn) or fully sequential ones (every request but
  // the first depends on another), and answers 400 otherwise.
  const withDeps = items.filter((i) => i.dependsOn.length > 0).length;
  if (withDeps > 0 && withDeps !== items.length - 1)
    throw bad('Batch should be either fully sequential or fully parallel.');
  return items;
}

function subRequest(outer: EmuRequest, item: BatchItem): EmuRequest {
  if (/^[a-z][a-z0-9+.-]*:/i.test(item.url)) throw bad(`Request id : ${item.id} must use a relative URL.`);
  const versionPath = new URL(outer.graphBase).pathname;
  const url = new URL(item.url.replace(/^\/+/, ''), `${outer.graphBase}/`);
  let path: string;
  try {
    path = decodeURIComponent(url.pathname).slice(versionPath.length) || '/';
  } catch {
    throw bad(`Request id : ${item.id} has an invalid url.`);
  }
  if (/^\/\$batch\/?$/i.test(path)) throw bad('Nested batch requests are not supported.');
  let body: Buffer;
  if (item.body === undefined) body = Buffer.alloc(0);
  else if ((item.headers['content-type'] ?? '').includes('json'))
    body = Buffer.from(typeof item.body === 'string' ? item.body : JSON.stringify(item.body));
  // A non-JSON body (an image, a file) travels base64-encoded in the batch, as the service expects.
  else if (typeof item.body === 'string') body = Buffer.from(item.body, 'base64');
  else body = Buffer.from(JSON.stringify(item.body));
  return {
    method: item.method,
    path,
    query: url.searchParams,
    headers: {
      ...item.headers,
      'client-request-id':
        item.headers['client-request-id'] ?? outer.headers['client-request-id'] ?? outer.requestId,
    },
    body,
    principal: outer.principal,
    graphBase: outer.graphBase,
    requestId: randomUUID(),
    batchId: item.id,
  };
}

/** One response of the batch: JSON bodies inline, binary ones base64-encoded as the service does. */
function toBatchResponse(id: string, r: EmuResponse): BatchResponseItem {
  const headers: Record<string, string> = { 'Cache-Control': 'no-cache', ...r.headers };
  const contentTypeKey = Object.keys(headers).find((k) => k.toLowerCase() === 'content-type');
  const out: BatchResponseItem = { id, status: r.status, headers };
  if (r.body === undefined) return out;
  if (Buffer.isBuffer(r.body)) {
    const ct = contentTypeKey ? headers[contentTypeKey]! : 'application/octet-stream';
    if (ct.includes('json')) {
      try {
        out.body = JSON.parse(r.body.toString('utf8'));
        return out;
      } catch {
        /* not JSON after all: send as base64 */
      }
    }
    if (!contentTypeKey) headers['Content-Type'] = ct;
    out.body = r.body.toString('base64');
    return out;
  }
  if (!contentTypeKey)
    headers['Content-Type'] =
      'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
  out.body = r.body;
  return out;
}

/**
 * POST /$batch: JSON batching. Each sub-request goes through ctx.dispatchGraph with the caller's principal, so it
 * is throttled, faulted and logged on its own; the envelope answers 200 whatever the sub-requests did.
 */
export function batchModule(ctx: EmulatorContext): void {
  ctx.graph.post('/$batch', async (req) => {
    const items = parseBatch(req);
    const responses: BatchResponseItem[] = [];
    const done = new Map<string, Promise<number>>();

    const run = async (item: BatchItem): Promise<number> => {
      const statuses = await Promise.all(item.dependsOn.map((d) => done.get(d.toLowerCase())!));
      const started = performance.now();
      let sub: EmuRequest | undefined;
      let res: EmuResponse;
      if (statuses.some((s) => s >= 400)) {
        res = errorResponse(
          new GraphError(
            424,
            'FailedDependency',
            'The request could not be completed because a request it depends on failed.',
          ),
          randomUUID(),
        );
      } else {
        try {
          sub = subRequest(req, item);
          res = await ctx.dispatchGraph(sub);
          if (res.reset) throw new Error('a sub-request cannot drop the connection');
        } catch (e) {
          const err =
            e instanceof GraphError
              ? e
              : new GraphError(500, 'generalException', 'An unexpected error occurred.');
          if (!(e instanceof GraphError)) console.error(`[emulator] $batch request ${item.id} failed:`, e);
          res = errorResponse(err, sub?.requestId ?? randomUUID(), sub?.headers['client-request-id']);
        }
      }
      // Responses are listed in completion order: clients must correlate by id, as the service requires.
      responses.push(toBatchResponse(item.id, res));
      if (ctx.config.log)
        console.log(
          formatRequestLine({
            time: new Date(),
            method: item.method,
            path: item.url,
            status: res.status,
            ms: performance.now() - started,
            requestId: sub?.requestId ?? '-',
            batchId: item.id,
          }),
        );
      return res.status;
    };

    for (const item of items) done.set(item.id.toLowerCase(), run(item));
    await Promise.all(done.values());
    return { status: 200, headers: { 'content-type': 'application/json' }, body: { responses } };
  });
}
