import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../src/emulator/demo-directory';
import type { RunningEmulator } from '../../src/emulator/server';
import { licenseBand } from '../../src/emulator/throttling/budget';
import { resourceUnits } from '../../src/emulator/throttling/resource-units';
import { SlidingCounter } from '../../src/emulator/throttling/sliding-counter';
import { admin, appToken, provisionSimpleList, raw, startTestEmulator, userToken } from './support';

let emu: RunningEmulator;
let app: string;
let items: string;
let siteId: string;
let now = new Date('2026-11-26T08:00:00Z');
const advance = (ms: number) => (now = new Date(now.getTime() + ms));

type AppStats = { appId: string; requests: number; resourceUnits: number; throttled: number };
const appStats = async (): Promise<AppStats> =>
  ((await admin(emu, 'GET', '/stats')).json.apps as AppStats[]).find(
    (a) => a.appId === '5f6a1d2e-0b7c-4e0f-8d3a-2c1b9e7a5001',
  )!;
const unitsOf = async (fn: () => Promise<unknown>) => {
  const before = (await appStats()).resourceUnits;
  await fn();
  return (await appStats()).resourceUnits - before;
};

beforeAll(async () => {
  emu = await startTestEmulator({ clock: () => now });
  app = await appToken(emu);
  ({ itemsPath: items, siteId } = await provisionSimpleList(emu, app));
  for (let i = 0; i < 3; i++) await raw(emu, 'POST', items, app, { fields: { Title: `item ${i}`, Seq: i } });
});
afterAll(() => emu.close());
beforeEach(async () => {
  advance(24 * 3600_000); // every test starts with fresh windows
  await admin(emu, 'PUT', '/throttling', { enabled: true, licenses: 500, userRequestsPerFiveMinutes: 3000 });
  app = await appToken(emu);
});

describe('resource units', () => {
  it('prices requests as SharePoint does for Graph', () => {
    const q = (s = '') => new URLSearchParams(s);
    const req = (method: string, path: string, query = '') => ({ method, path, query: q(query) });
    expect(resourceUnits(req('GET', '/sites/s/lists/l/items/1'), { status: 200, body: { id: '1' } })).toBe(1);
    expect(resourceUnits(req('GET', '/sites/s/lists/l/items'), { status: 200, body: { value: [] } })).toBe(2);
    expect(resourceUnits(req('POST', '/sites/s/lists/l/items'))).toBe(2);
    expect(resourceUnits(req('PATCH', '/sites/s/lists/l/items/1/fields'))).toBe(2);
    expect(resourceUnits(req('DELETE', '/drives/d/items/x'))).toBe(2);
    expect(resourceUnits(req('GET', '/drives/d/items/x/content'))).toBe(1);
    expect(resourceUnits(req('GET', '/drives/d/items/x/permissions'))).toBe(5);
    expect(resourceUnits(req('POST', '/drives/d/items/x/invite'))).toBe(5);
    expect(resourceUnits(req('GET', '/drives/d/items/x', '$expand=permissions'))).toBe(5);
    expect(resourceUnits(req('GET', '/sites/s/lists/l/items/delta'))).toBe(2);
    expect(resourceUnits(req('GET', '/sites/s/lists/l/items/delta', 'token=abc'))).toBe(1);
  });

  it('charges SharePoint requests only, one by one inside $batch', async () => {
    expect(await unitsOf(() => raw(emu, 'GET', `${items}/1`, app))).toBe(1);
    expect(await unitsOf(() => raw(emu, 'GET', items, app))).toBe(2);
    expect(await unitsOf(() => raw(emu, 'POST', items, app, { fields: { Title: 'x' } }))).toBe(2);
    expect(await unitsOf(() => raw(emu, 'GET', '/v1.0/users?$top=3', app))).toBe(0);
    const sub = (id: string) => ({ id, method: 'GET', url: `${items.slice('/v1.0'.length)}/1` });
    expect(
      await unitsOf(() =>
        raw(emu, 'POST', '/v1.0/$batch', app, { requests: [sub('a'), sub('b'), sub('c')] }),
      ),
    ).toBe(3);
  });

  it('reports requests and units per app and per user, total and last minute; DELETE resets', async () => {
    const t = await userToken(emu, DEMO_USERS[0]!.userPrincipalName);
    await raw(emu, 'GET', '/v1.0/me', t);
    const s = await admin(emu, 'GET', '/stats');
    expect(s.status).toBe(200);
    expect(s.json.total).toMatchObject({ requests: expect.any(Number), resourceUnits: expect.any(Number) });
    expect(s.json.total).toHaveProperty('lastMinute.resourceUnits');
    const users = s.json.users as { upn: string; requests: number }[];
    expect(users.find((u) => u.upn === DEMO_USERS[0]!.userPrincipalName)?.requests).toBeGreaterThanOrEqual(1);
    expect((await admin(emu, 'DELETE', '/stats')).status).toBe(204);
    expect((await admin(emu, 'GET', '/stats')).json).toHaveProperty('total.requests', 0);
  });
});

