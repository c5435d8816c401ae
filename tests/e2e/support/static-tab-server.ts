import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.png': 'image/png',
};

/**
 * Serves the built tab (dist/app) under /tab/ with a given config.json, plus extra pages (a simulated Teams host):
 * enough to test how the tab boots without the API server.
 */
export async function serveTab(
  config: unknown,
  pages: Record<string, string> = {},
): Promise<{ url: string; server: Server; pages: Record<string, string>; close(): Promise<void> }> {
  const root = new URL('../../../dist/app/', import.meta.url).pathname;
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (pages[path]) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pages[path]);
      return;
    }
    if (path === '/tab/config.json') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(config));
      return;
    }
    if (!path.startsWith('/tab/')) return void res.writeHead(404).end();
    const rel = normalize(path.slice('/tab/'.length) || 'index.html');
    if (rel.startsWith('..')) return void res.writeHead(400).end();
    try {
      const body = await readFile(join(root, rel));
      res.writeHead(200, { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(200, { 'content-type': TYPES['.html']! }).end(await readFile(join(root, 'index.html')));
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, server, pages, close: () => new Promise<void>((r) => server.close(() => r())) };
}
