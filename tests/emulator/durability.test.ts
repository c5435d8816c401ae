import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCAL_APP_ID, LOCAL_APP_SECRET, LOCAL_TENANT_ID } from '../../src/emulator/config';
import { rawAt, spawnEmulator, tempDataDir } from './support';

async function appTokenAt(url: string): Promise<string> {
  const r = await fetch(`${url}/${LOCAL_TENANT_ID}/oauth2/v2.0/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: LOCAL_APP_ID,
      client_secret: LOCAL_APP_SECRET,
      scope: 'https://graph.microsoft.com/.default',
    }),
  });
  return ((await r.json()) as { access_token: string }).access_token;
}

describe('durability', () => {
  it('keeps every acknowledged list item after kill -9 mid-stream, and the database stays intact', async () => {
    const dataDir = tempDataDir();
    const first = await spawnEmulator({ DATA_DIR: dataDir, EMULATOR_LOG: '0' });
    const acked: number[] = [];
    let items = '';
    try {
      // Writes, not the throttling budget, are under test here.
      await rawAt(first.url, 'PUT', '/_emulator/throttling', null, { enabled: false });
      const token = await appTokenAt(first.url);
      const site = await rawAt(first.url, 'POST', '/_emulator/sites', null, { path: '/sites/Durable' });
      const siteId = site.json.id as string;
      await rawAt(first.url, 'POST', `/_emulator/sites/${siteId}/grants`, null, {
        appId: LOCAL_APP_ID,
        roles: ['write'],
      });
      const list = await rawAt(first.url, 'POST', `/v1.0/sites/${siteId}/lists`, token, {
        displayName: 'Stream',
        list: { template: 'genericList' },
        columns: [{ name: 'Seq', number: {}, indexed: true }],
      });
      expect(list.status).toBe(201);
      items = `/v1.0/sites/${siteId}/lists/${list.json.id as string}/items`;

      // Eight writers in parallel; the process is killed while writes are in flight.
      let seq = 0;
      let stop = false;
      const writer = async () => {
        while (!stop) {
          const n = seq++;
          try {
            const r = await rawAt(first.url, 'POST', items, token, { fields: { Title: `w${n}`, Seq: n } });
            if (r.status === 201) acked.push(n);
          } catch {
            return; // connection refused or reset: the process is gone
          }
        }
      };
      const writers = Array.from({ length: 8 }, writer);
      while (acked.length < 200) await new Promise((resolve) => setTimeout(resolve, 5));
      first.proc.kill('SIGKILL');
      stop = true;
      await Promise.all(writers);
      expect(await first.exited).toBeNull();
    } finally {
      first.proc.kill('SIGKILL');
    }

    // Integrity of the file as the killed process left it (WAL and all).
    const db = new Database(join(dataDir, 'm365.sqlite'));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();

    const second = await spawnEmulator({ DATA_DIR: dataDir, EMULATOR_LOG: '0' });
    try {
      await rawAt(second.url, 'PUT', '/_emulator/throttling', null, { enabled: false });
      const token = await appTokenAt(second.url);
      const stored = new Set<number>();
      let next: string | undefined = `${items}?$top=500&expand=fields(select=Seq)`;
      while (next) {
        const page = await rawAt(second.url, 'GET', next, token);
        expect(page.status).toBe(200);
        for (const it of page.json.value as { fields: { Seq: number } }[]) stored.add(it.fields.Seq);
        const link = page.json['@odata.nextLink'] as string | undefined;
        next = link?.slice(second.url.length);
      }
      const lost = acked.filter((n) => !stored.has(n));
      expect(lost).toEqual([]);
      expect(stored.size).toBeGreaterThanOrEqual(acked.length);
    } finally {
      second.proc.kill('SIGTERM');
      await second.exited;
    }
  });
});
