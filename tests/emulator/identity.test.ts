import { decodeJwt, SignJWT, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_APP_ID, LOCAL_TENANT_ID } from '../../src/emulator/config';
import type { RunningEmulator } from '../../src/emulator/server';
import { addUser, appToken, raw, startTestEmulator, userToken } from './support';

let emu: RunningEmulator;
let now = new Date('2026-11-26T08:00:00Z');
beforeAll(async () => {
  emu = await startTestEmulator({ clock: () => now });
  addUser(emu, {
    id: '11111111-1111-4111-8111-111111111111',
    userPrincipalName: 'an.peeters@stagemap.local',
    displayName: 'An Peeters',
  });
});
afterAll(() => emu.close());

describe('identity', () => {
  it('publishes OpenID metadata naming the token and JWKS endpoints', async () => {
    const r = await raw(emu, 'GET', '/.well-known/openid-configuration', null);
    expect(r.status).toBe(200);
    expect(r.json.token_endpoint).toBe(`${emu.url}/${LOCAL_TENANT_ID}/oauth2/v2.0/token`);
    const jwks = await raw(emu, 'GET', `/${LOCAL_TENANT_ID}/discovery/v2.0/keys`, null);
    expect((jwks.json.keys as { kty: string; alg: string }[])[0]).toMatchObject({ kty: 'RSA', alg: 'RS256' });
  });

  it('issues an app token with Entra-like claims and the granted roles', async () => {
    const claims = decodeJwt(await appToken(emu));
    expect(claims).toMatchObject({
      aud: 'https://graph.microsoft.com',
      tid: LOCAL_TENANT_ID,
      azp: LOCAL_APP_ID,
      idtyp: 'app',
    });
    expect(claims.roles).toContain('Sites.Selected');
    expect(claims.iss).toBe(`${emu.url}/${LOCAL_TENANT_ID}/v2.0`);
  });

  it('issues a delegated token for a directory user and refuses an unknown one', async () => {
    const claims = decodeJwt(await userToken(emu, 'an.peeters@stagemap.local'));
    expect(claims).toMatchObject({
      oid: '11111111-1111-4111-8111-111111111111',
      idtyp: 'user',
      upn: 'an.peeters@stagemap.local',
    });
    await expect(userToken(emu, 'nobody@stagemap.local')).rejects.toThrow(/400/);
  });

  it('answers 401 InvalidAuthenticationToken for missing, expired, foreign-signed and wrong-audience tokens', async () => {
    expect((await raw(emu, 'GET', '/v1.0/me', null)).json.error?.code).toBe('InvalidAuthenticationToken');
    const token = await appToken(emu);
    now = new Date(now.getTime() + 2 * 3600_000);
    const expired = await raw(emu, 'GET', '/v1.0/me', token);
    now = new Date('2026-11-26T08:00:00Z');
    expect(expired.status).toBe(401);
    expect(expired.json.error?.message).toMatch(/expired/);
    expect(expired.headers.get('www-authenticate')).toMatch(/^Bearer/);

    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ ...decodeJwt(token) })
      .setProtectedHeader({ alg: 'RS256', kid: 'x' })
      .sign(privateKey);
    expect((await raw(emu, 'GET', '/v1.0/me', forged)).status).toBe(401);

    const apiToken = await userToken(
      emu,
      'an.peeters@stagemap.local',
      `api://${LOCAL_APP_ID}/access_as_user`,
    );
    const wrongAud = await raw(emu, 'GET', '/v1.0/me', apiToken);
    expect(wrongAud.status).toBe(401);
    expect(wrongAud.json.error?.message).toMatch(/audience/);
  });

  it('refuses a wrong client secret with the identity platform error shape', async () => {
    const res = await fetch(`${emu.url}/${LOCAL_TENANT_ID}/oauth2/v2.0/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: LOCAL_APP_ID,
        client_secret: 'nope',
        scope: 'https://graph.microsoft.com/.default',
      }),
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'invalid_client' });
  });
});
