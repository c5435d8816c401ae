/**
 * When and how long to wait before retrying a Graph request. Pure: the clock, the random source and the sleep are
 * injected, so the policy is unit-tested without timers.
 */

export interface RetryPolicy {
  /** Total attempts including the first one. */
  maxAttempts: number;
  /** First backoff step when the service gives no Retry-After. */
  baseDelayMs: number;
  /** Cap of one exponential step. */
  maxDelayMs: number;
  /**
   * Longest Retry-After we are willing to sleep through inside one call. Longer waits are handed back to the
   * caller as a ThrottledError carrying `retryAfter` (a scheduler can defer the job instead of blocking).
   */
  maxRetryAfterMs: number;
  /** Statuses retried (for idempotent or retry-safe requests only). */
  statuses: readonly number[];
  random: () => number;
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export const THROTTLE_STATUSES: readonly number[] = [429, 503, 504];

export const realSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

export const defaultRetryPolicy = (overrides: Partial<RetryPolicy> = {}): RetryPolicy => ({
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
  statuses: THROTTLE_STATUSES,
  random: Math.random,
  now: Date.now,
  sleep: realSleep,
  ...overrides,
});

/**
 * Retry-After in milliseconds: delta-seconds ("120") or an HTTP date (RFC 9110 §10.2.3), relative to `nowMs`.
 * A date in the past means "now" (0). Unparseable values are ignored (undefined) so backoff takes over.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  if (!/[a-z]/i.test(v)) return undefined;
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

/**
 * Capped exponential backoff with full jitter (AWS architecture blog "Exponential Backoff And Jitter"): spreads
 * the retries of many workers hit by the same throttling wave. `attempt` is the attempt that just failed (1-based).
 */
export function backoffDelay(attempt: number, p: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'random'>) {
  const exp = Math.min(p.maxDelayMs, p.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(p.random() * exp);
}

/**
 * The wait before the next attempt, or undefined to stop. The service's Retry-After wins over our backoff
 * (Graph throttling guidance: "wait the number of seconds specified in the Retry-After header").
 */
export function nextDelay(
  attempt: number,
  retryAfterMs: number | undefined,
  p: Pick<RetryPolicy, 'maxAttempts' | 'baseDelayMs' | 'maxDelayMs' | 'maxRetryAfterMs' | 'random'>,
): number | undefined {
  if (attempt >= p.maxAttempts) return undefined;
  if (retryAfterMs !== undefined) return retryAfterMs > p.maxRetryAfterMs ? undefined : retryAfterMs;
  return backoffDelay(attempt, p);
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/** RFC 9110 idempotent methods. POST and PATCH are retried only when the caller marks them retry-safe. */
export const isIdempotent = (method: string): boolean => IDEMPOTENT.has(method.toUpperCase());
