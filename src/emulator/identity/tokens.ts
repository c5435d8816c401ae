import { createLocalJWKSet, errors as joseErrors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { randomUUID } from 'node:crypto';
import { GraphError } from '../http/errors';
import type { Principal } from '../http/types';
import type { SigningKey } from './keys';

export interface TokenIssuer {
  issuer: string;
  tenantId: string;
  key: SigningKey;
  lifetimeSeconds: number;
  now(): Date;
}

export interface AccessTokenClaims {
  aud: string;
  appId: string;
  appDisplayName: string;
  oid: string;
  /** Present for user tokens. */
  user?: { upn: string; name: string };
  scp?: string[];
  roles?: string[];
}

/** Signs an access token laid out like an Entra ID v2.0 token. */
export async function issueAccessToken(
  iss: TokenIssuer,
  c: AccessTokenClaims,
): Promise<{ token: string; expiresIn: number }> {
  const nowSec = Math.floor(iss.now().getTime() / 1000);
  const payload: JWTPayload & Record<string, unknown> = {
    aud: c.aud,
    iss: iss.issuer,
    iat: nowSec,
    nbf: nowSec,
    exp: nowSec + iss.lifetimeSeconds,
    azp: c.appId,
    appid: c.appId,
    app_displayname: c.appDisplayName,
    oid: c.oid,
    sub: c.oid,
    tid: iss.tenantId,
    uti: randomUUID().replace(/-/g, ''),
    ver: '2.0',
    idtyp: c.user ? 'user' : 'app',
  };
  if (c.user) {
    payload.preferred_username = c.user.upn;
    payload.upn = c.user.upn;
    payload.name = c.user.name;
  }
  if (c.scp && c.scp.length > 0) payload.scp = c.scp.join(' ');
  if (c.roles && c.roles.length > 0) payload.roles = c.roles;
  const token = await new SignJWT(payload)
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: iss.key.kid })
    .sign(iss.key.privateKey);
  return { token, expiresIn: iss.lifetimeSeconds };
}

/** Signs an ID token (OpenID Connect) for a signed-in user: audience is the client app. */
export async function issueIdToken(
  iss: TokenIssuer,
  c: { clientId: string; oid: string; upn: string; name: string; nonce?: string | null },
): Promise<string> {
  const nowSec = Math.floor(iss.now().getTime() / 1000);
  const payload: JWTPayload & Record<string, unknown> = {
    aud: c.clientId,
    iss: iss.issuer,
    iat: nowSec,
    nbf: nowSec,
    exp: nowSec + iss.lifetimeSeconds,
    name: c.name,
    oid: c.oid,
    preferred_username: c.upn,
    sub: c.oid,
    tid: iss.tenantId,
    ver: '2.0',
  };
  if (c.nonce) payload.nonce = c.nonce;
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: iss.key.kid })
    .sign(iss.key.privateKey);
}

const unauthorized = (message: string) =>
  new GraphError(401, 'InvalidAuthenticationToken', message, {
    'WWW-Authenticate':
      'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize"',
  });

type Jwks = ReturnType<typeof createLocalJWKSet>;
const jwksByKey = new WeakMap<SigningKey, Jwks>();
interface Verified {
  principal: Principal;
  exp: number;
  nbf: number;
  issuer: string;
}
const verifiedByKey = new WeakMap<SigningKey, Map<string, Verified>>();
function verifiedCache(iss: TokenIssuer): Map<string, Verified> {
  let m = verifiedByKey.get(iss.key);
  if (!m) verifiedByKey.set(iss.key, (m = new Map()));
  return m;
}

/**
 * Validates a bearer token for a resource (Graph): signature against the tenant's JWKS, issuer, audience and
 * lifetime. Every failure is a 401 with Graph's error code, as the service answers.
 */
export async function verifyBearer(
  iss: TokenIssuer,
  authorization: string | undefined,
  audience: string,
): Promise<Principal> {
  if (!authorization) throw unauthorized('Access token is empty.');
  const m = /^Bearer\s+(.+)$/i.exec(authorization.trim());
  if (!m) throw unauthorized('Access token is empty.');
  const token = m[1]!;
  // A verified token is remembered until it expires: RSA verification would otherwise dominate the cost of a
  // small Graph request. Lifetime is re-checked against the (shiftable) clock on every hit.
  const cache = verifiedCache(iss);
  const key = `${audience} ${token}`;
  const hit = cache.get(key);
  const nowSec = Math.floor(iss.now().getTime() / 1000);
  if (hit && hit.exp > nowSec && hit.nbf <= nowSec && hit.issuer === iss.issuer) return hit.principal;
  let jwks = jwksByKey.get(iss.key);
  if (!jwks) jwksByKey.set(iss.key, (jwks = createLocalJWKSet({ keys: [iss.key.publicJwk] })));
  try {
    const { payload } = await jwtVerify(token, jwks, {
      issuer: iss.issuer,
      audience,
      algorithms: ['RS256'],
      currentDate: iss.now(),
    });
    const scp = typeof payload.scp === 'string' ? payload.scp.split(' ').filter(Boolean) : [];
    const roles = Array.isArray(payload.roles) ? payload.roles.map(String) : [];
    const upn = typeof payload.upn === 'string' ? payload.upn : undefined;
    const principal: Principal = {
      kind: payload.idtyp === 'user' ? 'user' : 'app',
      oid: String(payload.oid ?? ''),
      appId: String(payload.azp ?? payload.appid ?? ''),
      tid: String(payload.tid ?? ''),
      scopes: scp,
      roles,
      ...(upn ? { upn } : {}),
    };
    if (cache.size >= 5000) cache.clear();
    cache.set(key, { principal, exp: payload.exp ?? 0, nbf: payload.nbf ?? 0, issuer: iss.issuer });
    return principal;
  } catch (e) {
    if (e instanceof joseErrors.JWTExpired)
      throw unauthorized('Lifetime validation failed, the token is expired.');
    if (e instanceof joseErrors.JWTClaimValidationFailed) {
      if (e.claim === 'aud') throw unauthorized('Invalid audience.');
      if (e.claim === 'nbf') throw unauthorized('Lifetime validation failed, the token is not yet valid.');
      if (e.claim === 'iss') throw unauthorized('Invalid issuer.');
      throw unauthorized(`Access token validation failure: ${e.claim}.`);
    }
    throw unauthorized('Access token validation failure. Invalid signature or malformed token.');
  }
}
