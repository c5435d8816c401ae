import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from 'jose';

/**
 * Validates the bearer tokens the tab sends to Stagemap's API. The same code serves Entra ID in a tenant and the
 * emulator locally: only the issuer and JWKS location differ (configuration), never the checks.
 */
export interface TokenValidatorConfig {
  /** The one tenant whose users may call the API. */
  tenantId: string;
  /** Issuer expected for that tenant, e.g. `https://login.microsoftonline.com/{tid}/v2.0`. */
  issuer: string;
  /** Accepted audiences: the API's application id URI and its client id (Entra v2 tokens carry the client id). */
  audiences: string[];
  /** Delegated scope the token must carry, e.g. `access_as_user`. */
  requiredScope: string;
  /** Key source: `remoteJwks(url)` for Entra/emulator; a local set in tests. */
  keys: JWTVerifyGetKey;
  /** Clock skew tolerated on exp/nbf, in seconds. */
  clockToleranceSeconds?: number;
  now?: () => Date;
}

export interface CallerIdentity {
  /** Entra object id of the user. */
  oid: string;
  tid: string;
  upn: string;
  name: string;
  scopes: string[];
}

export type TokenFailure =
  | 'missing'
  | 'malformed'
  | 'expired'
  | 'notYetValid'
  | 'audience'
  | 'issuer'
  | 'tenant'
  | 'signature'
  | 'scope';

export class UnauthorizedError extends Error {
  constructor(readonly reason: TokenFailure) {
    super(`Unauthorized: ${reason}`);
  }
}

export const remoteJwks = (url: string): JWTVerifyGetKey =>
  createRemoteJWKSet(new URL(url), { cooldownDuration: 30_000 });

export const entraIssuer = (tenantId: string): string => `https://login.microsoftonline.com/${tenantId}/v2.0`;
export const entraJwksUrl = (tenantId: string): string =>
  `https://login.microsoftonline.com/${tenantId}/discovery/v2.0/keys`;

export function createTokenValidator(config: TokenValidatorConfig) {
  return async function validate(authorization: string | undefined): Promise<CallerIdentity> {
    const m = /^Bearer\s+([A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]*)$/.exec(
      authorization?.trim() ?? '',
    );
    if (!authorization) throw new UnauthorizedError('missing');
    if (!m) throw new UnauthorizedError('malformed');
    let payload;
    try {
      ({ payload } = await jwtVerify(m[1]!, config.keys, {
        // Only RS256: refuses `alg: none` and HMAC confusion with the public key.
        algorithms: ['RS256'],
        issuer: config.issuer,
        audience: config.audiences,
        clockTolerance: config.clockToleranceSeconds ?? 60,
        requiredClaims: ['exp', 'iat', 'tid', 'oid'],
        ...(config.now ? { currentDate: config.now() } : {}),
      }));
    } catch (e) {
      if (e instanceof joseErrors.JWTExpired) throw new UnauthorizedError('expired');
      if (e instanceof joseErrors.JWTClaimValidationFailed) {
        if (e.claim === 'nbf') throw new UnauthorizedError('notYetValid');
        if (e.claim === 'aud') throw new UnauthorizedError('audience');
        if (e.claim === 'iss') throw new UnauthorizedError('issuer');
        throw new UnauthorizedError('malformed');
      }
      if (
        e instanceof joseErrors.JWSSignatureVerificationFailed ||
        e instanceof joseErrors.JWKSNoMatchingKey
      ) {
        throw new UnauthorizedError('signature');
      }
      throw new UnauthorizedError('malformed');
    }
    if (payload.tid !== config.tenantId) throw new UnauthorizedError('tenant');
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ').filter(Boolean) : [];
    if (!scopes.includes(config.requiredScope)) throw new UnauthorizedError('scope');
    return {
      oid: String(payload.oid),
      tid: String(payload.tid),
      upn: String(payload.preferred_username ?? payload.upn ?? ''),
      name: String(payload.name ?? ''),
      scopes,
    };
  };
}
