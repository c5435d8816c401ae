import { Client, HTTPMessageHandler, ResponseType, type Context } from '@microsoft/microsoft-graph-client';
import { randomUUID } from 'node:crypto';
import { ConflictError, errorFor, type GraphErrorInit } from './errors';
import {
  AuthMiddleware,
  controlFor,
  IdentityMiddleware,
  RequestMeta,
  RetryMiddleware,
  silentLogger,
  TelemetryMiddleware,
  type GraphLogger,
  type RequestEvent,
  type RequestMetaInit,
} from './middleware';
import { defaultRetryPolicy, type RetryPolicy } from './retry-policy';
import type { TokenProvider } from './token-provider';

/** Bumped with releases; part of the ISV User-Agent SharePoint uses to attribute our traffic. */
export const STAGEMAP_VERSION = '0.1.0';
export const userAgent = (version = STAGEMAP_VERSION): string => `ISV|Stagemap|Stagemap/${version}`;

export interface GraphConfig {
  /** Graph root including the version: `https://graph.microsoft.com/v1.0` or `{emulatorUrl}/v1.0`. */
  baseUrl: string;
  tokenProvider: TokenProvider;
  logger?: GraphLogger;
  retry?: Partial<RetryPolicy>;
  /** Called once per request on the wire (each attempt), for counters and benchmarks. */
  onRequest?: (e: RequestEvent) => void;
  version?: string;
}

export interface RequestOptions extends RequestMetaInit {
  headers?: Record<string, string>;
  /** Sent as If-Match: the write fails with ConflictError (412) when the item changed meanwhile. */
  ifMatch?: string;
  /** On 412, GET this path (default: the same path) and attach the result to ConflictError.current. */
  fetchCurrentOnConflict?: boolean | string;
}

export interface GraphResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface Graph {
  readonly baseUrl: string;
  get<T = unknown>(path: string, opts?: RequestOptions): Promise<T>;
  post<T = unknown>(path: string, body: unknown, opts?: RequestOptions): Promise<T>;
  patch<T = unknown>(path: string, body: unknown, opts?: RequestOptions): Promise<T>;
  put<T = unknown>(path: string, body: unknown, opts?: RequestOptions): Promise<T>;
  delete(path: string, opts?: RequestOptions): Promise<void>;
  /** Any method; returns status and headers too. Throws the typed errors for non-2xx like the others. */
  send<T = unknown>(
    method: HttpMethod,
    path: string,
    body?: unknown,
    opts?: RequestOptions,
  ): Promise<GraphResponse<T>>;
}

/**
 * Node's Buffer, without copying. The SDK serialises a Uint8Array with `Buffer.from(view.buffer)`, i.e. the WHOLE
 * underlying ArrayBuffer, which would send the neighbours of a subarray (an upload chunk) too.
 */
const asBuffer = (b: Uint8Array): Buffer =>
  Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);

async function readBody(res: Response): Promise<unknown> {
  if (res.status === 204 || res.status === 205) {
    await res.body?.cancel().catch(() => {});
    return undefined;
  }
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    const text = await res.text();
    return text ? (JSON.parse(text) as unknown) : undefined;
  }
  const bytes = new Uint8Array(await res.arrayBuffer());
  return bytes.length === 0 ? undefined : bytes;
}

interface GraphErrorBody {
  error?: { code?: string; message?: string; innerError?: Record<string, unknown> };
}

