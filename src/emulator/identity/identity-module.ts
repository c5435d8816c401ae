import { GRAPH_AUDIENCE, LOCAL_API_ID_URI, LOCAL_APP_ID, LOCAL_APP_SECRET } from '../config';
import type { EmulatorContext } from '../context';
import type { EmuRequest, EmuResponse } from '../http/types';
import { getApp, getAppByIdentifierUri, getUser, upsertApp, type AppRegistration } from './directory-store';
import type { SigningKey } from './keys';
import { issueAccessToken, type TokenIssuer } from './tokens';

/** Port published for other modules: the issuer used to validate Graph calls. */
export interface IdentityPort {
  issuer: TokenIssuer;
}

export const identityPort = (ctx: EmulatorContext): IdentityPort => ctx.ports.identity as IdentityPort;

/** Registers the Stagemap app in the local tenant (idempotent); its Graph permissions mirror a real tenant's. */
export function ensureLocalApp(ctx: EmulatorContext): AppRegistration {
  return (
    getApp(ctx.db, LOCAL_APP_ID) ??
    upsertApp(ctx.db, {
      appId: LOCAL_APP_ID,
      displayName: 'Stagemap',
      secret: LOCAL_APP_SECRET,
      identifierUri: LOCAL_API_ID_URI,
      // Least privilege (BRIEF "Security and privacy"): Sites.Selected on the one site, plus what the bot needs.
      graphRoles: [
        'Sites.Selected',
        'User.Read.All',
        'Mail.Send',
        'MailboxSettings.Read',
        'TeamsAppInstallation.ReadWriteForUser.All',
      ],
      graphScopes: ['User.Read', 'Sites.ReadWrite.All', 'Files.ReadWrite.All', 'Mail.Send'],
      servicePrincipalId: '9a0e3c11-6a2d-4f7b-9b55-0d6c7b9e5001',
    })
  );
}

/** OAuth2 errors use the identity platform's shape, not Graph's. */
function oauthError(status: number, error: string, description: string): EmuResponse {
  return {
    status,
    body: {
      error,
      error_description: description,
      error_codes: [status === 401 ? 7000215 : 900144],
      timestamp: new Date().toISOString(),
      trace_id: crypto.randomUUID(),
      correlation_id: crypto.randomUUID(),
    },
  };
}

function form(req: EmuRequest): URLSearchParams {
  return new URLSearchParams(req.body.toString('utf8'));
}

/** Maps a requested scope list to an audience and the scopes/roles to grant. */
function resolveScope(ctx: EmulatorContext, scope: string) {
  const scopes = scope
    .split(' ')
    .filter(Boolean)
    .filter((s) => !['openid', 'profile', 'offline_access', 'email'].includes(s));
  const first = scopes[0] ?? '';
  const graphPrefix = `${GRAPH_AUDIENCE}/`;
  if (first.startsWith(graphPrefix) || !first.includes('://')) {
    return {
      aud: GRAPH_AUDIENCE,
      names: scopes.map((s) => (s.startsWith(graphPrefix) ? s.slice(graphPrefix.length) : s)),
    };
  }
  const idx = first.lastIndexOf('/');
  const resource = first.slice(0, idx);
  const api = getAppByIdentifierUri(ctx.db, resource);
  if (!api) return undefined;
  return { aud: resource, names: scopes.map((s) => s.slice(s.lastIndexOf('/') + 1)) };
}

