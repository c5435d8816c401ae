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
  bearer.setNext(new HTTPMessageHandler());
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
    ...(body === undefined ? {} : { body: body instanceof Uint8Array ? body : JSON.stringify(body) }),
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
