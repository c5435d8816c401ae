import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_APP_ID, LOCAL_APP_SECRET, LOCAL_TENANT_ID } from '../../src/emulator/config';
import { createGraph, userAgent } from '../../src/graph/client';
import { ConflictError, NotFoundError, ThrottledError } from '../../src/graph/errors';
import { provision } from '../../src/graph/provision';
import { schemaAt } from '../../src/graph/schema';
import { clientCredentials } from '../../src/graph/token-provider';
import { startGraphFixture, type GraphFixture } from './support';

let fx: GraphFixture;
let settings: string;
const seenHeaders: Record<string, string | undefined>[] = [];
beforeAll(async () => {
  fx = await startGraphFixture();
  fx.emu.ctx.graphMiddlewares.unshift(async (req, next) => {
    seenHeaders.push({
      ua: req.headers['user-agent'],
      crid: req.headers['client-request-id'],
      path: req.path,
    });
    return next();
  });
  await provision(fx.graph, {
    site: fx.siteId,
    lists: schemaAt(1).filter((l) => l.name === 'Settings'),
    version: 1,
  });
  settings = `/sites/${encodeURIComponent(fx.siteId)}/lists/Settings/items`;
});
afterAll(() => fx.emu.close());
afterEach(async () => {
  await fx.admin('DELETE', '/_emulator/faults');
  fx.events.length = 0;
  seenHeaders.length = 0;
});

const faults = (rules: unknown[]) => fx.admin('PUT', '/_emulator/faults', { seed: 7, rules });

describe('transport', () => {
  it('decorates every request with the ISV user agent and a client-request-id, and logs request ids and timing', async () => {
    await fx.graph.get(`${settings}?$top=1`);
    expect(seenHeaders.at(-1)).toMatchObject({ ua: 'ISV|Stagemap|Stagemap/0.1.0' });
    expect(seenHeaders.at(-1)!.crid).toMatch(/^[0-9a-f-]{36}$/);
    expect(userAgent('1.2.3')).toBe('ISV|Stagemap|Stagemap/1.2.3');
    const log = fx.logs.filter((l) => l.message === 'graph request').at(-1)!;
    expect(log.data).toMatchObject({ method: 'GET', status: 200, clientRequestId: seenHeaders.at(-1)!.crid });
    expect(log.data!.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(typeof log.data!.durationMs).toBe('number');
  });

  it('gets the app token once by client credentials and reuses it until 5 minutes before expiry', async () => {
    let now = Date.now();
    const tokens = clientCredentials({
      authority: `${fx.emu.url}/${LOCAL_TENANT_ID}`,
      clientId: LOCAL_APP_ID,
      clientSecret: LOCAL_APP_SECRET,
      now: () => now,
    });
    const g = createGraph({ baseUrl: `${fx.emu.url}/v1.0`, tokenProvider: tokens });
    await Promise.all([g.get(settings), g.get(settings), g.get(settings)]);
    expect(tokens.acquisitions()).toBe(1);
    now += 3600_000 - 5 * 60_000 - 1000; // just before the refresh window
    await g.get(settings);
    expect(tokens.acquisitions()).toBe(1);
    now += 2000; // inside it
    await g.get(settings);
    expect(tokens.acquisitions()).toBe(2);
  });

  it("MSAL refuses the emulator's http authority, which is why http uses the plain client-credentials POST", async () => {
    const { ConfidentialClientApplication } = await import('@azure/msal-node');
    const app = new ConfidentialClientApplication({
      auth: {
        clientId: LOCAL_APP_ID,
        clientSecret: LOCAL_APP_SECRET,
        authority: `${fx.emu.url}/${LOCAL_TENANT_ID}`,
        knownAuthorities: [new URL(fx.emu.url).host],
      },
    });
    await expect(
      app.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] }),
    ).rejects.toThrow(/insecure|https/i);
  });

  it('retries a throttled GET after the Retry-After the service asked for', async () => {
    await faults([{ path: '/lists/Settings/items$', method: 'GET', throttle: 1, retryAfter: 1, count: 2 }]);
    const started = Date.now();
    await fx.graph.get(settings);
    const elapsed = Date.now() - started;
    expect(fx.events.map((e) => e.status)).toEqual([429, 429, 200]);
    expect(new Set(fx.events.map((e) => e.clientRequestId)).size).toBe(1);
    expect(elapsed).toBeGreaterThanOrEqual(2000);
    expect(elapsed).toBeLessThan(4000);
    const retries = fx.logs.filter((l) => l.message === 'graph retry').slice(-2);
    expect(retries.map((r) => r.data!.retryAfterMs)).toEqual([1000, 1000]);
  });

  it('retries 503 too, and gives up with ThrottledError after maxAttempts', async () => {
    await faults([{ path: '/lists/Settings/items$', method: 'GET', unavailable: 1, retryAfter: 0 }]);
    const err = await fx.graph.get(settings).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ThrottledError);
    expect(err).toMatchObject({ status: 503, retryAfter: 0 });
    expect(fx.events).toHaveLength(5);
  });

  it('does not retry a throttled POST unless it is marked retry-safe', async () => {
    await faults([{ path: '/lists/Settings/items$', method: 'POST', throttle: 1, retryAfter: 1, count: 1 }]);
    const err = await fx.graph.post(settings, { fields: { Key: 'a' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ThrottledError);
    expect((err as ThrottledError).retryAfter).toBe(1);
    expect((err as ThrottledError).requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(fx.events).toHaveLength(1);

    await faults([{ path: '/lists/Settings/items$', method: 'POST', throttle: 1, retryAfter: 1, count: 1 }]);
    fx.events.length = 0;
    const created = await fx.graph.post<{ id: string }>(
      settings,
      { fields: { Key: 'b' } },
      { retrySafe: true },
    );
    expect(created.id).toBeTruthy();
    expect(fx.events.map((e) => e.status)).toEqual([429, 201]);
  });

  it('retries a retry-safe create whose response was lost; the unique Key turns the duplicate into a 409', async () => {
    await faults([{ path: '/lists/Settings/items$', method: 'POST', resetAfter: 1, count: 1 }]);
    const err = await fx.graph
      .post(settings, { fields: { Key: 'lost-response' } }, { retrySafe: true })
      .catch((e: unknown) => e);
    expect(fx.events.map((e) => e.status)).toEqual([0, 409]);
    expect(err).toMatchObject({ status: 409 });
  });

  it('maps 404 to NotFoundError and 412 to ConflictError carrying the current item', async () => {
    await expect(fx.graph.get(`${settings}/999999`)).rejects.toBeInstanceOf(NotFoundError);
    const item = await fx.graph.post<{ id: string; eTag: string }>(settings, {
      fields: { Key: 'etag', Value: '1' },
    });
    await fx.graph.patch(`${settings}/${item.id}/fields`, { Value: '2' });
    const err = await fx.graph
      .patch(
        `${settings}/${item.id}/fields`,
        { Value: '3' },
        {
          ifMatch: item.eTag,
          fetchCurrentOnConflict: `${settings}/${item.id}?$expand=fields`,
        },
      )
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError<{ fields: { Value: string } }>).current?.fields.Value).toBe('2');
  });
});
