import { GraphError, errorResponse } from '../http/errors';
import type { EmuRequest, EmuResponse, GraphMiddleware } from '../http/types';

/** One fault-injection rule; rates are probabilities in 0..1 drawn from the seeded PRNG. */
export interface FaultRule {
  /** Regular expression tested against the Graph path (after /v1.0), e.g. "^/sites/.+/items". */
  path?: string;
  /** HTTP method(s) the rule applies to; all when absent. */
  method?: string | string[];
  /** Rate of 429 Too Many Requests (with Retry-After: retryAfter). */
  throttle?: number;
  /** Retry-After seconds of injected 429 and 503 answers (default 1). */
  retryAfter?: number;
  /** Rate of 503 Service Unavailable. */
  unavailable?: number;
  /** Rate of connection resets before the handler runs (nothing happened server-side). */
  resetBefore?: number;
  /** Rate of connection resets after the handler ran and committed (the lost-response case). */
  resetAfter?: number;
  /** Added latency in ms: fixed, or a [min, max] range drawn from the PRNG. */
  latencyMs?: number | [number, number];
  /** Stop injecting faults (not latency) after this many. */
  count?: number;
}

export interface FaultConfig {
  seed: number;
  rules: FaultRule[];
}

type Outcome = 'throttle' | 'unavailable' | 'resetBefore' | 'resetAfter';

/** mulberry32: tiny, fast and good enough for reproducible fault sequences. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const RATE_KEYS = ['throttle', 'unavailable', 'resetBefore', 'resetAfter'] as const;

/** Validates an admin PUT body: either {seed?, rules:[…]} or a single rule with an optional seed. */
export function parseFaultConfig(body: unknown): FaultConfig | string {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'Expected a JSON object.';
  const b = body as Record<string, unknown>;
  const seed = b.seed ?? 1;
  if (typeof seed !== 'number' || !Number.isInteger(seed)) return `'seed' must be an integer.`;
  let rawRules: unknown[];
  if (b.rules !== undefined) {
    if (!Array.isArray(b.rules)) return `'rules' must be an array.`;
    rawRules = b.rules;
  } else {
    const { seed: _seed, ...rule } = b;
    rawRules = [rule];
  }
  const rules: FaultRule[] = [];
  for (const [i, raw] of rawRules.entries()) {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return `rules[${i}] must be an object.`;
    const r = raw as Record<string, unknown>;
    const known = new Set(['path', 'method', ...RATE_KEYS, 'retryAfter', 'latencyMs', 'count']);
    const unknown = Object.keys(r).find((k) => !known.has(k));
    if (unknown) return `rules[${i}]: unknown property '${unknown}'.`;
    let sum = 0;
    for (const k of RATE_KEYS) {
      const v = r[k];
      if (v === undefined) continue;
      if (typeof v !== 'number' || !(v >= 0 && v <= 1))
        return `rules[${i}].${k} must be a rate between 0 and 1.`;
      sum += v;
    }
    if (sum > 1 + 1e-9) return `rules[${i}]: the rates add up to more than 1.`;
    if (r.path !== undefined) {
      if (typeof r.path !== 'string') return `rules[${i}].path must be a string.`;
      try {
        new RegExp(r.path);
      } catch {
        return `rules[${i}].path is not a valid regular expression.`;
      }
    }
    if (r.method !== undefined) {
      const ms = Array.isArray(r.method) ? r.method : [r.method];
      if (!ms.every((m) => typeof m === 'string')) return `rules[${i}].method must be a string or strings.`;
    }
    if (r.retryAfter !== undefined && (typeof r.retryAfter !== 'number' || r.retryAfter < 0))
      return `rules[${i}].retryAfter must be a number of seconds.`;
    if (r.count !== undefined && (typeof r.count !== 'number' || !Number.isInteger(r.count) || r.count < 0))
      return `rules[${i}].count must be a non-negative integer.`;
    const lat = r.latencyMs;
    if (
      lat !== undefined &&
      !(typeof lat === 'number' && lat >= 0) &&
      !(
        Array.isArray(lat) &&
        lat.length === 2 &&
        lat.every((x) => typeof x === 'number' && x >= 0) &&
        (lat[0] as number) <= (lat[1] as number)
      )
    )
      return `rules[${i}].latencyMs must be a number or a [min, max] pair.`;
    rules.push(r as FaultRule);
  }
  return { seed, rules };
}

