import { createHash, randomBytes } from 'node:crypto';
import { GRAPH_AUDIENCE, LOCAL_API_ID_URI, LOCAL_APP_ID, LOCAL_APP_SECRET } from '../config';
import type { EmulatorContext } from '../context';
import type { EmuRequest, EmuResponse } from '../http/types';
import { errorPage, formPostPage, userPickerPage } from './authorize-page';
import { BOT_FRAMEWORK_AUDIENCE, BOT_FRAMEWORK_TENANT, BOT_FRAMEWORK_TENANT_ID } from './bot-framework';
import {
  getApp,
  getAppByIdentifierUri,
  getUser,
  listUsers,
  upsertApp,
  type AppRegistration,
  type DirectoryUser,
} from './directory-store';
import type { SigningKey } from './keys';
import { issueAccessToken, issueIdToken, type TokenIssuer } from './tokens';

/** Port published for other modules: the issuer used to validate Graph calls. */
export interface IdentityPort {
  issuer: TokenIssuer;
  /** Issuer of the `botframework.com` tenant (multi-tenant bots' Bot Connector tokens); same key, own `iss`/`tid`. */
  botFrameworkIssuer: TokenIssuer;
}

export const identityPort = (ctx: EmulatorContext): IdentityPort => ctx.ports.identity as IdentityPort;

/**
 * Registers the Stagemap app in the local tenant; its Graph permissions mirror a real tenant's and are refreshed
 * at every start (the registration is code, not data), keeping its secret and service principal.
 */
export function ensureLocalApp(ctx: EmulatorContext): AppRegistration {
  const existing = getApp(ctx.db, LOCAL_APP_ID);
  return upsertApp(ctx.db, {
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
    // The tab (signed-in user): own profile, people picker (basic profiles), sites and files, mail.
    graphScopes: [
      'User.Read',
      'User.ReadBasic.All',
      'Sites.ReadWrite.All',
      'Files.ReadWrite.All',
      'Mail.Send',
    ],
    servicePrincipalId: existing?.servicePrincipalId ?? '9a0e3c11-6a2d-4f7b-9b55-0d6c7b9e5001',
    ...(existing?.redirectUris ? { redirectUris: existing.redirectUris } : {}),
  });
}

/** OAuth2 errors use the identity platform's shape, not Graph's; the AADSTS number goes in error_codes. */
function oauthError(status: number, error: string, description: string): EmuResponse {
  const code = /^AADSTS(\d+)/.exec(description)?.[1];
  return {
    status,
    body: {
      error,
      error_description: description,
      error_codes: [code ? Number(code) : 900144],
      timestamp: new Date()
        .toISOString()
        .replace('T', ' ')
        .replace(/\.\d+Z$/, 'Z'),
      trace_id: crypto.randomUUID(),
      correlation_id: crypto.randomUUID(),
    },
  };
}

function form(req: EmuRequest): URLSearchParams {
  return new URLSearchParams(req.body.toString('utf8'));
}

const OIDC_SCOPES = ['openid', 'profile', 'offline_access', 'email'];

/** Maps a requested scope list to an audience and the scopes/roles to grant. */
function resolveScope(ctx: EmulatorContext, scope: string) {
  const scopes = scope
    .split(' ')
    .filter(Boolean)
    .filter((s) => !OIDC_SCOPES.includes(s));
  const first = scopes[0] ?? '';
  const graphPrefix = `${GRAPH_AUDIENCE}/`;
  // The Bot Connector is a resource of its own (no app registration in the tenant), as in Entra ID.
  if (first.startsWith(`${BOT_FRAMEWORK_AUDIENCE}/`))
    return { aud: BOT_FRAMEWORK_AUDIENCE, names: scopes.map((s) => s.slice(s.lastIndexOf('/') + 1)) };
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

/** Loopback redirect URIs are always accepted locally (any port, as Entra allows for native apps). */
function redirectAllowed(app: AppRegistration, uri: string): boolean {
  if (app.redirectUris?.includes(uri)) return true;
  try {
    const u = new URL(uri);
    return (
      (u.protocol === 'http:' || u.protocol === 'https:') &&
      ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname)
    );
  } catch {
    return false;
  }
}

