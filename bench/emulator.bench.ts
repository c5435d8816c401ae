/**
 * The local Microsoft 365 emulator under load, on a 5,000-item SharePoint list: paging through it, single-item
 * GET and indexed $filter latency, and single-item GET throughput at concurrency 16 over keep-alive. The emulator
 * runs in its own process (as `npm run emulator`), so the load generator does not share its event loop.
 */
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCAL_APP_ID, LOCAL_APP_SECRET, LOCAL_TENANT_ID } from '../src/emulator/config';
import { percentile, round, type BenchFigure } from './figure';

const ITEMS = 5000;
const CONCURRENCY = 16;
const THROUGHPUT_MS = 4000;

async function startProcess(): Promise<{ url: string; stop: () => void }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/emulator/main.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      NODE_ENV: 'test',
      EMULATOR_LOG: '0',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'stagemap-bench-')),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    proc.stdout!.on('data', (c: Buffer) => {
      const m = /listening on (http:\/\/\S+)/.exec(c.toString());
      if (m) resolve(m[1]!);
    });
    proc.on('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
  });
  return { url, stop: () => proc.kill('SIGTERM') };
}

export default async function bench(): Promise<BenchFigure[]> {
  const emu = await startProcess();
  try {
    const call = async (method: string, path: string, token: string | null, body?: unknown) => {
      const r = await fetch(`${emu.url}${path}`, {
        method,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await r.text();
      if (r.status >= 400) throw new Error(`${method} ${path} → ${r.status} ${text.slice(0, 200)}`);
      return (text ? JSON.parse(text) : undefined) as Record<string, unknown>;
    };
    // Measured, not throttled: the real budget (1,250 RU/min) would stop a 5,000-item load after ~600 writes.
    await call('PUT', '/_emulator/throttling', null, { enabled: false });
    const tok = await fetch(`${emu.url}/${LOCAL_TENANT_ID}/oauth2/v2.0/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: LOCAL_APP_ID,
        client_secret: LOCAL_APP_SECRET,
        scope: 'https://graph.microsoft.com/.default',
      }),
    });
    const token = ((await tok.json()) as { access_token: string }).access_token;
    const site = await call('POST', '/_emulator/sites', null, { path: '/sites/Bench' });
    const siteId = site.id as string;
    await call('POST', `/_emulator/sites/${siteId}/grants`, null, { appId: LOCAL_APP_ID, roles: ['write'] });
    const list = await call('POST', `/v1.0/sites/${siteId}/lists`, token, {
      displayName: 'Moments',
      list: { template: 'genericList' },
      columns: [
        { name: 'Seq', number: {}, indexed: true },
        { name: 'State', choice: { choices: ['planned', 'sent', 'answered'] }, indexed: true },
      ],
    });
    const items = `/v1.0/sites/${siteId}/lists/${list.id as string}/items`;
    const relItems = items.slice('/v1.0'.length);

    // Load through $batch (20 creates per batch, 4 batches in flight).
    const loadStarted = performance.now();
    const batches = Array.from({ length: ITEMS / 20 }, (_, b) => b);
    const loader = async () => {
      for (let b = batches.shift(); b !== undefined; b = batches.shift()) {
        const res = await call('POST', '/v1.0/$batch', token, {
          requests: Array.from({ length: 20 }, (_, i) => ({
            id: String(i),
            method: 'POST',
            url: relItems,
            headers: { 'content-type': 'application/json' },
            body: {
              fields: {
                Title: `Moment ${b * 20 + i}`,
                Seq: b * 20 + i,
                State: ['planned', 'sent', 'answered'][i % 3],
              },
            },
          })),
        });
        const failed = (res.responses as { status: number }[]).filter((r) => r.status !== 201);
        if (failed.length) throw new Error(`batch load failed: ${JSON.stringify(failed[0])}`);
      }
    };
    await Promise.all(Array.from({ length: 4 }, loader));
    const loadMs = performance.now() - loadStarted;

    // Page through everything with the service's default page size.
    await call('DELETE', '/_emulator/stats', null);
    let pages = 0;
    let seen = 0;
    const pageStarted = performance.now();
    let next: string | undefined = `${items}?expand=fields`;
    while (next) {
      const page = await call('GET', next, token);
      pages++;
      seen += (page.value as unknown[]).length;
      next = (page['@odata.nextLink'] as string | undefined)?.slice(emu.url.length);
    }
    const pageMs = performance.now() - pageStarted;
    if (seen !== ITEMS) throw new Error(`paged ${seen} items, expected ${ITEMS}`);
    const pagingRu = ((await call('GET', '/_emulator/stats', null)).total as { resourceUnits: number })
      .resourceUnits;

    const timed = async (n: number, path: (i: number) => string) => {
      const samples: number[] = [];
      for (let i = 0; i < n; i++) {
        const t = performance.now();
        await call('GET', path(i), token);
        samples.push(performance.now() - t);
      }
      return samples;
    };
    const pick = (i: number) => 1 + ((i * 7919) % ITEMS);
    const single = await timed(600, (i) => `${items}/${pick(i)}`);
    const filtered = await timed(
      400,
      (i) => `${items}?$filter=${encodeURIComponent(`fields/Seq eq ${pick(i) - 1}`)}&expand=fields`,
    );

    // Throughput: 16 workers over 16 keep-alive connections. node:http rather than fetch: fetch's per-request
    // cost in this (client) process would otherwise be what is measured, the emulator sitting half idle.
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const { hostname, port } = new URL(emu.url);
    const get = (path: string) =>
      new Promise<void>((resolve, reject) => {
        const req = request(
          { agent, hostname, port, path, headers: { authorization: `Bearer ${token}` } },
          (res) => {
            if (res.statusCode !== 200) reject(new Error(`GET ${path} → ${res.statusCode}`));
            res
              .on('data', () => {})
              .on('end', resolve)
              .on('error', reject);
          },
        );
        req.on('error', reject).end();
      });
    let done = 0;
    const until = performance.now() + THROUGHPUT_MS;
    const tpStarted = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async (_, w) => {
        for (let i = w; performance.now() < until; i += CONCURRENCY) {
          await get(`${items}/${pick(i)}`);
          done++;
        }
      }),
    );
    agent.destroy();
    const rps = done / ((performance.now() - tpStarted) / 1000);

    return [
      { name: 'emulator: load 5,000 items via $batch', value: round(loadMs / 1000, 1), unit: 's' },
      { name: 'emulator: page through 5,000 items, requests', value: pages, unit: 'requests' },
      { name: 'emulator: page through 5,000 items, wall time', value: round(pageMs), unit: 'ms' },
      { name: 'emulator: page through 5,000 items, resource units', value: pagingRu, unit: 'RU' },
      { name: 'emulator: single-item GET p50', value: round(percentile(single, 50)), unit: 'ms' },
      { name: 'emulator: single-item GET p95', value: round(percentile(single, 95)), unit: 'ms' },
      { name: 'emulator: indexed $filter query p50', value: round(percentile(filtered, 50)), unit: 'ms' },
      {
        name: 'emulator: indexed $filter query p95',
        value: round(percentile(filtered, 95)),
        unit: 'ms',
        goal: '<= 20',
      },
      {
        name: 'emulator: single-item GET throughput (c=16)',
        value: Math.round(rps),
        unit: 'req/s',
        goal: '>= 2000',
      },
    ];
  } finally {
    emu.stop();
  }
}
