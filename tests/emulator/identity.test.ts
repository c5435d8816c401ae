import { decodeJwt, SignJWT, generateKeyPair } from 'jose';
import { createHash, randomBytes } from 'node:crypto';
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

describe('authorization code flow with PKCE (local sign-in)', () => {
  const authorize = `/${LOCAL_TENANT_ID}/oauth2/v2.0/authorize`;
  const token = `/${LOCAL_TENANT_ID}/oauth2/v2.0/token`;
  const redirect = 'http://localhost:5173/auth';
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const params = (extra: Record<string, string> = {}) =>
    new URLSearchParams({
      client_id: LOCAL_APP_ID,
      response_type: 'code',
      redirect_uri: redirect,
      scope: 'openid profile offline_access https://graph.microsoft.com/User.Read',
      state: 'st<"ate>',
      nonce: 'n-1',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      ...extra,
    });
  const pick = (p: URLSearchParams, upn: string) =>
    fetch(`${emu.url}${authorize}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams([...p, ['login_hint', upn]]),
    });
  const redeem = (body: Record<string, string>) =>
    fetch(`${emu.url}${token}`, { method: 'POST', body: new URLSearchParams(body) });
  const codeFor = async (upn = 'an.peeters@stagemap.local', p = params()) => {
    const r = await pick(p, upn);
    expect(r.status).toBe(302);
    const loc = new URL(r.headers.get('location')!);
    expect(`${loc.origin}${loc.pathname}`).toBe(redirect);
    expect(loc.searchParams.get('state')).toBe('st<"ate>');
    return loc.searchParams.get('code')!;
  };

  it('shows a user picker with every output escaped', async () => {
    addUser(emu, {
      id: '22222222-2222-4222-8222-222222222222',
      userPrincipalName: 'evil.user@stagemap.local',
      displayName: '<script>alert(1)</script> "Evil"',
    });
    const r = await fetch(`${emu.url}${authorize}?${params()}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/html/);
    const page = await r.text();
    expect(page).toContain('An Peeters');
    expect(page).toContain('&#60;script&#62;alert(1)&#60;/script&#62; &#34;Evil&#34;');
    expect(page).not.toContain('<script>');
    expect(page).toContain('value="st&#60;&#34;ate&#62;"');
  });

  it('redirects back with a code and redeems it (PKCE S256) for access, ID and refresh tokens', async () => {
    const code = await codeFor();
    const r = await redeem({
      grant_type: 'authorization_code',
      client_id: LOCAL_APP_ID,
      code,
      redirect_uri: redirect,
      code_verifier: verifier,
      scope: 'openid profile offline_access https://graph.microsoft.com/User.Read',
    });
    expect(r.status).toBe(200);
    const body = (await r.json()) as Record<string, string>;
    expect(decodeJwt(body.access_token!)).toMatchObject({
      aud: 'https://graph.microsoft.com',
      oid: '11111111-1111-4111-8111-111111111111',
      scp: 'User.Read',
      idtyp: 'user',
    });
    expect(decodeJwt(body.id_token!)).toMatchObject({
      aud: LOCAL_APP_ID,
      nonce: 'n-1',
      preferred_username: 'an.peeters@stagemap.local',
      tid: LOCAL_TENANT_ID,
    });
    expect((await raw(emu, 'GET', '/v1.0/me', body.access_token!)).json.displayName).toBe('An Peeters');
    // A code works once.
    const again = await redeem({
      grant_type: 'authorization_code',
      client_id: LOCAL_APP_ID,
      code,
      redirect_uri: redirect,
      code_verifier: verifier,
    });
    expect(again.status).toBe(400);
    expect(((await again.json()) as { error_codes: number[] }).error_codes).toEqual([54005]);
    const refreshed = await redeem({
      grant_type: 'refresh_token',
      client_id: LOCAL_APP_ID,
      refresh_token: body.refresh_token!,
    });
    expect(refreshed.status).toBe(200);
  });

  it('refuses a wrong code_verifier, a missing verifier, another redirect URI and an expired code', async () => {
    const wrong = await redeem({
      grant_type: 'authorization_code',
      client_id: LOCAL_APP_ID,
      code: await codeFor(),
      redirect_uri: redirect,
      code_verifier: 'x'.repeat(43),
    });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: 'invalid_grant', error_codes: [501481] });
    const none = await redeem({
      grant_type: 'authorization_code',
      client_id: LOCAL_APP_ID,
      code: await codeFor(),
      redirect_uri: redirect,
    });
    expect(((await none.json()) as { error: string }).error).toBe('invalid_grant');
    const other = await redeem({
      grant_type: 'authorization_code',
      client_id: LOCAL_APP_ID,
      code: await codeFor(),
      redirect_uri: 'http://localhost:9/x',
      code_verifier: verifier,
    });
    expect(other.status).toBe(400);
    const code = await codeFor();
    now = new Date(now.getTime() + 11 * 60_000);
    const late = await redeem({
      grant_type: 'authorization_code',
      client_id: LOCAL_APP_ID,
      code,
      redirect_uri: redirect,
      code_verifier: verifier,
    });
    now = new Date('2026-11-26T08:00:00Z');
    expect(await late.json()).toMatchObject({ error: 'invalid_grant', error_codes: [70008] });
  });

  it('never redirects to an unregistered non-loopback URI or for an unknown client', async () => {
    const evil = await fetch(
      `${emu.url}${authorize}?${params({ redirect_uri: 'https://evil.example/cb' })}`,
      { redirect: 'manual' },
    );
    expect(evil.status).toBe(400);
    expect(evil.headers.get('location')).toBeNull();
    expect(await evil.text()).toContain('AADSTS50011');
    const unknown = await fetch(`${emu.url}${authorize}?${params({ client_id: 'nobody' })}`, {
      redirect: 'manual',
    });
    expect(unknown.status).toBe(400);
    const plain = await fetch(`${emu.url}${authorize}?${params({ code_challenge_method: 'plain' })}`, {
      redirect: 'manual',
    });
    expect(plain.status).toBe(302);
    expect(new URL(plain.headers.get('location')!).searchParams.get('error')).toBe('invalid_request');
  });

  it('supports prompt=none with a login_hint (silent renewal) and fragment response mode', async () => {
    const silent = await fetch(
      `${emu.url}${authorize}?${params({ prompt: 'none', login_hint: 'an.peeters@stagemap.local', response_mode: 'fragment' })}`,
      { redirect: 'manual' },
    );
    expect(silent.status).toBe(302);
    const hash = new URLSearchParams(new URL(silent.headers.get('location')!).hash.slice(1));
    expect(hash.get('code')).toBeTruthy();
    const noUser = await fetch(`${emu.url}${authorize}?${params({ prompt: 'none' })}`, {
      redirect: 'manual',
    });
    expect(new URL(noUser.headers.get('location')!).searchParams.get('error')).toBe('login_required');
    const picked = await pick(params(), 'ghost@stagemap.local');
    expect(picked.status).toBe(400);
  });
});

describe('browser access to the identity endpoints', () => {
  it('answers CORS preflight and adds the origin on the token endpoint, not on Graph', async () => {
    const pre = await fetch(`${emu.url}/${LOCAL_TENANT_ID}/oauth2/v2.0/token`, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:5200', 'access-control-request-method': 'POST' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5200');
    const graph = await fetch(`${emu.url}/v1.0/me`, { headers: { origin: 'http://127.0.0.1:5200' } });
    expect(graph.headers.get('access-control-allow-origin')).toBeNull();
  });
});
