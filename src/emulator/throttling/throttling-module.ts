import type { ThrottlingSettings } from '../config';
import type { EmulatorContext } from '../context';
import { errorResponse, GraphError } from '../http/errors';
import type { EmuResponse, GraphMiddleware } from '../http/types';
import { mergeThrottling } from './budget';
import { createFaultInjector, type FaultInjector } from './faults';
import { isSharePointRequest, resourceUnits } from './resource-units';
import { SlidingCounter } from './sliding-counter';

interface Tally {
  requests: number;
  resourceUnits: number;
  throttled: number;
  minuteRequests: SlidingCounter;
  minuteUnits: SlidingCounter;
  dayUnits: SlidingCounter;
  /** SharePoint requests in the last 5 minutes (the per-user limit counts requests, not units). */
  fiveMinuteRequests: SlidingCounter;
  upn?: string;
}

export interface UsageFigures {
  requests: number;
  resourceUnits: number;
  throttled: number;
  lastMinute: { requests: number; resourceUnits: number };
}

export interface StatsSnapshot {
  since: string;
  now: string;
  total: UsageFigures;
  apps: (UsageFigures & { appId: string; lastDayResourceUnits: number })[];
  users: (UsageFigures & { userId: string; upn: string | null; lastFiveMinutesSharePointRequests: number })[];
}

export interface ThrottlingPort {
  settings(): ThrottlingSettings;
  update(patch: Partial<ThrottlingSettings>): ThrottlingSettings;
  stats(): StatsSnapshot;
  resetStats(): void;
  faults: FaultInjector;
}

export const throttlingPort = (ctx: EmulatorContext): ThrottlingPort =>
  ctx.ports.throttling as ThrottlingPort;

const newTally = (): Tally => ({
  requests: 0,
  resourceUnits: 0,
  throttled: 0,
  minuteRequests: new SlidingCounter(1000, 60),
  minuteUnits: new SlidingCounter(1000, 60),
  dayUnits: new SlidingCounter(60_000, 1440),
  fiveMinuteRequests: new SlidingCounter(5000, 60),
});

/**
 * Throttling (SharePoint's per-app resource-unit budget and per-user request limit) and fault injection. Must be
 * the first module so its middlewares wrap every Graph request, including each $batch sub-request; the $batch
 * envelope itself is not charged, its sub-requests are, one by one, as SharePoint counts them.
 */
