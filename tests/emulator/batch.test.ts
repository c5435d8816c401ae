import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../src/emulator/demo-directory';
import type { RunningEmulator } from '../../src/emulator/server';
import { admin, appToken, graphClient, raw, startTestEmulator } from './support';

let emu: RunningEmulator;
let app: string;
const els = DEMO_USERS[0]!;
const sophie = DEMO_USERS[1]!;

interface Sub {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: Record<string, unknown> & { error?: { code: string; message: string } };
}
const batch = async (requests: unknown[], token = app) => {
  const r = await raw(emu, 'POST', '/v1.0/$batch', token, { requests });
  const responses = (r.json?.responses ?? []) as Sub[];
  return { ...r, byId: (id: string) => responses.find((x) => x.id === id)!, responses };
};
const mail = (to: string, subject: string) => ({
  message: { subject, toRecipients: [{ emailAddress: { address: to } }] },
});

beforeAll(async () => {
  emu = await startTestEmulator();
  app = await appToken(emu);
});
afterAll(() => emu.close());
afterEach(async () => {
  await admin(emu, 'DELETE', '/faults');
});

describe('$batch', () => {
  it('runs independent requests with relative URLs (with or without a leading slash), per-request method, headers and body', async () => {
    const r = await batch([
      { id: '1', method: 'GET', url: `/users/${els.id}?$select=displayName` },
      {
        id: '2',
        method: 'GET',
        url: 'users?$search="displayName:dubois"',
        headers: { ConsistencyLevel: 'eventual' },
      },
      {
        id: '3',
        method: 'POST',
        url: `/users/${sophie.id}/sendMail`,
        headers: { 'Content-Type': 'application/json' },
        body: mail(els.mail!, 'via batch'),
      },
      { id: '4', method: 'GET', url: '/users/ghost@stagemap.local' },
    ]);
    expect(r.status).toBe(200);
    expect(r.responses.map((x) => x.id).sort()).toEqual(['1', '2', '3', '4']);
    expect(r.byId('1')).toMatchObject({ status: 200, body: { displayName: 'Els Verstraeten' } });
    expect(r.byId('1').headers['Content-Type']).toMatch(/^application\/json/);
    expect((r.byId('2').body!.value as { displayName: string }[]).map((u) => u.displayName)).toEqual([
      'Sophie Dubois',
    ]);
    expect(r.byId('3').status).toBe(202);
    expect(r.byId('3')).not.toHaveProperty('body');
    expect(r.byId('4').status).toBe(404);
    expect(r.byId('4').body?.error?.code).toBe('Request_ResourceNotFound');
    const out = await admin(emu, 'GET', `/outbox?to=${els.mail}`);
    expect((out.json.value as { subject: string }[]).map((m) => m.subject)).toContain('via batch');
  });

  it('works through the official SDK', async () => {
    const r = (await graphClient(emu, app)
      .api('/$batch')
      .post({ requests: [{ id: 'a', method: 'GET', url: '/users?$top=1&$select=id' }] })) as {
      responses: Sub[];
    };
    expect(r.responses[0]).toMatchObject({ id: 'a', status: 200 });
  });

  it('refuses more than 20 requests, duplicate ids (case-insensitive) and malformed payloads with 400', async () => {
    const many = Array.from({ length: 21 }, (_, i) => ({
      id: String(i),
      method: 'GET',
      url: '/users?$top=1',
    }));
    const tooMany = await batch(many);
    expect(tooMany.status).toBe(400);
    expect(tooMany.json.error?.code).toBe('BadRequest');
    expect(tooMany.json.error?.message).toMatch(/maximum of 20/);
    expect((await batch(many.slice(0, 20))).status).toBe(200);

    const dup = await batch([
      { id: 'a', method: 'GET', url: '/users?$top=1' },
      { id: 'A', method: 'GET', url: '/users?$top=1' },
    ]);
    expect(dup.status).toBe(400);
    expect(dup.json.error?.message).toBe('Request Id A has to be unique in a batch.');

    const noType = await batch([
      { id: '1', method: 'POST', url: `/users/${els.id}/sendMail`, body: mail(sophie.mail!, 'x') },
    ]);
    expect(noType.status).toBe(400);
    expect(noType.json.error?.message).toBe(
      'Write request id : 1 does not contain Content-Type header or body.',
    );

    const notJson = await raw(emu, 'POST', '/v1.0/$batch', app, new TextEncoder().encode('nope'), {
      'content-type': 'application/json',
    });
    expect(notJson.status).toBe(400);
    expect((await raw(emu, 'POST', '/v1.0/$batch', app, { requests: 'x' })).status).toBe(400);
  });

  it('runs dependsOn chains in order; a failed request makes its dependents fail with 424', async () => {
    const ok = await batch([
      {
        id: '1',
        method: 'POST',
        url: `/users/${els.id}/sendMail`,
        headers: { 'content-type': 'application/json' },
        body: mail('first@stagemap.local', 'one'),
      },
      {
        id: '2',
        dependsOn: ['1'],
        method: 'POST',
        url: `/users/${els.id}/sendMail`,
        headers: { 'content-type': 'application/json' },
        body: mail('first@stagemap.local', 'two'),
      },
    ]);
    expect(ok.responses.map((x) => x.status)).toEqual([202, 202]);
    const out = await admin(emu, 'GET', '/outbox?to=first@stagemap.local');
    expect((out.json.value as { subject: string }[]).map((m) => m.subject)).toEqual(['one', 'two']);

    const failed = await batch([
      { id: '1', method: 'GET', url: '/users/ghost@stagemap.local' },
      { id: '2', dependsOn: ['1'], method: 'GET', url: `/users/${els.id}` },
      { id: '3', dependsOn: ['2'], method: 'GET', url: `/users/${els.id}` },
    ]);
    expect(failed.status).toBe(200);
    expect(failed.byId('1').status).toBe(404);
    expect(failed.byId('2').status).toBe(424);
    expect(failed.byId('3').status).toBe(424);
    expect(failed.byId('2').body?.error?.code).toBe('FailedDependency');
  });

  it('refuses mixed sequential/parallel batches and dependencies on unknown or later requests', async () => {
    const mixed = await batch([
      { id: '1', method: 'GET', url: '/users?$top=1' },
      { id: '2', dependsOn: ['1'], method: 'GET', url: '/users?$top=1' },
      { id: '3', method: 'GET', url: '/users?$top=1' },
    ]);
    expect(mixed.status).toBe(400);
    expect(mixed.json.error?.message).toBe('Batch should be either fully sequential or fully parallel.');
    const forward = await batch([
      { id: '1', dependsOn: ['2'], method: 'GET', url: '/users?$top=1' },
      { id: '2', method: 'GET', url: '/users?$top=1' },
    ]);
    expect(forward.status).toBe(400);
    expect(forward.json.error?.message).toMatch(/^Invalid dependency for request Id 1/);
  });

  it('throttles and faults each sub-request on its own: one 429 with its Retry-After, the others succeed', async () => {
    await admin(emu, 'PUT', '/faults', { path: '/mailboxSettings', throttle: 1, retryAfter: 7 });
    const r = await batch([
      { id: 'settings', method: 'GET', url: `/users/${els.id}/mailboxSettings` },
      { id: 'user', method: 'GET', url: `/users/${els.id}` },
    ]);
    expect(r.status).toBe(200);
    expect(r.byId('settings').status).toBe(429);
    expect(r.byId('settings').headers['Retry-After']).toBe('7');
    expect(r.byId('settings').body?.error?.code).toBe('activityLimitReached');
    expect(r.byId('user').status).toBe(200);
  });

  it('base64-encodes a non-JSON response body, as the service does', async () => {
    const r = await batch([
      { id: 'c', method: 'GET', url: '/users/$count', headers: { ConsistencyLevel: 'eventual' } },
    ]);
    expect(r.byId('c').headers['content-type']).toMatch(/^text\/plain/);
    expect(Buffer.from(r.byId('c').body as unknown as string, 'base64').toString()).toBe(
      String(DEMO_USERS.length),
    );
  });

  it('answers a sub-request with an absolute URL, a nested $batch or an unknown path on its own', async () => {
    const r = await batch([
      { id: 'abs', method: 'GET', url: `${emu.url}/v1.0/users` },
      {
        id: 'nest',
        method: 'POST',
        url: '/$batch',
        headers: { 'content-type': 'application/json' },
        body: { requests: [] },
      },
      { id: 'nope', method: 'GET', url: '/nothingHere' },
      { id: 'fine', method: 'GET', url: '/users?$top=1' },
    ]);
    expect(r.status).toBe(200);
    expect(r.byId('abs').status).toBe(400);
    expect(r.byId('nest').status).toBe(400);
    expect(r.byId('nest').body?.error?.message).toBe('Nested batch requests are not supported.');
    expect(r.byId('nope').status).toBe(400);
    expect(r.byId('fine').status).toBe(200);
  });
});
