import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../src/emulator/demo-directory';
import type { RunningEmulator } from '../../src/emulator/server';
import { mulberry32 } from '../../src/emulator/throttling/faults';
import { admin, appToken, raw, startTestEmulator } from './support';

let emu: RunningEmulator;
let app: string;
const els = DEMO_USERS[0]!;
const sendBody = (subject: string) => ({
  message: { subject, toRecipients: [{ emailAddress: { address: 'faults@stagemap.local' } }] },
});
const subjects = async () =>
  ((await admin(emu, 'GET', '/outbox?to=faults@stagemap.local')).json.value as { subject: string }[]).map(
    (m) => m.subject,
  );
/** Status of a request, or 'reset' when the connection was dropped without an answer. */
const statusOf = async (method: string, path: string, body?: unknown) => {
  try {
    return (await raw(emu, method, path, app, body)).status;
  } catch (e) {
    expect(String((e as Error).cause ?? e)).toMatch(/socket|ECONNRESET|closed|terminated/i);
    return 'reset';
  }
};

beforeAll(async () => {
  emu = await startTestEmulator();
  app = await appToken(emu);
});
afterAll(() => emu.close());
afterEach(async () => {
  await admin(emu, 'DELETE', '/faults');
});

describe('fault injection', () => {
  it('injects 429 with the configured Retry-After and the service error body, only on matching paths', async () => {
    const put = await admin(emu, 'PUT', '/faults', { path: '^/users$', throttle: 1, retryAfter: 3 });
    expect(put.status).toBe(200);
    const r = await raw(emu, 'GET', '/v1.0/users', app);
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBe('3');
    expect(r.json.error).toMatchObject({
      code: 'activityLimitReached',
      message: 'The request has been throttled',
    });
    expect(r.json.error).toHaveProperty('innerError.request-id', r.headers.get('request-id'));
    expect((await raw(emu, 'GET', `/v1.0/users/${els.id}`, app)).status).toBe(200);
    expect((await admin(emu, 'GET', '/faults')).json.injected).toMatchObject({ throttle: 1 });
  });

  it('injects 503 Service Unavailable', async () => {
    await admin(emu, 'PUT', '/faults', { unavailable: 1, retryAfter: 2 });
    const r = await raw(emu, 'GET', '/v1.0/users', app);
    expect(r.status).toBe(503);
    expect(r.headers.get('retry-after')).toBe('2');
    expect(r.json.error?.code).toBe('serviceNotAvailable');
  });

  it('resets the connection BEFORE the handler: nothing was written', async () => {
    await admin(emu, 'PUT', '/faults', { path: '/sendMail$', resetBefore: 1 });
    expect(await statusOf('POST', `/v1.0/users/${els.id}/sendMail`, sendBody('before'))).toBe('reset');
    expect(await subjects()).not.toContain('before');
  });

  it('resets the connection AFTER the handler committed: the write happened, the answer is lost', async () => {
    await admin(emu, 'PUT', '/faults', { path: '/sendMail$', resetAfter: 1 });
    expect(await statusOf('POST', `/v1.0/users/${els.id}/sendMail`, sendBody('after'))).toBe('reset');
    expect(await subjects()).toContain('after');
  });

  it('adds fixed and ranged latency', async () => {
    await admin(emu, 'PUT', '/faults', { latencyMs: 120 });
    let t = performance.now();
    expect((await raw(emu, 'GET', '/v1.0/users?$top=1', app)).status).toBe(200);
    expect(performance.now() - t).toBeGreaterThanOrEqual(115);
    await admin(emu, 'PUT', '/faults', { latencyMs: [60, 80] });
    t = performance.now();
    await raw(emu, 'GET', '/v1.0/users?$top=1', app);
    expect(performance.now() - t).toBeGreaterThanOrEqual(55);
  });

  it('is reproducible with a seed, and another seed gives another sequence', async () => {
    const run = async (seed: number) => {
      await admin(emu, 'PUT', '/faults', { seed, path: '^/users$', throttle: 0.3, unavailable: 0.2 });
      const out: number[] = [];
      for (let i = 0; i < 24; i++) out.push((await raw(emu, 'GET', '/v1.0/users?$top=1', app)).status);
      return out;
    };
    const a = await run(42);
    expect(await run(42)).toEqual(a);
    expect(a).toContain(200);
    expect(a.some((s) => s === 429 || s === 503)).toBe(true);
    expect(await run(7)).not.toEqual(a);
    const r1 = mulberry32(1);
    const r2 = mulberry32(1);
    expect([r1(), r1()]).toEqual([r2(), r2()]);
  });

  it('stops after `count` faults and filters by method', async () => {
    await admin(emu, 'PUT', '/faults', { rules: [{ method: 'POST', throttle: 1, count: 2 }] });
    expect((await raw(emu, 'GET', '/v1.0/users?$top=1', app)).status).toBe(200);
    const post = () => raw(emu, 'POST', `/v1.0/users/${els.id}/sendMail`, app, sendBody('counted'));
    expect([(await post()).status, (await post()).status, (await post()).status]).toEqual([429, 429, 202]);
  });

  it('applies resets to the $batch envelope and 429/503 to each sub-request', async () => {
    await admin(emu, 'PUT', '/faults', { path: '^/\\$batch$', resetBefore: 1 });
    const batch = { requests: [{ id: '1', method: 'GET', url: '/users?$top=1' }] };
    expect(await statusOf('POST', '/v1.0/$batch', batch)).toBe('reset');
    // A reset rate on sub-request paths is not applied inside a batch (a reset belongs to the connection).
    await admin(emu, 'PUT', '/faults', { path: '^/users', resetBefore: 1 });
    const inner = await raw(emu, 'POST', '/v1.0/$batch', app, batch);
    expect((inner.json.responses as { status: number }[])[0]!.status).toBe(200);
    await admin(emu, 'PUT', '/faults', { seed: 3, path: '^/users', throttle: 0.5 });
    const many = await raw(emu, 'POST', '/v1.0/$batch', app, {
      requests: Array.from({ length: 12 }, (_, i) => ({
        id: String(i),
        method: 'GET',
        url: '/users?$top=1',
      })),
    });
    expect(many.status).toBe(200);
    const statuses = (many.json.responses as { status: number }[]).map((r) => r.status);
    expect(statuses).toContain(200);
    expect(statuses).toContain(429);
  });

  it('validates the configuration and clears it', async () => {
    expect((await admin(emu, 'PUT', '/faults', { throttle: 1.5 })).status).toBe(400);
    expect((await admin(emu, 'PUT', '/faults', { throttle: 0.6, unavailable: 0.6 })).status).toBe(400);
    expect((await admin(emu, 'PUT', '/faults', { path: '(' })).status).toBe(400);
    expect((await admin(emu, 'PUT', '/faults', { latencyMs: [5, 1] })).status).toBe(400);
    expect((await admin(emu, 'PUT', '/faults', { explode: 1 })).status).toBe(400);
    await admin(emu, 'PUT', '/faults', { throttle: 1 });
    expect((await admin(emu, 'DELETE', '/faults')).status).toBe(204);
    expect((await raw(emu, 'GET', '/v1.0/users?$top=1', app)).status).toBe(200);
    expect((await admin(emu, 'GET', '/faults')).json.rules).toEqual([]);
  });
});