describe('budget', () => {
  it('defaults to the 0–1,000 licence band (1,250 RU/min, 1,200,000 RU/day per app) and follows the band', async () => {
    const d = await admin(emu, 'GET', '/throttling');
    expect(d.json).toMatchObject({
      appResourceUnitsPerMinute: 1250,
      appResourceUnitsPerDay: 1_200_000,
      enabled: true,
    });
    expect(licenseBand(60_000)).toEqual({ perMinute: 6250, perDay: 6_000_000 });
    const big = await admin(emu, 'PUT', '/throttling', { licenses: 60_000 });
    expect(big.json).toMatchObject({ appResourceUnitsPerMinute: 6250, appResourceUnitsPerDay: 6_000_000 });
    expect((await admin(emu, 'PUT', '/throttling', { shoeSize: 1 })).status).toBe(400);
    expect((await admin(emu, 'PUT', '/throttling', { appResourceUnitsPerMinute: -1 })).status).toBe(400);
  });

  it('answers 429 with Retry-After and the service error once the per-minute budget is spent, then recovers', async () => {
    await admin(emu, 'PUT', '/throttling', { appResourceUnitsPerMinute: 5 });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await raw(emu, 'GET', `${items}/1`, app)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const r = await raw(emu, 'GET', `${items}/1`, app);
    expect(r.status).toBe(429);
    const retryAfter = Number(r.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(r.json.error).toMatchObject({
      code: 'activityLimitReached',
      message: 'The request has been throttled',
    });
    expect((await appStats()).throttled).toBeGreaterThanOrEqual(1);
    // Directory calls are not SharePoint's: never throttled by its budget.
    expect((await raw(emu, 'GET', '/v1.0/users?$top=1', app)).status).toBe(200);
    advance(retryAfter * 1000);
    expect((await raw(emu, 'GET', `${items}/1`, app)).status).toBe(200);
  });

  it('adds the RateLimit headers from 80% of the minute budget', async () => {
    await admin(emu, 'PUT', '/throttling', { appResourceUnitsPerMinute: 10 });
    const first = await raw(emu, 'GET', `${items}/1`, app);
    expect(first.headers.get('ratelimit-limit')).toBeNull();
    for (let i = 0; i < 7; i++) await raw(emu, 'GET', `${items}/1`, app);
    const r = await raw(emu, 'GET', `${items}/1`, app);
    expect(r.status).toBe(200);
    expect(r.headers.get('ratelimit-limit')).toBe('10');
    expect(r.headers.get('ratelimit-remaining')).toBe('1');
    expect(Number(r.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
  });

  it('throttles $batch sub-requests individually', async () => {
    await admin(emu, 'PUT', '/throttling', { appResourceUnitsPerMinute: 3 });
    const sub = (id: string) => ({ id, method: 'GET', url: `${items.slice('/v1.0'.length)}/1` });
    const r = await raw(emu, 'POST', '/v1.0/$batch', app, { requests: ['1', '2', '3', '4', '5'].map(sub) });
    expect(r.status).toBe(200);
    const responses = r.json.responses as { status: number; headers: Record<string, string> }[];
    expect(responses.filter((x) => x.status === 200)).toHaveLength(3);
    const throttled = responses.filter((x) => x.status === 429);
    expect(throttled).toHaveLength(2);
    expect(Number(throttled[0]!.headers['Retry-After'])).toBeGreaterThan(0);
  });

  it('limits each user to the configured SharePoint requests per 5 minutes', async () => {
    await admin(emu, 'PUT', '/throttling', { userRequestsPerFiveMinutes: 2 });
    await raw(emu, 'POST', `/_emulator/sites/${siteId}/grants`, null, {
      appId: '5f6a1d2e-0b7c-4e0f-8d3a-2c1b9e7a5001',
      roles: ['write'],
    });
    const t = await userToken(emu, DEMO_USERS[0]!.userPrincipalName);
    const s1 = (await raw(emu, 'GET', `${items}/1`, t)).status;
    const s2 = (await raw(emu, 'GET', `${items}/1`, t)).status;
    const third = await raw(emu, 'GET', `${items}/1`, t);
    expect(s1).not.toBe(429);
    expect(s2).not.toBe(429);
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(60);
    // The app itself is not over budget.
    expect((await raw(emu, 'GET', `${items}/1`, app)).status).toBe(200);
  });

  it('never refuses when throttling is disabled, and can be configured at start', async () => {
    await admin(emu, 'PUT', '/throttling', { enabled: false, appResourceUnitsPerMinute: 0 });
    expect((await raw(emu, 'GET', `${items}/1`, app)).status).toBe(200);
    const { startEmulator } = await import('../../src/emulator/server');
    const { EMULATOR_MODULES } = await import('../../src/emulator/modules');
    const { tempDataDir } = await import('./support');
    const small = await startEmulator(
      { port: 0, dataDir: tempDataDir(), throttling: { licenses: 20_000 } },
      EMULATOR_MODULES,
    );
    try {
      expect((await raw(small, 'GET', '/_emulator/throttling', null)).json.appResourceUnitsPerMinute).toBe(
        5000,
      );
    } finally {
      await small.close();
    }
  });
});

describe('sliding window', () => {
  it('sums the last window and says when it drops under a target', () => {
    const c = new SlidingCounter(1000, 60);
    c.add(0, 5);
    c.add(30_500, 5);
    expect(c.sum(59_999)).toBe(10);
    expect(c.sum(60_000)).toBe(5);
    expect(c.msUntilAtMost(60_000, 4)).toBe(30_000);
    expect(c.sum(10_000_000)).toBe(0);
  });
});
