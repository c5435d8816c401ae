import { Client, HTTPMessageHandler, type Context, type Middleware } from '@microsoft/microsoft-graph-client';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCAL_APP_ID, LOCAL_APP_SECRET, LOCAL_TENANT_ID } from '../../src/emulator/config';
import type { EmulatorModule } from '../../src/emulator/context';
import { upsertUser, type DirectoryUser } from '../../src/emulator/identity/directory-store';
import { EMULATOR_MODULES } from '../../src/emulator/modules';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server';

export const tempDataDir = (): string => mkdtempSync(join(tmpdir(), 'stagemap-emu-'));

/** A fresh emulator on a free loopback port with its own data directory. */
export async function startTestEmulator(
  opts: { modules?: EmulatorModule[]; clock?: () => Date; dataDir?: string } = {},
): Promise<RunningEmulator> {
  return startEmulator(
    { port: 0, dataDir: opts.dataDir ?? tempDataDir() },
    opts.modules ?? EMULATOR_MODULES,
    {
      ...(opts.clock ? { clock: opts.clock } : {}),
    },
  );
}

export function addUser(
  emu: RunningEmulator,
  u: Partial<DirectoryUser> & { id: string; userPrincipalName: string; displayName: string },
): DirectoryUser {
  return upsertUser(emu.ctx.db, {
    givenName: null,
    surname: null,
    mail: u.userPrincipalName,
    jobTitle: null,
    department: null,
    officeLocation: null,
    preferredLanguage: null,
    mobilePhone: null,
    businessPhones: [],
    ...u,
  });
}

async function tokenRequest(emu: RunningEmulator, params: Record<string, string>): Promise<string> {
  const res = await fetch(`${emu.url}/${LOCAL_TENANT_ID}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(params),
  });
  const body = (await res.json()) as { access_token?: string; error_description?: string };
  if (!res.ok || !body.access_token)
    throw new Error(`token request failed: ${res.status} ${body.error_description}`);
  return body.access_token;
}

/** The Stagemap app's own Graph token (client credentials). */
export const appToken = (emu: RunningEmulator): Promise<string> =>
  tokenRequest(emu, {
    grant_type: 'client_credentials',
    client_id: LOCAL_APP_ID,
    client_secret: LOCAL_APP_SECRET,
    scope: 'https://graph.microsoft.com/.default',
  });

/** A delegated Graph token for a directory user (resource-owner password grant; the emulator has no passwords). */
export const userToken = (
  emu: RunningEmulator,
  upn: string,
  scope = 'https://graph.microsoft.com/.default',
): Promise<string> =>
  tokenRequest(emu, {
    grant_type: 'password',
    client_id: LOCAL_APP_ID,
    username: upn,
    password: 'local',
    scope,
  });

/**
 * The official Graph client pointed at the emulator. Its default AuthenticationHandler only attaches tokens to
 * https Graph hosts, so over plain http we give it a one-line bearer middleware before the SDK's HTTP handler.
 */
export function graphClient(emu: RunningEmulator, token: string): Client {
  const bearer: Middleware & { next?: Middleware } = {
    async execute(context: Context) {
      const headers = new Headers((context.options?.headers as HeadersInit | undefined) ?? {});
      headers.set('Authorization', `Bearer ${token}`);
      context.options = { ...context.options, headers };
      await bearer.next!.execute(context);
    },
    setNext(next: Middleware) {
      bearer.next = next;
    },
  };
  bearer.setNext!(new HTTPMessageHandler());
  return Client.initWithMiddleware({ baseUrl: `${emu.url}/`, defaultVersion: 'v1.0', middleware: bearer });
}

/** Raw HTTP to the emulator, for asserting exact status codes, headers and bodies. */
export async function raw(
  emu: RunningEmulator,
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const res = await fetch(`${emu.url}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined && !(body instanceof Uint8Array) ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    ...(body === undefined ? {} : { body: body instanceof Uint8Array ? (body as Uint8Array<ArrayBuffer>) : JSON.stringify(body) }),
  });
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON */
  }
  return {
    status: res.status,
    headers: res.headers,
    text,
    json: json as Record<string, unknown> & { error?: { code: string; message: string } },
  };
}

/**
 * Registers another app in the local tenant with the given Graph application permissions and returns a
 * client-credentials token for it (e.g. an admin tool holding Sites.FullControl.All).
 */
export async function otherAppToken(
  emu: RunningEmulator,
  app: { appId: string; displayName: string; graphRoles: string[] },
): Promise<string> {
  const { upsertApp } = await import('../../src/emulator/identity/directory-store');
  const secret = `secret-${app.appId}`;
  upsertApp(emu.ctx.db, {
    appId: app.appId,
    displayName: app.displayName,
    secret,
    identifierUri: null,
    graphRoles: app.graphRoles,
    graphScopes: [],
    servicePrincipalId: `sp-${app.appId}`,
  });
  const res = await fetch(`${emu.url}/${LOCAL_TENANT_ID}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: app.appId,
      client_secret: secret,
      scope: 'https://graph.microsoft.com/.default',
    }),
  });
  const body = (await res.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`token request failed: ${res.status}`);
  return body.access_token;
}

/**
 * Like graphClient, for code that follows absolute URLs the service hands out (upload sessions, download URLs).
 * Two things the SDK does differently over plain http, corrected here and nowhere else:
 * - `client.api(url)` only recognises absolute `https://` URLs; an `http://` one is appended to the base URL
 *   (`…/v1.0/http://host/…`), so we undo that join;
 * - the SDK's AuthenticationHandler attaches the token to Graph hosts only, never to an upload URL on another
 *   host; the emulator serves both on one host, so we attach the bearer to `/v1.0/` URLs only, as the SDK would.
 */
export function graphClientFollowingUrls(emu: RunningEmulator, token: string): Client {
  const fix: Middleware & { next?: Middleware } = {
    async execute(context: Context) {
      if (typeof context.request === 'string') {
        const m = /^https?:\/\/[^/]+\/v1\.0\/(https?:\/\/.+)$/.exec(context.request);
        if (m) context.request = m[1]!;
      }
      const url = typeof context.request === 'string' ? context.request : context.request.url;
      const headers = new Headers((context.options?.headers as HeadersInit | undefined) ?? {});
      if (new URL(url).pathname.startsWith('/v1.0/')) headers.set('Authorization', `Bearer ${token}`);
      else headers.delete('Authorization');
      context.options = { ...context.options, headers };
      await fix.next!.execute(context);
    },
    setNext(next: Middleware) {
      fix.next = next;
    },
  };
  fix.next = new HTTPMessageHandler();
  return Client.initWithMiddleware({ baseUrl: `${emu.url}/`, defaultVersion: 'v1.0', middleware: fix });
}