export function throttlingModule(ctx: EmulatorContext): void {
  let settings = { ...ctx.config.throttling };
  let since = ctx.now();
  let apps = new Map<string, Tally>();
  let users = new Map<string, Tally>();
  let total = newTally();
  const faults = createFaultInjector();

  const tallyOf = (map: Map<string, Tally>, key: string): Tally => {
    let t = map.get(key);
    if (!t) map.set(key, (t = newTally()));
    return t;
  };

  /** Usage counters of the stats; the budget windows are charged separately (see `charge`). */
  const record = (tallies: Tally[], now: number, units: number, throttled: boolean) => {
    for (const t of tallies) {
      t.requests++;
      t.resourceUnits += units;
      if (throttled) t.throttled++;
      t.minuteRequests.add(now, 1);
    }
  };
  /** Budget windows; charged before the handler runs so that concurrent requests see each other. */
  const charge = (tallies: Tally[], now: number, units: number, requests: number) => {
    for (const t of tallies) {
      t.minuteUnits.add(now, units);
      t.dayUnits.add(now, units);
      if (requests) t.fiveMinuteRequests.add(now, requests);
    }
  };

  const throttle: GraphMiddleware = async (req, next) => {
    const now = ctx.now().getTime();
    const envelope = req.batchId === undefined && /^\/\$batch\/?$/i.test(req.path);
    const sharePoint = !envelope && isSharePointRequest(req.path);
    const app = tallyOf(apps, req.principal.appId);
    const user = req.principal.kind === 'user' ? tallyOf(users, req.principal.oid) : undefined;
    if (user && req.principal.upn) user.upn = req.principal.upn;
    const tallies = user ? [total, app, user] : [total, app];

    const estimate = sharePoint ? resourceUnits(req) : 0;
    if (sharePoint && settings.enabled) {
      let waitMs = 0;
      const over = (counter: SlidingCounter, cost: number, limit: number) => {
        if (counter.sum(now) + cost > limit)
          waitMs = Math.max(waitMs, counter.msUntilAtMost(now, limit - cost) || counter.windowMs);
      };
      over(app.minuteUnits, estimate, settings.appResourceUnitsPerMinute);
      over(app.dayUnits, estimate, settings.appResourceUnitsPerDay);
      if (user) over(user.fiveMinuteRequests, 1, settings.userRequestsPerFiveMinutes);
      if (waitMs > 0) {
        // Throttled requests still count towards the limits, as the service documents.
        charge(tallies, now, estimate, 1);
        record(tallies, now, estimate, true);
        return errorResponse(
          new GraphError(429, 'activityLimitReached', 'The request has been throttled', {
            'Retry-After': String(Math.max(1, Math.ceil(waitMs / 1000))),
          }),
          req.requestId,
          req.headers['client-request-id'],
        );
      }
    }
    if (sharePoint) charge(tallies, now, estimate, 1);

    const res = await next();
    const units = sharePoint ? resourceUnits(req, res) : 0;
    // The estimate came from the path; the response tells single item from collection.
    if (units !== estimate) charge(tallies, now, units - estimate, 0);
    record(tallies, now, units, false);
    if (sharePoint && settings.enabled) return withRateLimitHeaders(res, app, now, settings);
    return res;
  };

  ctx.graphMiddlewares.push(throttle, faults.middleware);

  const figures = (t: Tally, now: number): UsageFigures => ({
    requests: t.requests,
    resourceUnits: t.resourceUnits,
    throttled: t.throttled,
    lastMinute: { requests: t.minuteRequests.sum(now), resourceUnits: t.minuteUnits.sum(now) },
  });

  ctx.ports.throttling = {
    settings: () => ({ ...settings }),
    update(patch) {
      settings = mergeThrottling(settings, patch);
      return { ...settings };
    },
    stats() {
      const now = ctx.now().getTime();
      return {
        since: since.toISOString(),
        now: new Date(now).toISOString(),
        total: figures(total, now),
        apps: [...apps].map(([appId, t]) => ({
          appId,
          ...figures(t, now),
          lastDayResourceUnits: t.dayUnits.sum(now),
        })),
        users: [...users].map(([userId, t]) => ({
          userId,
          upn: t.upn ?? null,
          ...figures(t, now),
          lastFiveMinutesSharePointRequests: t.fiveMinuteRequests.sum(now),
        })),
      };
    },
    resetStats() {
      since = ctx.now();
      apps = new Map();
      users = new Map();
      total = newTally();
    },
    faults,
  } satisfies ThrottlingPort;
}

/**
 * SharePoint adds the (draft IETF) RateLimit headers once an app has used 80% of its one-minute budget, so
 * well-behaved clients can slow down before they get a 429.
 */
function withRateLimitHeaders(res: EmuResponse, app: Tally, now: number, s: ThrottlingSettings): EmuResponse {
  const used = app.minuteUnits.sum(now);
  if (used < 0.8 * s.appResourceUnitsPerMinute) return res;
  const resetMs = app.minuteUnits.msUntilAtMost(now, 0.8 * s.appResourceUnitsPerMinute - 1);
  return {
    ...res,
    headers: {
      ...res.headers,
      'RateLimit-Limit': String(s.appResourceUnitsPerMinute),
      'RateLimit-Remaining': String(Math.max(0, s.appResourceUnitsPerMinute - used)),
      'RateLimit-Reset': String(Math.max(1, Math.ceil(resetMs / 1000))),
    },
  };
}