export function createGraph(cfg: GraphConfig): Graph {
  const baseUrl = cfg.baseUrl.replace(/\/+$/, '');
  const logger = cfg.logger ?? silentLogger;
  const policy = defaultRetryPolicy(cfg.retry);
  const parsed = new URL(baseUrl);
  const versionSeg = parsed.pathname.split('/').filter(Boolean);
  const version = versionSeg.pop() ?? 'v1.0';
  const host = `${parsed.origin}${versionSeg.length ? `/${versionSeg.join('/')}` : ''}`;

  const chain = [
    new IdentityMiddleware(userAgent(cfg.version), randomUUID),
    new RetryMiddleware(policy, logger),
    new AuthMiddleware(cfg.tokenProvider, `${baseUrl}/`),
    new TelemetryMiddleware(logger, cfg.onRequest),
  ];
  const http = new HTTPMessageHandler();
  chain.forEach((m, i) => m.setNext(chain[i + 1] ?? http));
  const first = chain[0]!;
  // The SDK client is used for every Graph-relative path: URL building, serialisation, our middleware options.
  const client = Client.initWithMiddleware({ baseUrl: host, defaultVersion: version, middleware: first });

  const isAbsolute = (p: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(p);
  /** A nextLink or deltaLink under our base becomes relative again; others stay absolute. */
  const relativise = (p: string) => (p.startsWith(`${baseUrl}/`) ? p.slice(baseUrl.length) : p);

  async function wire(
    method: HttpMethod,
    path: string,
    body: unknown,
    opts: RequestOptions,
  ): Promise<Response> {
    const meta = new RequestMeta(opts);
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.ifMatch) headers['If-Match'] = opts.ifMatch;
    const isBytes = body instanceof Uint8Array;
    if (
      body !== undefined &&
      !isBytes &&
      !Object.keys(headers).some((k) => k.toLowerCase() === 'content-type')
    )
      headers['Content-Type'] = 'application/json';
    const payload = body === undefined ? undefined : isBytes ? asBuffer(body) : JSON.stringify(body);
    const target = relativise(path);

    if (isAbsolute(target)) {
      // The SDK only parses absolute https URLs; upload sessions (and the emulator) may be plain http elsewhere,
      // so absolute URLs go straight through our chain with the same middlewares.
      const ctx: Context = {
        request: target,
        options: { method, headers, ...(payload === undefined ? {} : { body: payload as BodyInit }) },
        middlewareControl: controlFor(meta),
      };
      if (opts.signal) ctx.options!.signal = opts.signal;
      await first.execute(ctx);
      if (!ctx.response) throw new Error(`no response for ${method} ${target}`);
      return ctx.response;
    }
    let req = client.api(target).responseType(ResponseType.RAW).middlewareOptions([meta]).headers(headers);
    if (opts.signal) req = req.option('signal', opts.signal);
    switch (method) {
      case 'GET':
        return (await req.get()) as Response;
      case 'POST':
        return (await req.post(payload)) as Response;
      case 'PATCH':
        return (await req.patch(payload)) as Response;
      case 'PUT':
        return (await req.put(payload)) as Response;
      case 'DELETE':
        return (await req.delete()) as Response;
    }
  }

  async function send<T>(
    method: HttpMethod,
    path: string,
    body?: unknown,
    opts: RequestOptions = {},
  ): Promise<GraphResponse<T>> {
    const res = await wire(method, path, body, opts);
    const parsedBody = await readBody(res);
    if (res.ok) return { status: res.status, headers: res.headers, body: parsedBody as T };

    const errBody = (parsedBody ?? {}) as GraphErrorBody;
    const retryAfter = res.headers.get('retry-after');
    const retrySeconds = retryAfter && /^\d+$/.test(retryAfter.trim()) ? Number(retryAfter) : undefined;
    const init: GraphErrorInit = {
      status: res.status,
      code: errBody.error?.code ?? `http${res.status}`,
      message: errBody.error?.message ?? `${method} ${path} failed with ${res.status}`,
      method,
      url: path,
      requestId:
        res.headers.get('request-id') ??
        (errBody.error?.innerError?.['request-id'] as string | undefined) ??
        undefined,
      clientRequestId: res.headers.get('client-request-id') ?? undefined,
      ...(retrySeconds !== undefined ? { retryAfter: retrySeconds } : {}),
    };
    const err = errorFor(init);
    if (err instanceof ConflictError && opts.fetchCurrentOnConflict) {
      const currentPath =
        typeof opts.fetchCurrentOnConflict === 'string' ? opts.fetchCurrentOnConflict : path;
      err.current = await send('GET', currentPath, undefined, {})
        .then((r) => r.body)
        .catch(() => undefined);
    }
    logger.debug('graph error', {
      method,
      path,
      status: res.status,
      code: init.code,
      requestId: init.requestId,
    });
    throw err;
  }

  const bodyOf = async <T>(p: Promise<GraphResponse<T>>): Promise<T> => (await p).body;
  return {
    baseUrl,
    send,
    get: (path, opts) => bodyOf(send('GET', path, undefined, opts)),
    post: (path, body, opts) => bodyOf(send('POST', path, body, opts)),
    patch: (path, body, opts) => bodyOf(send('PATCH', path, body, opts)),
    put: (path, body, opts) => bodyOf(send('PUT', path, body, opts)),
    delete: async (path, opts) => {
      await send('DELETE', path, undefined, opts);
    },
  };
}
