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
    ...(body === undefined
      ? {}
      : { body: body instanceof Uint8Array ? (body as Uint8Array<ArrayBuffer>) : JSON.stringify(body) }),
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

/** The Stages site as Stagemap provisions it, for the drives, uploads and sharing tests (issue #3). */
export interface StagesFixture {
  siteId: string;
  /** Drive ids of the libraries. */
  stagemap: string;
  confidential: string;
  finalWorks: string;
  stagemapListId: string;
  users: Record<'coordinator' | 'mentorA' | 'mentorB' | 'intern' | 'staff', DirectoryUser>;
  appToken: string;
  tokens: Record<'coordinator' | 'mentorA' | 'mentorB' | 'intern' | 'staff', string>;
}

/**
 * Provisions the site through the emulator's admin API (what a tenant admin does: site, Sites.Selected grant,
 * site and library roles) and Graph (what the app does: libraries and the DocumentType column). Needs the
 * SharePoint and drives modules.
 */
export async function stagesFixture(emu: RunningEmulator): Promise<StagesFixture> {
  const mk = (n: number, upn: string, displayName: string) =>
    addUser(emu, { id: `00000000-0000-4000-8000-00000000000${n}`, userPrincipalName: upn, displayName });
  const users = {
    coordinator: mk(1, 'coordinator@stagemap.local', 'Cora Coordinator'),
    mentorA: mk(2, 'mentor.a@stagemap.local', 'Mia Mentor'),
    mentorB: mk(3, 'mentor.b@stagemap.local', 'Max Mentor'),
    intern: mk(4, 'intern@stagemap.local', 'Ivo Intern'),
    staff: mk(5, 'staff@stagemap.local', 'Sam Staff'),
  };
  const ok = async (r: Promise<Awaited<ReturnType<typeof raw>>>) => {
    const res = await r;
    if (res.status >= 300) throw new Error(`fixture: ${res.status} ${res.text}`);
    return res.json;
  };
  const site = await ok(
    raw(emu, 'POST', '/_emulator/sites', null, { path: '/sites/Stages', displayName: 'Stages' }),
  );
  const siteId = site.id as string;
  const enc = encodeURIComponent(siteId);
  await ok(
    raw(emu, 'POST', `/_emulator/sites/${enc}/grants`, null, { appId: LOCAL_APP_ID, roles: ['fullcontrol'] }),
  );
  await ok(
    raw(emu, 'PUT', `/_emulator/sites/${enc}/roles`, null, {
      principalId: users.coordinator.id,
      role: 'owner',
    }),
  );
  const app = await appToken(emu);
  const library = async (displayName: string) =>
    (await ok(
      raw(emu, 'POST', `/v1.0/sites/${siteId}/lists`, app, {
        displayName,
        list: { template: 'documentLibrary' },
        columns: [
          {
            name: 'DocumentType',
            indexed: true,
            choice: { choices: ['agreement', 'infofiche', 'evaluation', 'other'] },
          },
        ],
      }),
    )) as { id: string };
  const stagemapList = await library('Stagemap');
  const confidentialList = await library('Stagemap-Confidential');
  const finalWorksList = await library('Final works');
  const roles = (listId: string, assignments: { principalId: string; role: string }[]) =>
    ok(
      raw(emu, 'PUT', `/_emulator/sites/${enc}/lists/${listId}/roles`, null, { inherit: false, assignments }),
    );
  const owner = { principalId: users.coordinator.id, role: 'owner' };
  await roles(stagemapList.id, [owner]);
  await roles(confidentialList.id, [owner]);
  await roles(finalWorksList.id, [owner, { principalId: 'everyone', role: 'visitor' }]);
  const driveOf = async (listId: string) =>
    ((await ok(raw(emu, 'GET', `/v1.0/sites/${siteId}/lists/${listId}/drive`, app))) as { id: string }).id;
  const tokens = {
    coordinator: await userToken(emu, users.coordinator.userPrincipalName),
    mentorA: await userToken(emu, users.mentorA.userPrincipalName),
    mentorB: await userToken(emu, users.mentorB.userPrincipalName),
    intern: await userToken(emu, users.intern.userPrincipalName),
    staff: await userToken(emu, users.staff.userPrincipalName),
  };
  return {
    siteId,
    stagemap: await driveOf(stagemapList.id),
    confidential: await driveOf(confidentialList.id),
    finalWorks: await driveOf(finalWorksList.id),
    stagemapListId: stagemapList.id,
    users,
    appToken: app,
    tokens,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Directory, mail, batch, throttling and operation helpers.

/** Calls the emulator's admin API (no token) and returns status and JSON. */
export const admin = (emu: RunningEmulator, method: string, path: string, body?: unknown) =>
  raw(emu, method, `/_emulator${path}`, null, body);

/** A delegated Graph token with exactly the given scopes (the password grant grants what is asked). */
export const scopedUserToken = (emu: RunningEmulator, upn: string, scopes: string[]): Promise<string> =>
  userToken(emu, upn, scopes.map((s) => `https://graph.microsoft.com/${s}`).join(' '));

/** Registers an extra app with the given Graph application roles and returns its app-only token. */
export async function appTokenWithRoles(
  emu: RunningEmulator,
  appId: string,
  roles: string[],
): Promise<string> {
  const r = await admin(emu, 'PUT', `/apps/${appId}`, {
    secret: 's3cret',
    graphRoles: roles,
    displayName: appId,
  });
  if (r.status >= 300) throw new Error(`app registration failed: ${r.status} ${r.text}`);
  return tokenRequest(emu, {
    grant_type: 'client_credentials',
    client_id: appId,
    client_secret: 's3cret',
    scope: 'https://graph.microsoft.com/.default',
  });
}

/** A SharePoint site (granted to the Stagemap app) with one list of `Title` items, through the real API. */
export async function provisionSimpleList(
  emu: RunningEmulator,
  token: string,
  name = 'Moments',
): Promise<{ siteId: string; listId: string; itemsPath: string }> {
  const site = await admin(emu, 'POST', '/sites', { path: `/sites/${name}Site` });
  const siteId = site.json.id as string;
  await admin(emu, 'POST', `/sites/${siteId}/grants`, { appId: LOCAL_APP_ID, roles: ['write'] });
  const list = await raw(emu, 'POST', `/v1.0/sites/${siteId}/lists`, token, {
    displayName: name,
    list: { template: 'genericList' },
    columns: [{ name: 'Seq', number: {}, indexed: true }],
  });
  if (list.status !== 201) throw new Error(`list creation failed: ${list.status} ${list.text}`);
  const listId = list.json.id as string;
  return { siteId, listId, itemsPath: `/v1.0/sites/${siteId}/lists/${listId}/items` };
}

export interface SpawnedEmulator {
  url: string;
  proc: { kill(signal?: NodeJS.Signals): boolean; pid?: number | undefined };
  stdout: string[];
  stderr: string[];
  exited: Promise<number | null>;
}

/**
 * Starts `src/emulator/main.ts` as a child process (as `npm run emulator` does) and waits for its
 * "listening on <url>" line. PORT defaults to 0 (any free port).
 */
export async function spawnEmulator(env: Record<string, string>): Promise<SpawnedEmulator> {
  const { spawn } = await import('node:child_process');
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/emulator/main.ts'], {
    env: { ...process.env, PORT: '0', NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    let buf = '';
    proc.stdout!.on('data', (chunk: Buffer) => {
      buf += chunk.toString('utf8');
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        stdout.push(line);
        const m = /listening on (http:\/\/\S+)/.exec(line);
        if (m) resolve(m[1]!);
      }
    });
    proc.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString('utf8')));
    void exited.then((code) => reject(new Error(`emulator exited with ${code}: ${stderr.join('')}`)));
  });
  return { url, proc, stdout, stderr, exited };
}

/** raw() against a spawned emulator (it is not a RunningEmulator object). */
export const rawAt = (url: string, method: string, path: string, token: string | null, body?: unknown) =>
  raw({ url } as RunningEmulator, method, path, token, body);