interface ActiveRule {
  rule: FaultRule;
  regex: RegExp | undefined;
  methods: string[] | undefined;
  left: number;
}

export interface FaultInjector {
  middleware: GraphMiddleware;
  config(): (FaultConfig & { injected: Record<Outcome, number> }) | undefined;
  set(config: FaultConfig): void;
  clear(): void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Fault injection around Graph dispatch. A $batch envelope only gets resets and latency (a reset is a property of
 * the HTTP connection); its sub-requests only get 429/503 and latency, each drawn on its own, as the service
 * throttles them one by one.
 */
export function createFaultInjector(): FaultInjector {
  let current: FaultConfig | undefined;
  let active: ActiveRule[] = [];
  let random: () => number = Math.random;
  const injected: Record<Outcome, number> = { throttle: 0, unavailable: 0, resetBefore: 0, resetAfter: 0 };

  const middleware: GraphMiddleware = async (req, next) => {
    if (!current) return next();
    const isEnvelope = req.batchId === undefined && /^\/\$batch\/?$/i.test(req.path);
    const isSub = req.batchId !== undefined;
    const match = active.find(
      (a) =>
        (!a.regex || a.regex.test(req.path)) && (!a.methods || a.methods.includes(req.method.toUpperCase())),
    );
    if (!match) return next();
    const { rule } = match;

    let outcome: Outcome | undefined;
    if (match.left > 0) {
      const eligible: Outcome[] = isEnvelope
        ? ['resetBefore', 'resetAfter']
        : isSub
          ? ['throttle', 'unavailable']
          : ['throttle', 'unavailable', 'resetBefore', 'resetAfter'];
      const r = random();
      let acc = 0;
      for (const o of eligible) {
        acc += rule[o] ?? 0;
        if (r < acc) {
          outcome = o;
          break;
        }
      }
    }
    const lat = rule.latencyMs;
    const delay = Array.isArray(lat) ? lat[0] + random() * (lat[1] - lat[0]) : (lat ?? 0);
    if (delay > 0) await sleep(delay);
    if (!outcome) return next();
    match.left--;
    injected[outcome]++;
    const retryAfter = String(rule.retryAfter ?? 1);
    switch (outcome) {
      case 'throttle':
        return faultResponse(
          req,
          new GraphError(429, 'activityLimitReached', 'The request has been throttled', {
            'Retry-After': retryAfter,
          }),
        );
      case 'unavailable':
        return faultResponse(
          req,
          new GraphError(503, 'serviceNotAvailable', 'The service is temporarily unavailable.', {
            'Retry-After': retryAfter,
          }),
        );
      case 'resetBefore':
        return { status: 0, reset: true };
      case 'resetAfter':
        return { ...(await next()), reset: true };
    }
  };

  return {
    middleware,
    config: () => (current ? { ...current, injected: { ...injected } } : undefined),
    set(config) {
      current = config;
      random = mulberry32(config.seed);
      for (const k of Object.keys(injected) as Outcome[]) injected[k] = 0;
      active = config.rules.map((rule) => ({
        rule,
        regex: rule.path ? new RegExp(rule.path, 'i') : undefined,
        methods: rule.method
          ? (Array.isArray(rule.method) ? rule.method : [rule.method]).map((m) => m.toUpperCase())
          : undefined,
        left: rule.count ?? Infinity,
      }));
    },
    clear() {
      current = undefined;
      active = [];
    },
  };
}

function faultResponse(req: EmuRequest, err: GraphError): EmuResponse {
  return errorResponse(err, req.requestId, req.headers['client-request-id']);
}
