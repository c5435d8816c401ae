/** Typed errors of the Graph seam: callers branch on the class, never on message text. */

export interface GraphErrorInit {
  status: number;
  code: string;
  message: string;
  method: string;
  url: string;
  requestId?: string;
  clientRequestId?: string;
  /** Seconds, from the Retry-After header, when the service gave one. */
  retryAfter?: number;
}

export class GraphRequestError extends Error {
  readonly status: number;
  readonly code: string;
  readonly method: string;
  readonly url: string;
  readonly requestId: string | undefined;
  readonly clientRequestId: string | undefined;
  readonly retryAfter: number | undefined;

  constructor(init: GraphErrorInit) {
    super(init.message);
    this.name = new.target.name;
    this.status = init.status;
    this.code = init.code;
    this.method = init.method;
    this.url = init.url;
    this.requestId = init.requestId;
    this.clientRequestId = init.clientRequestId;
    this.retryAfter = init.retryAfter;
  }
}

export class NotFoundError extends GraphRequestError {}
export class ForbiddenError extends GraphRequestError {}
/** 409: the name or a unique column value (our `Key`) already exists. */
export class AlreadyExistsError extends GraphRequestError {}
/** 429/503/504 after the retry budget, or a non-retry-safe request that was throttled. */
export class ThrottledError extends GraphRequestError {}

/** 412: the eTag no longer matches. `current` is the item as it is now, when the caller asked us to fetch it. */
export class ConflictError<T = unknown> extends GraphRequestError {
  current: T | undefined;
  constructor(init: GraphErrorInit, current?: T) {
    super(init);
    this.current = current;
  }
}

/** The delta token is no longer valid (410): the caller must resync from scratch. */
export class DeltaExpiredError extends GraphRequestError {}

/** The transport failed before any HTTP response (DNS, reset, timeout). */
export class GraphNetworkError extends Error {
  constructor(
    readonly method: string,
    readonly url: string,
    override readonly cause: unknown,
  ) {
    super(`${method} ${url}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'GraphNetworkError';
  }
}

export function errorFor(init: GraphErrorInit): GraphRequestError {
  switch (init.status) {
    case 403:
      return new ForbiddenError(init);
    case 404:
      return new NotFoundError(init);
    case 409:
      return new AlreadyExistsError(init);
    case 410:
      return new DeltaExpiredError(init);
    case 412:
      return new ConflictError(init);
    case 429:
    case 503:
    case 504:
      return new ThrottledError(init);
    default:
      return new GraphRequestError(init);
  }
}