export function identityModule(ctx: EmulatorContext, key: SigningKey): void {
  const tenantPath = `/${ctx.config.tenantId}`;
  const issuer = (): string => `${ctx.baseUrl()}${tenantPath}/v2.0`;
  const tokenIssuer: TokenIssuer = {
    get issuer() {
      return issuer();
    },
    tenantId: ctx.config.tenantId,
    key,
    lifetimeSeconds: ctx.config.tokenLifetimeSeconds,
    now: () => ctx.now(),
  };
  ctx.ports.identity = { issuer: tokenIssuer } satisfies IdentityPort;
  ensureLocalApp(ctx);

  const openIdConfiguration = (): EmuResponse => ({
    status: 200,
    body: {
      issuer: issuer(),
      token_endpoint: `${ctx.baseUrl()}${tenantPath}/oauth2/v2.0/token`,
      authorization_endpoint: `${ctx.baseUrl()}${tenantPath}/oauth2/v2.0/authorize`,
      jwks_uri: `${ctx.baseUrl()}${tenantPath}/discovery/v2.0/keys`,
      response_types_supported: ['code', 'id_token', 'token id_token'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
      grant_types_supported: ['authorization_code', 'client_credentials', 'password', 'refresh_token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      tenant_region_scope: 'EU',
      cloud_instance_name: 'stagemap.local',
    },
  });
  ctx.root.get('/.well-known/openid-configuration', openIdConfiguration);
  ctx.root.get(`${tenantPath}/v2.0/.well-known/openid-configuration`, openIdConfiguration);
  ctx.root.get(`${tenantPath}/discovery/v2.0/keys`, () => ({ status: 200, body: { keys: [key.publicJwk] } }));

  ctx.root.post(`${tenantPath}/oauth2/v2.0/token`, async (req) => {
    const f = form(req);
    const basic = /^Basic\s+(.+)$/i.exec(req.headers.authorization ?? '');
    const [basicId, basicSecret] = basic ? Buffer.from(basic[1]!, 'base64').toString('utf8').split(':') : [];
    const clientId = f.get('client_id') ?? basicId ?? '';
    const app = getApp(ctx.db, clientId);
    if (!app)
      return oauthError(
        400,
        'unauthorized_client',
        `AADSTS700016: Application with identifier '${clientId}' was not found in the directory.`,
      );
    const scope = f.get('scope') ?? '';
    const target = resolveScope(ctx, scope);
    if (!target)
      return oauthError(
        400,
        'invalid_resource',
        `AADSTS500011: The resource principal named ${scope} was not found in the tenant.`,
      );
    const grant = f.get('grant_type');

    if (grant === 'client_credentials') {
      const secret = f.get('client_secret') ?? basicSecret;
      if (secret !== app.secret)
        return oauthError(401, 'invalid_client', 'AADSTS7000215: Invalid client secret provided.');
      if (!target.names.every((n) => n === '.default'))
        return oauthError(
          400,
          'invalid_scope',
          'AADSTS1002012: The provided value for scope is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier.',
        );
      const roles = target.aud === GRAPH_AUDIENCE ? app.graphRoles : [];
      const t = await issueAccessToken(tokenIssuer, {
        aud: target.aud,
        appId: app.appId,
        appDisplayName: app.displayName,
        oid: app.servicePrincipalId,
        roles,
      });
      return {
        status: 200,
        body: {
          token_type: 'Bearer',
          expires_in: t.expiresIn,
          ext_expires_in: t.expiresIn,
          access_token: t.token,
        },
      };
    }

    if (grant === 'password') {
      // Local demo users only: the emulator has no passwords; any non-empty one is accepted (docs/emulator.md).
      const user = getUser(ctx.db, f.get('username') ?? '');
      if (!user || !f.get('password'))
        return oauthError(
          400,
          'invalid_grant',
          'AADSTS50126: Error validating credentials due to invalid username or password.',
        );
      let scp = target.names.filter((n) => n !== '.default');
      if (target.names.includes('.default'))
        scp = target.aud === GRAPH_AUDIENCE ? app.graphScopes : ['access_as_user'];
      const t = await issueAccessToken(tokenIssuer, {
        aud: target.aud,
        appId: app.appId,
        appDisplayName: app.displayName,
        oid: user.id,
        user: { upn: user.userPrincipalName, name: user.displayName },
        scp,
      });
      return {
        status: 200,
        body: {
          token_type: 'Bearer',
          scope: scp.join(' '),
          expires_in: t.expiresIn,
          ext_expires_in: t.expiresIn,
          access_token: t.token,
        },
      };
    }
    return oauthError(
      400,
      'unsupported_grant_type',
      `AADSTS70003: The app requested an unsupported grant type '${grant ?? ''}'.`,
    );
  });
}
