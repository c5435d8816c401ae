import type { Context, Middleware, MiddlewareOptions } from '@microsoft/microsoft-graph-client';
import { GraphNetworkError } from './errors';
import { isIdempotent, nextDelay, parseRetryAfter, type RetryPolicy } from './retry-policy';
import type { TokenProvider } from './token-provider';

/**
 * Stagemap's middleware chain for the Graph SDK, outermost first:
 *   identity (User-Agent, client-request-id) → retry → auth → telemetry (log, count) → SDK HTTPMessageHandler.
 * Retry sits outside auth so every attempt gets a current token; telemetry sits inside retry so each attempt on
 * the wire is logged and counted (benchmarks measure what the service sees, throttled attempts included).
 */

export interface GraphLogger {
  debug(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
}

export const silentLogger: GraphLogger = { debug: () => {}, warn: () => {} };

/** Per-request settings handed to the chain through the SDK's middleware options. */
export interface RequestMetaInit {
  /** POST/PATCH that may be repeated safely (e.g. a create carrying a unique idempotency key). */
  retrySafe?: boolean;
  /** Do not attach the bearer (upload session URLs must not receive it). */
  anonymous?: boolean;
  /** Override of the retried statuses (upload chunks also retry 500/502). */
  retryStatuses?: readonly number[];
  signal?: AbortSignal;
}

export class RequestMeta implements MiddlewareOptions {
  attempt = 0;
  constructor(readonly init: RequestMetaInit) {}
}

export function metaOf(ctx: Context): RequestMeta {
  const found = ctx.middlewareControl?.getMiddlewareOptions(RequestMeta) as RequestMeta | undefined;
  return found ?? new RequestMeta({});
}

/** The SDK's MiddlewareControl is not exported; this stand-in is all our middlewares read (absolute URLs). */
export const controlFor = (meta: RequestMeta): Context['middlewareControl'] =>
  ({
    getMiddlewareOptions: (fn: unknown) => (fn === RequestMeta ? meta : undefined),
    setMiddlewareOptions: () => {},
  }) as unknown as Context['middlewareControl'];

const urlOf = (ctx: Context): string => (typeof ctx.request === 'string' ? ctx.request : ctx.request.url);
const methodOf = (ctx: Context): string => (ctx.options?.method ?? 'GET').toUpperCase();

/** Normalises the request headers to a Headers object (the SDK hands a plain record) and stores it back. */
function headersOf(ctx: Context): Headers {
  const current = ctx.options?.headers as HeadersInit | undefined;
  const h = current instanceof Headers ? current : new Headers(current ?? {});
  ctx.options = { ...ctx.options, headers: h as unknown as Record<string, string> };
  return h;
}

abstract class Link implements Middleware {
  private nextLink: Middleware | undefined;
  setNext(next: Middleware): void {
    this.nextLink = next;
  }
  protected pass(ctx: Context): Promise<void> {
    if (!this.nextLink) throw new Error(`${this.constructor.name} has no next middleware`);
    return this.nextLink.execute(ctx);
  }
  abstract execute(ctx: Context): Promise<void>;
}

export class IdentityMiddleware extends Link {
  constructor(
    private readonly userAgent: string,
    private readonly newId: () => string,
  ) {
    super();
  }
  async execute(ctx: Context): Promise<void> {
    const h = headersOf(ctx);
    // Microsoft asks ISVs to decorate traffic so SharePoint attributes and throttles it per app, not as anonymous.
    h.set('User-Agent', this.userAgent);
    // One id per logical request, kept across retries, so the service's logs correlate all attempts.
    if (!h.has('client-request-id')) h.set('client-request-id', this.newId());
    await this.pass(ctx);
  }
}

export class RetryMiddleware extends Link {
  constructor(
    private readonly policy: RetryPolicy,
    private readonly logger: GraphLogger,
  ) {
    super();
  }
  async execute(ctx: Context): Promise<void> {
    const meta = metaOf(ctx);
    const method = methodOf(ctx);
    const retryable = isIdempotent(method) || meta.init.retrySafe === true;
    const statuses = meta.init.retryStatuses ?? this.policy.statuses;
    for (;;) {
      meta.attempt += 1;
      let failure: unknown;
      try {
        await this.pass(ctx);
      } catch (e) {
        failure = e;
      }
      const status = ctx.response?.status;
      const shouldRetry = failure !== undefined || (status !== undefined && statuses.includes(status));
      if (!shouldRetry || !retryable) {
        if (failure !== undefined) throw failure;
        return;
      }
      const retryAfter =
        failure === undefined
          ? parseRetryAfter(ctx.response?.headers.get('retry-after'), this.policy.now())
          : undefined;
      const delay = nextDelay(meta.attempt, retryAfter, this.policy);
      if (delay === undefined) {
        if (failure !== undefined) throw failure;
        return;
      }
      this.logger.debug('graph retry', {
        method,
        url: urlOf(ctx),
        attempt: meta.attempt,
        status: status ?? null,
        error: failure instanceof Error ? failure.message : undefined,
        retryAfterMs: retryAfter ?? null,
        delayMs: delay,
      });
      // Free the connection of the refused attempt before waiting.
      await ctx.response?.body?.cancel().catch(() => {});
      ctx.response = undefined;
      await this.policy.sleep(delay, meta.init.signal);
    }
  }
}

export class AuthMiddleware extends Link {
  constructor(
    private readonly tokens: TokenProvider,
    /** Only URLs under this prefix get the bearer: a token must never leak to an upload host or a nextLink elsewhere. */
    private readonly baseUrl: string,
  ) {
    super();
  }
  async execute(ctx: Context): Promise<void> {
    const meta = metaOf(ctx);
    if (meta.init.anonymous || !urlOf(ctx).startsWith(this.baseUrl)) return this.pass(ctx);
    const h = headersOf(ctx);
    h.set('Authorization', `Bearer ${await this.tokens.getToken()}`);
    await this.pass(ctx);
    // A token revoked or expired early: fetch a fresh one once (only providers that can refresh).
    if (ctx.response?.status === 401 && this.tokens.invalidate) {
      this.tokens.invalidate();
      await ctx.response.body?.cancel().catch(() => {});
      h.set('Authorization', `Bearer ${await this.tokens.getToken()}`);
      await this.pass(ctx);
    }
  }
}

/** One request as it went over the wire (one attempt). */
export interface RequestEvent {
  method: string;
  url: string;
  /** 0 when no response arrived (network failure). */
  status: number;
  attempt: number;
  durationMs: number;
  requestId: string | undefined;
  clientRequestId: string | undefined;
  /** For a $batch POST, the sub-requests it carried. */
  subRequests?: { method: string; url: string }[];
}

function batchedRequests(ctx: Context): { method: string; url: string }[] | undefined {
  if (!/\/\$batch(\?|$)/.test(urlOf(ctx)) || typeof ctx.options?.body !== 'string') return undefined;
  try {
    const parsed = JSON.parse(ctx.options.body) as { requests?: { method?: string; url?: string }[] };
    return (parsed.requests ?? []).map((r) => ({
      method: (r.method ?? 'GET').toUpperCase(),
      url: r.url ?? '',
    }));
  } catch {
    return undefined;
  }
}

export class TelemetryMiddleware extends Link {
  constructor(
    private readonly logger: GraphLogger,
    private readonly onRequest: ((e: RequestEvent) => void) | undefined,
  ) {
    super();
  }
  async execute(ctx: Context): Promise<void> {
    const started = performance.now();
    const method = methodOf(ctx);
    const url = urlOf(ctx);
    const clientRequestId = headersOf(ctx).get('client-request-id') ?? undefined;
    const meta = metaOf(ctx);
    const emit = (status: number) => {
      const e: RequestEvent = {
        method,
        url,
        status,
        attempt: meta.attempt,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
        requestId: ctx.response?.headers.get('request-id') ?? undefined,
        clientRequestId,
      };
      const subs = batchedRequests(ctx);
      if (subs) e.subRequests = subs;
      this.logger.debug('graph request', { ...e, subRequests: subs?.length });
      this.onRequest?.(e);
    };
    try {
      await this.pass(ctx);
    } catch (e) {
      emit(0);
      throw new GraphNetworkError(method, url, e);
    }
    emit(ctx.response?.status ?? 0);
  }
}
