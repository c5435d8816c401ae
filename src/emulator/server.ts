import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { lifecycle, type ClockPort } from './admin/lifecycle';
import { formatRequestLine } from './admin/request-log';
import { defaultConfig, GRAPH_AUDIENCE, type EmulatorOverrides } from './config';
import type { EmulatorContext, EmulatorModule } from './context';
import { errorResponse, GraphError } from './http/errors';
import { Router } from './http/router';
import type { EmuRequest, EmuResponse } from './http/types';
import { ensureDirectoryTables } from './identity/directory-store';
import { identityModule, identityPort } from './identity/identity-module';
import { loadOrCreateSigningKey } from './identity/keys';
import { verifyBearer } from './identity/tokens';
import { kvGet, kvSet, openDatabase } from './store/db';
import { loadOrCreateTls } from './tls/certificates';

export interface RunningEmulator {
  url: string;
  ctx: EmulatorContext;
  /** HTTPS mode only: the local CA certificate clients must trust (`NODE_EXTRA_CA_CERTS`), and whether it is new. */
  tls?: { caPath: string; created: boolean };
  close(): Promise<void>;
}

const JSON_TYPE =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

/** Modules beyond identity, in registration order. Each owns its tables and routes. */
export type ModuleList = EmulatorModule[];

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function lowerHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers))
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function send(
  res: ServerResponse,
  r: EmuResponse,
  requestId: string,
  clientRequestId: string | undefined,
): void {
  if (r.reset) {
    res.socket?.destroy();
    return;
  }
  const headers: Record<string, string> = {
    'request-id': requestId,
    'client-request-id': clientRequestId ?? requestId,
    'cache-control': 'no-cache',
    ...r.headers,
  };
  let payload: Buffer | undefined;
  if (Buffer.isBuffer(r.body)) payload = r.body;
  else if (r.body !== undefined) {
    payload = Buffer.from(JSON.stringify(r.body));
    headers['content-type'] ??= JSON_TYPE;
  }
  if (payload) headers['content-length'] = String(payload.length);
  res.writeHead(r.status, headers);
  res.end(payload);
}

/**
 * Starts the local Microsoft 365 emulator: identity (always) plus the given modules, on one HTTP server.
 * `/v1.0/...` is Microsoft Graph (every call authenticated); everything else is identity or the emulator's own
 * admin API (`/_emulator/...`), which does not exist in the Graph namespace.
 */
