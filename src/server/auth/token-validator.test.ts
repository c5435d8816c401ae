import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTokenValidator, type TokenFailure, UnauthorizedError } from './token-validator';

// A local test issuer: its own key pair and JWKS, checked by exactly the code that checks Entra ID tokens.
const TENANT = '0b1c2d3e-0000-4000-8000-000000000001';
const ISSUER = `https://login.microsoftonline.com/${TENANT}/v2.0`;
const API = 'api://5f6a1d2e-0b7c-4e0f-8d3a-2c1b9e7a5001';
let privateKey: CryptoKey;
let otherKey: CryptoKey;
let jwk: JWK;
const now = new Date('2026-11-26T10:00:00Z');
const sec = Math.floor(now.getTime() / 1000);

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  privateKey = pair.privateKey;
  jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256' };
  otherKey = (await generateKeyPair('RS256')).privateKey;
});

const validator = () =>
  createTokenValidator({
    tenantId: TENANT,
    issuer: ISSUER,
    audiences: [API, '5f6a1d2e-0b7c-4e0f-8d3a-2c1b9e7a5001'],
    requiredScope: 'access_as_user',
    keys: createLocalJWKSet({ keys: [jwk] }),
    now: () => now,
  });

const claims = (over: Record<string, unknown> = {}) => ({
  aud: API,
  iss: ISSUER,
  iat: sec - 60,
  nbf: sec - 60,
  exp: sec + 3600,
  tid: TENANT,
  oid: 'user-1',
  preferred_username: 'an.peeters@stagemap.local',
  name: 'An Peeters',
  scp: 'access_as_user',
  ...over,
});

const sign = (c: Record<string, unknown>, key = privateKey) =>
  new SignJWT(c).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).sign(key);

async function reason(token: string | undefined): Promise<TokenFailure | 'accepted'> {
  try {
    await validator()(token === undefined ? undefined : `Bearer ${token}`);
    return 'accepted';
  } catch (e) {
    if (e instanceof UnauthorizedError) return e.reason;
    throw e;
  }
}

describe('token validation (same code for Entra ID and the emulator)', () => {
  it('accepts a valid token and returns the caller', async () => {
    await expect(validator()(`Bearer ${await sign(claims())}`)).resolves.toEqual({
      oid: 'user-1',
      tid: TENANT,
      upn: 'an.peeters@stagemap.local',
      name: 'An Peeters',
      scopes: ['access_as_user'],
    });
  });

  it('rejects each kind of bad token with its reason', async () => {
    const unsigned = (c: Record<string, unknown>) =>
      `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(c)).toString('base64url')}.`;
    const cases: [string, string | undefined, TokenFailure][] = [
      ['missing', undefined, 'missing'],
      ['expired', await sign(claims({ exp: sec - 600, iat: sec - 4000, nbf: sec - 4000 })), 'expired'],
      ['not yet valid', await sign(claims({ nbf: sec + 600 })), 'notYetValid'],
      ['wrong audience', await sign(claims({ aud: 'https://graph.microsoft.com' })), 'audience'],
      ['wrong issuer', await sign(claims({ iss: 'https://login.microsoftonline.com/other/v2.0' })), 'issuer'],
      ['wrong tenant', await sign(claims({ tid: 'ffffffff-0000-4000-8000-000000000000' })), 'tenant'],
      ['wrong signature', await sign(claims(), otherKey), 'signature'],
      ['alg none', unsigned(claims()), 'malformed'],
      ['missing scope', await sign(claims({ scp: 'User.Read' })), 'scope'],
      ['garbage', 'not-a-jwt', 'malformed'],
    ];
    for (const [name, token, expected] of cases) expect(await reason(token), name).toBe(expected);
  });
});
