import { Router } from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnauthorizedError } from '../auth/token-validator';
import { invalidInput } from './api-error';
import { createApp, ctxOf } from './create-app';
import { silentLogger } from './logger';

let server: Server;
let base = '';
beforeAll(async () => {
  const api = Router();
  api.get('/whoami', (req, res) => {
    const ctx = ctxOf(req);
    res.json({ oid: ctx.caller.oid, locale: ctx.locale, coordinator: ctx.actor.isCoordinator });
  });
  api.post('/echo', (req) => {
    throw invalidInput([
      { path: 'name', message: req.locale === 'nl' ? 'Dit veld is verplicht.' : 'This field is required.' },
    ]);
  });
  api.get('/boom', () => {
    throw new Error('secret internals');
  });
  const app = createApp({
    logger: silentLogger,
    validateToken: async (h) => {
      if (h !== 'Bearer good') throw new UnauthorizedError('signature');
      return { oid: 'u1', tid: 't', upn: 'u1@x', name: 'U', scopes: ['access_as_user'] };
    },
    resolveActor: async (c) => ({ userId: c.oid, isCoordinator: true, headOfServices: [] }),
    api,
  });
  server = app.listen(0);
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const call = (path: string, init: RequestInit = {}) => fetch(`${base}${path}`, init);

describe('HTTP pipeline', () => {
  it('refuses a missing or bad token with 401 in the caller language', async () => {
    const r = await call('/api/whoami', { headers: { 'accept-language': 'fr-BE' } });
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toBe('Bearer');
    expect(await r.json()).toEqual({
      error: { code: 'unauthenticated', message: "Vous n'êtes pas connecté ou votre session a expiré." },
    });
    expect((await call('/api/whoami', { headers: { authorization: 'Bearer bad' } })).status).toBe(401);
  });

  it('passes the caller, actor and locale to routes', async () => {
    const r = await call('/api/whoami', {
      headers: { authorization: 'Bearer good', 'x-stagemap-locale': 'de' },
    });
    expect(await r.json()).toEqual({ oid: 'u1', locale: 'de', coordinator: true });
    expect(r.headers.get('x-request-id')).toMatch(/[0-9a-f-]{36}/);
  });

  it('answers field errors, unknown routes, bad JSON and internal errors without leaking internals', async () => {
    const auth = {
      authorization: 'Bearer good',
      'content-type': 'application/json',
      'accept-language': 'nl',
    };
    const bad = await call('/api/echo', { method: 'POST', headers: auth, body: '{}' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: { code: 'invalidInput', fields: [{ path: 'name', message: 'Dit veld is verplicht.' }] },
    });
    expect((await call('/api/nope', { headers: auth })).status).toBe(404);
    const json = await call('/api/echo', { method: 'POST', headers: auth, body: '{oops' });
    expect(json.status).toBe(400);
    const boom = await call('/api/boom', { headers: auth });
    expect(boom.status).toBe(500);
    expect(JSON.stringify(await boom.json())).not.toContain('secret internals');
  });
});
