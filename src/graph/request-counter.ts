import type { RequestEvent } from './middleware';

/**
 * Counts what Stagemap asks of the service: wire requests, writes (sub-requests of a $batch counted one by one)
 * and an estimate of SharePoint resource units, the currency of SharePoint's app throttling (Microsoft's
 * "Avoid getting throttled or blocked in SharePoint Online": single-item read 1, multi-item read 2,
 * create/update/delete/upload 2, anything touching permissions 5). Benchmarks and the provisioning test use it.
 */

const COLLECTION_TAIL =
  /\/(lists|items|columns|contentTypes|children|drives|delta|permissions|sites|users|messages|value)(\(|\?|$)|\/delta\(|\?|\/\$batch$/;

export function resourceUnits(method: string, url: string): number {
  const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '');
  if (/\/permissions(\/|\?|$)|\$expand=[^&]*permissions/.test(path)) return 5;
  if (method.toUpperCase() !== 'GET' && method.toUpperCase() !== 'HEAD') return 2;
  return COLLECTION_TAIL.test(path.split('?')[0] ?? '') || /\$filter=|\$top=/.test(path) ? 2 : 1;
}

export interface RequestCounts {
  /** Requests on the wire, each attempt counted ($batch counts once here). */
  requests: number;
  /** Logical operations: a $batch counts its sub-requests instead of itself. */
  operations: number;
  /** Non-GET operations (including inside $batch). */
  writes: number;
  /** Estimated SharePoint resource units. */
  units: number;
  throttled: number;
  byMethod: Record<string, number>;
}

export interface RequestCounter {
  hook(e: RequestEvent): void;
  snapshot(): RequestCounts;
  reset(): void;
  /** Every write seen since the last reset: "METHOD url". */
  writeLog(): string[];
}

const empty = (): RequestCounts => ({
  requests: 0,
  operations: 0,
  writes: 0,
  units: 0,
  throttled: 0,
  byMethod: {},
});

export function createRequestCounter(): RequestCounter {
  let c = empty();
  let writes: string[] = [];
  const op = (method: string, url: string) => {
    c.operations += 1;
    c.byMethod[method] = (c.byMethod[method] ?? 0) + 1;
    c.units += resourceUnits(method, url);
    if (method !== 'GET' && method !== 'HEAD') {
      c.writes += 1;
      writes.push(`${method} ${url}`);
    }
  };
  return {
    hook(e) {
      c.requests += 1;
      if (e.status === 429 || e.status === 503) c.throttled += 1;
      if (e.subRequests) for (const s of e.subRequests) op(s.method, s.url);
      else op(e.method, e.url);
    },
    snapshot: () => ({ ...c, byMethod: { ...c.byMethod } }),
    reset() {
      c = empty();
      writes = [];
    },
    writeLog: () => [...writes],
  };
}