export async function startEmulator(
  overrides: EmulatorOverrides = {},
  modules: ModuleList = [],
  options: { clock?: () => Date } = {},
): Promise<RunningEmulator> {
  const config = defaultConfig(overrides);
  if (process.env.NODE_ENV === 'production') {
    throw new Error(
      'The Microsoft 365 emulator refuses to start with NODE_ENV=production: it is for local use and tests only.',
    );
  }
  const db = openDatabase(config.dataDir);
  ensureDirectoryTables(db);
  let baseUrl = '';
  // The admin API shifts time for tests and the local clock control; the offset is data (kept across restarts).
  const baseClock = options.clock ?? (() => new Date());
  let clockOffsetMs = Number(kvGet(db, 'emulator.clockOffsetMs') ?? 0) || 0;
  const graph = new Router();
  const root = new Router();
  const ctx: EmulatorContext = {
    db,
    config,
    baseUrl: () => baseUrl,
    now: () => new Date(baseClock().getTime() + clockOffsetMs),
    graph,
    root,
    graphMiddlewares: [],
    ports: {},
    dispatchGraph: async (req) => {
      const run = async (i: number): Promise<EmuResponse> => {
        const mw = ctx.graphMiddlewares[i];
        if (mw) return mw(req, () => run(i + 1));
        try {
          const { handler, params } = graph.match(req.method, req.path);
          return await handler(req, params);
        } catch (e) {
          if (e instanceof GraphError)
            return errorResponse(e, req.requestId, req.headers['client-request-id']);
          throw e;
        }
      };
      return run(0);
    },
  };
  ctx.ports.clock = {
    offsetMs: () => clockOffsetMs,
    setOffsetMs(ms) {
      clockOffsetMs = ms;
      kvSet(db, 'emulator.clockOffsetMs', String(ms));
    },
    reload() {
      clockOffsetMs = Number(kvGet(db, 'emulator.clockOffsetMs') ?? 0) || 0;
    },
  } satisfies ClockPort;
  identityModule(ctx, await loadOrCreateSigningKey(db));
  for (const mod of modules) mod(ctx);
  for (const hook of lifecycle(ctx).afterStart) await hook();

  const handle: RequestListener = (req, res) => {
    const started = performance.now();
    const requestId = randomUUID();
    const headers = lowerHeaders(req);
    const clientRequestId = headers['client-request-id'];
    const url = new URL(req.url ?? '/', baseUrl);
    const method = (req.method ?? 'GET').toUpperCase();
    void (async () => {
      let response: EmuResponse;
      try {
        // Like Entra ID for single-page apps: the token, discovery and key endpoints answer cross-origin calls
        // (the local tab redeems its sign-in code from the browser). Graph itself is not called from browsers here.
        const cors = corsHeadersFor(url.pathname, headers.origin);
        if (method === 'OPTIONS' && cors) {
          send(res, { status: 204, headers: cors }, requestId, clientRequestId);
          return;
        }
        const body = await readBody(req);
        const m = /^\/v1\.0(\/.*)?$/.exec(url.pathname);
        if (m) {
          const principal = await verifyBearer(
            identityPort(ctx).issuer,
            headers.authorization,
            GRAPH_AUDIENCE,
          );
          const path = decodeURIComponent(m[1] ?? '/');
          response = await ctx.dispatchGraph({
            method,
            path,
            query: url.searchParams,
            headers,
            body,
            principal,
            graphBase: `${baseUrl}/v1.0`,
            requestId,
          });
        } else {
          // The admin API has no authentication: it only answers callers on this machine.
          if (/^\/_emulator(\/|$)/.test(url.pathname) && !isLoopbackAddress(req.socket.remoteAddress))
            throw new GraphError(
              403,
              'accessDenied',
              'The emulator admin API only answers loopback callers.',
            );
          const { handler, params } = root.match(method, decodeURIComponent(url.pathname));
          response = await handler(
            {
              method,
              path: url.pathname,
              query: url.searchParams,
              headers,
              body,
              principal: anonymous,
              graphBase: `${baseUrl}/v1.0`,
              requestId,
            },
            params,
          );
        }
      } catch (e) {
        if (e instanceof GraphError) response = errorResponse(e, requestId, clientRequestId);
        else {
          console.error(`[emulator] ${method} ${url.pathname} failed:`, e);
          response = errorResponse(
            new GraphError(500, 'generalException', 'An unexpected error occurred.'),
            requestId,
            clientRequestId,
          );
        }
      }
      const cors = corsHeadersFor(url.pathname, headers.origin);
      if (cors) response = { ...response, headers: { ...response.headers, ...cors } };
      send(res, response, requestId, clientRequestId);
      if (config.log)
        console.log(
          formatRequestLine({
            time: new Date(),
            method,
            path: `${url.pathname}${url.search}`,
            status: response.reset ? 'RESET' : response.status,
            ms: performance.now() - started,
            requestId,
          }),
        );
    })();
  };
  // HTTPS mode: everything (Graph, identity, admin, upload and download URLs, Bot Connector) on one TLS server with
  // a certificate from the local CA in DATA_DIR/tls; every absolute URL is built from baseUrl, so it says https too.
  const tls = config.https ? loadOrCreateTls(config.dataDir, config.host) : undefined;
  const server = tls
    ? createHttpsServer({ cert: tls.certPem, key: tls.keyPem }, handle)
    : createServer(handle);
  server.keepAliveTimeout = 30_000;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (e) {
    db.close();
    throw e;
  }
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  baseUrl = `${tls ? 'https' : 'http'}://${host}:${port}`;
  return {
    url: baseUrl,
    ctx,
    ...(tls ? { tls: { caPath: tls.caPath, created: tls.created } } : {}),
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      db.close();
    },
  };
}

/** Loopback peers only: 127.0.0.0/8, ::1 and their IPv4-mapped IPv6 forms. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4 === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

const anonymous = {
  kind: 'app',
  oid: '',
  appId: '',
  tid: '',
  scopes: [],
  roles: [],
} as const satisfies EmuRequest['principal'];

/** Cross-origin access for the identity endpoints a browser calls directly (token, keys, metadata). */
function corsHeadersFor(path: string, origin: string | undefined): Record<string, string> | undefined {
  if (!origin || !/\/oauth2\/v2\.0\/token$|\/discovery\/v2\.0\/keys$|openid-configuration$/.test(path))
    return undefined;
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-allow-headers': 'content-type, authorization',
    'access-control-max-age': '600',
    vary: 'origin',
  };
}