interface PendingCode {
  clientId: string;
  redirectUri: string;
  scope: string;
  userId: string;
  nonce: string | null;
  codeChallenge: string | null;
  expiresAt: number;
  redeemed: boolean;
}

interface RefreshGrant {
  clientId: string;
  userId: string;
  scope: string;
  expiresAt: number;
}

const AUTH_CODE_LIFETIME_MS = 10 * 60_000;
const REFRESH_LIFETIME_MS = 24 * 3600_000;
const html = (status: number, body: string): EmuResponse => ({
  status,
  headers: { 'content-type': 'text/html; charset=utf-8', 'x-frame-options': 'DENY' },
  body: Buffer.from(body),
});

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
  const botFrameworkIssuer: TokenIssuer = {
    get issuer() {
      return `${ctx.baseUrl()}/${BOT_FRAMEWORK_TENANT_ID}/v2.0`;
    },
    tenantId: BOT_FRAMEWORK_TENANT_ID,
    key,
    lifetimeSeconds: ctx.config.tokenLifetimeSeconds,
    now: () => ctx.now(),
  };
  ctx.ports.identity = { issuer: tokenIssuer, botFrameworkIssuer } satisfies IdentityPort;
  ensureLocalApp(ctx);
  // Codes and refresh tokens live in memory: a restart signs everyone out, which a local emulator may do.
  const codes = new Map<string, PendingCode>();
  const refreshTokens = new Map<string, RefreshGrant>();

  const openIdConfiguration = (): EmuResponse => ({
    status: 200,
    body: {
      issuer: issuer(),
      token_endpoint: `${ctx.baseUrl()}${tenantPath}/oauth2/v2.0/token`,
      authorization_endpoint: `${ctx.baseUrl()}${tenantPath}/oauth2/v2.0/authorize`,
      jwks_uri: `${ctx.baseUrl()}${tenantPath}/discovery/v2.0/keys`,
      response_types_supported: ['code', 'id_token', 'token id_token'],
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      code_challenge_methods_supported: ['S256'],
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

  // -------------------------------------------------------------------------------------------------------------
  // Authorization endpoint: a user picker instead of a password form, then a redirect with a code (PKCE S256).

  const authorizePath = `${tenantPath}/oauth2/v2.0/authorize`;

  const redirectWith = (params: URLSearchParams, fields: Record<string, string>): EmuResponse => {
    const redirectUri = params.get('redirect_uri')!;
    const state = params.get('state');
    const all = { ...fields, ...(state !== null ? { state } : {}) };
    const mode = params.get('response_mode') ?? 'query';
    if (mode === 'form_post') return html(200, formPostPage(redirectUri, all));
    const url = new URL(redirectUri);
    const qs = new URLSearchParams(all).toString();
    const location =
      mode === 'fragment'
        ? `${url.href.split('#')[0]}#${qs}`
        : (() => {
            for (const [k, v] of Object.entries(all)) url.searchParams.set(k, v);
            return url.href;
          })();
    return { status: 302, headers: { location } };
  };

  /** Checks that must pass before anything is redirected anywhere (an error page otherwise). */
  const checkClient = (params: URLSearchParams): EmuResponse | AppRegistration => {
    const clientId = params.get('client_id') ?? '';
    const app = getApp(ctx.db, clientId);
    if (!app)
      return html(
        400,
        errorPage(
          'AADSTS700016',
          `Application with identifier '${clientId}' was not found in the directory.`,
        ),
      );
    const redirectUri = params.get('redirect_uri') ?? '';
    if (!redirectAllowed(app, redirectUri))
      return html(
        400,
        errorPage(
          'AADSTS50011',
          `The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${clientId}'.`,
        ),
      );
    return app;
  };

  /** Errors about the request itself go back to the client app, as OAuth 2.0 says. */
  const requestError = (params: URLSearchParams): EmuResponse | undefined => {
    const fail = (error: string, description: string) =>
      redirectWith(params, { error, error_description: description });
    if (!(params.get('response_type') ?? '').split(' ').includes('code'))
      return fail('unsupported_response_type', 'AADSTS700054: response_type must include code.');
    const method = params.get('code_challenge_method');
    if (params.get('code_challenge') && method !== null && method !== 'S256')
      return fail(
        'invalid_request',
        `AADSTS501491: Invalid code_challenge_method '${method}': only S256 is supported.`,
      );
    if (!resolveScope(ctx, params.get('scope') ?? ''))
      return fail(
        'invalid_resource',
        `AADSTS500011: The resource principal named ${params.get('scope')} was not found in the tenant.`,
      );
    return undefined;
  };

  const issueCode = (params: URLSearchParams, app: AppRegistration, user: DirectoryUser): EmuResponse => {
    const code = randomBytes(32).toString('base64url');
    codes.set(code, {
      clientId: app.appId,
      redirectUri: params.get('redirect_uri')!,
      scope: params.get('scope') ?? '',
      userId: user.id,
      nonce: params.get('nonce'),
      codeChallenge: params.get('code_challenge'),
      expiresAt: ctx.now().getTime() + AUTH_CODE_LIFETIME_MS,
      redeemed: false,
    });
    return redirectWith(params, { code, session_state: user.id });
  };

  ctx.root.get(authorizePath, (req) => {
    const params = req.query;
    const app = checkClient(params);
    if (!('appId' in app)) return app;
    const error = requestError(params);
    if (error) return error;
    const hint = params.get('login_hint');
    const hinted = hint ? getUser(ctx.db, hint) : undefined;
    // prompt=none is the silent renewal MSAL does in a hidden frame: it must never show UI.
    if (params.get('prompt') === 'none') {
      if (!hinted)
        return redirectWith(params, {
          error: 'login_required',
          error_description: 'AADSTS50058: A silent sign-in request was sent but no user is signed in.',
        });
      return issueCode(params, app, hinted);
    }
    return html(200, userPickerPage(authorizePath, params, listUsers(ctx.db)));
  });

  ctx.root.post(authorizePath, (req) => {
    const params = form(req);
    const app = checkClient(params);
    if (!('appId' in app)) return app;
    const error = requestError(params);
    if (error) return error;
    const user = getUser(ctx.db, params.get('login_hint') ?? '');
    if (!user)
      return html(
        400,
        userPickerPage(
          authorizePath,
          params,
          listUsers(ctx.db),
          'That account does not exist in this tenant. Pick another.',
        ),
      );
    return issueCode(params, app, user);
  });

  // -------------------------------------------------------------------------------------------------------------
  // Token endpoint.

  /** Access token (+ ID token with openid, + refresh token with offline_access) for a user of a client app. */
  const userTokens = async (
    app: AppRegistration,
    user: DirectoryUser,
    scope: string,
    f: URLSearchParams,
    nonce?: string | null,
  ) => {
    const target = resolveScope(ctx, scope);
    if (!target)
      return oauthError(
        400,
        'invalid_resource',
        `AADSTS500011: The resource principal named ${scope} was not found in the tenant.`,
      );
    if (target.aud === BOT_FRAMEWORK_AUDIENCE)
      return oauthError(
        400,
        'invalid_scope',
        'AADSTS65005: The Bot Framework API only accepts app-only (client credentials) tokens.',
      );
    let scp = target.names.filter((n) => n !== '.default');
    if (target.names.includes('.default') || scp.length === 0)
      scp = target.aud === GRAPH_AUDIENCE ? app.graphScopes : ['access_as_user'];
    const t = await issueAccessToken(tokenIssuer, {
      aud: target.aud,
      appId: app.appId,
      appDisplayName: app.displayName,
      oid: user.id,
      user: { upn: user.userPrincipalName, name: user.displayName },
      scp,
    });
    const requested = scope.split(' ');
    const body: Record<string, unknown> = {
      token_type: 'Bearer',
      scope: [
        ...scp.map((s) => (target.aud === GRAPH_AUDIENCE ? s : `${target.aud}/${s}`)),
        ...requested.filter((s) => OIDC_SCOPES.includes(s)),
      ].join(' '),
      expires_in: t.expiresIn,
      ext_expires_in: t.expiresIn,
      access_token: t.token,
    };
    if (requested.includes('openid'))
      body.id_token = await issueIdToken(tokenIssuer, {
        clientId: app.appId,
        oid: user.id,
        upn: user.userPrincipalName,
        name: user.displayName,
        nonce: nonce ?? null,
      });
    if (requested.includes('offline_access')) {
      const rt = randomBytes(32).toString('base64url');
      refreshTokens.set(rt, {
        clientId: app.appId,
        userId: user.id,
        scope,
        expiresAt: ctx.now().getTime() + REFRESH_LIFETIME_MS,
      });
      body.refresh_token = rt;
    }
    if (f.get('client_info') === '1')
      body.client_info = Buffer.from(JSON.stringify({ uid: user.id, utid: ctx.config.tenantId })).toString(
        'base64url',
      );
    return { status: 200, body } satisfies EmuResponse;
  };

  /**
   * The botframework.com tenant: what multi-tenant bots (and the Teams SDK by default) ask for their Bot Connector
   * token. Only client credentials for the Bot Framework scope; the token's issuer and `tid` are that tenant's.
   */
  ctx.root.post(`/${BOT_FRAMEWORK_TENANT}/oauth2/v2.0/token`, async (req) => {
    const f = form(req);
    const basic = /^Basic\s+(.+)$/i.exec(req.headers.authorization ?? '');
    const [basicId, basicSecret] = basic ? Buffer.from(basic[1]!, 'base64').toString('utf8').split(':') : [];
    const clientId = f.get('client_id') ?? basicId ?? '';
    const app = getApp(ctx.db, clientId);
    if (!app)
      return oauthError(
        400,
        'unauthorized_client',
        `AADSTS700016: Application with identifier '${clientId}' was not found in the directory '${BOT_FRAMEWORK_TENANT}'.`,
      );
    if (f.get('grant_type') !== 'client_credentials')
      return oauthError(
        400,
        'unsupported_grant_type',
        `AADSTS70003: The app requested an unsupported grant type '${f.get('grant_type') ?? ''}'.`,
      );
    if ((f.get('client_secret') ?? basicSecret) !== app.secret)
      return oauthError(401, 'invalid_client', 'AADSTS7000215: Invalid client secret provided.');
    const scope = f.get('scope') ?? '';
    if (resolveScope(ctx, scope)?.aud !== BOT_FRAMEWORK_AUDIENCE)
      return oauthError(
        400,
        'invalid_resource',
        `AADSTS500011: The resource principal named ${scope} was not found in the tenant named ${BOT_FRAMEWORK_TENANT}.`,
      );
    if (!scope.split(' ').every((s) => !s || s.endsWith('/.default')))
      return oauthError(
        400,
        'invalid_scope',
        'AADSTS1002012: The provided value for scope is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier.',
      );
    const t = await issueAccessToken(botFrameworkIssuer, {
      aud: BOT_FRAMEWORK_AUDIENCE,
      appId: app.appId,
      appDisplayName: app.displayName,
      oid: app.servicePrincipalId,
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
  });

  ctx.root.post(`${tenantPath}/oauth2/v2.0/token`, async (req) => {
    const f = form(req);
    const basic = /^Basic\s+(.+)$/i.exec(req.headers.authorization ?? '');
    const [basicId, basicSecret] = basic ? Buffer.from(basic[1]!, 'base64').toString('utf8').split(':') : [];
    const clientId = f.get('client_id') ?? basicId ?? '';
    const secret = f.get('client_secret') ?? basicSecret;
    const app = getApp(ctx.db, clientId);
    if (!app)
      return oauthError(
        400,
        'unauthorized_client',
        `AADSTS700016: Application with identifier '${clientId}' was not found in the directory.`,
      );
    const grant = f.get('grant_type');

    if (grant === 'authorization_code') {
      const code = codes.get(f.get('code') ?? '');
      if (!code)
        return oauthError(
          400,
          'invalid_grant',
          "AADSTS70000: The provided value for the 'code' parameter is not valid.",
        );
      if (code.redeemed)
        return oauthError(
          400,
          'invalid_grant',
          'AADSTS54005: OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.',
        );
      if (code.expiresAt <= ctx.now().getTime())
        return oauthError(
          400,
          'invalid_grant',
          'AADSTS70008: The provided authorization code or refresh token has expired due to inactivity.',
        );
      if (code.clientId !== app.appId)
        return oauthError(
          400,
          'invalid_grant',
          "AADSTS70000: The provided value for the 'code' parameter is not valid. The code was issued to a different client.",
        );
      if (code.redirectUri !== f.get('redirect_uri'))
        return oauthError(
          400,
          'invalid_grant',
          'AADSTS50148: The redirect_uri does not match the one used in the authorization request.',
        );
      if (secret !== undefined && secret !== app.secret)
        return oauthError(401, 'invalid_client', 'AADSTS7000215: Invalid client secret provided.');
      if (code.codeChallenge) {
        const verifier = f.get('code_verifier') ?? '';
        const computed = createHash('sha256').update(verifier).digest('base64url');
        if (computed !== code.codeChallenge)
          return oauthError(
            400,
            'invalid_grant',
            'AADSTS501481: The Code_Verifier does not match the code_challenge supplied in the authorization request.',
          );
      } else if (secret === undefined)
        // A public client (the tab) must prove it started the flow: PKCE or nothing.
        return oauthError(
          400,
          'invalid_request',
          'AADSTS9002325: Proof Key for Code Exchange is required for cross-origin authorization code redemption.',
        );
      code.redeemed = true;
      const user = getUser(ctx.db, code.userId);
      if (!user)
        return oauthError(
          400,
          'invalid_grant',
          'AADSTS50034: The user account does not exist in the directory.',
        );
      // The access token is for the resource of the `scope` sent now, as the identity platform allows.
      return userTokens(app, user, f.get('scope') ?? code.scope, f, code.nonce);
    }

    if (grant === 'refresh_token') {
      const rt = refreshTokens.get(f.get('refresh_token') ?? '');
      if (!rt || rt.clientId !== app.appId || rt.expiresAt <= ctx.now().getTime())
        return oauthError(
          400,
          'invalid_grant',
          'AADSTS70008: The provided authorization code or refresh token has expired due to inactivity.',
        );
      const user = getUser(ctx.db, rt.userId);
      if (!user)
        return oauthError(
          400,
          'invalid_grant',
          'AADSTS50034: The user account does not exist in the directory.',
        );
      return userTokens(app, user, f.get('scope') ?? rt.scope, f);
    }

    const scope = f.get('scope') ?? '';
    const target = resolveScope(ctx, scope);
    if (!target)
      return oauthError(
        400,
        'invalid_resource',
        `AADSTS500011: The resource principal named ${scope} was not found in the tenant.`,
      );

    if (grant === 'client_credentials') {
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
      return userTokens(app, user, scope, f);
    }
    return oauthError(
      400,
      'unsupported_grant_type',
      `AADSTS70003: The app requested an unsupported grant type '${grant ?? ''}'.`,
    );
  });
}
