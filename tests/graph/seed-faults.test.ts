import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildQuery, expandFields } from '../../src/graph/odata';
import { pageAll } from '../../src/graph/paging';
import type { ListRepository } from '../../src/graph/repositories/list-repository';
import { realSleep } from '../../src/graph/retry-policy';
import { seedDemo } from '../../src/graph/seed/demo-seed';
import { admin } from '../emulator/support';
import { startRepoFixture, type RepoFixture } from './repositories/support';

/**
 * Provisioning plus a 500-internship seed under injected faults: 20% 429 (Retry-After 1 s), 5% 503 and 2%
 * connection resets AFTER the write committed. Waits honour Retry-After only up to a cap (the policy's injected
 * sleep): the test is about correctness under faults, not about waiting; attempts are raised so that no request
 * runs out of them at these rates.
 */
const FAULTS = { seed: 4242, rules: [{ throttle: 0.2, unavailable: 0.05, resetAfter: 0.02, retryAfter: 1 }] };
const retry = {
  maxAttempts: 25,
  baseDelayMs: 10,
  maxDelayMs: 50,
  sleep: (ms: number, signal?: AbortSignal) => realSleep(Math.min(ms, 50), signal),
};

let fx: RepoFixture;
let provisionMs = 0;
beforeAll(async () => {
  const t = performance.now();
  // Faults are on before the site is provisioned: setupLocalSite runs under them too.
  fx = await startRepoFixture({
    retry,
    concurrency: 8,
    beforeSetup: (emu) => admin(emu, 'PUT', '/faults', FAULTS).then(() => {}),
  });
  provisionMs = performance.now() - t;
}, 120_000);
afterAll(() => fx.emu.close());

describe('seeding 500 internships under faults', () => {
  it('completes, and every item exists exactly once', async () => {
    const t = performance.now();
    const report = await seedDemo(fx.repos, fx.folders, {
      today: '2026-11-26',
      internships: 500,
      concurrency: 12,
    });
    const seedMs = performance.now() - t;
    const injected = (await admin(fx.emu, 'GET', '/faults')).json.injected as Record<string, number>;
    await fx.faults(null);
    const check = async (
      repo: ListRepository<{ id: string; key: string }>,
      planned: readonly { key: string }[],
    ) => {
      const items = await pageAll<{ fields?: { Key?: string } }>(
        fx.graph,
        `/sites/${encodeURIComponent(fx.site.siteId)}/lists/${repo.list}/items${buildQuery({ expand: expandFields(['Key']), top: 5000 })}`,
      );
      const keys = items.map((i) => i.fields?.Key ?? '');
      expect(keys.length, repo.list).toBe(planned.length);
      expect(new Set(keys).size, repo.list).toBe(planned.length);
      expect([...keys].sort(), repo.list).toEqual(planned.map((p) => p.key).sort());
      return keys.length;
    };
    const p = report.plan;
    const counts = {
      internships: await check(fx.repos.internships as never, p.internships),
      moments: await check(fx.repos.moments as never, p.moments),
      checklistItems: await check(fx.repos.checklistItems as never, p.checklistItems),
      evaluations: await check(fx.repos.evaluations as never, p.evaluations),
      journal: await check(fx.repos.journal as never, p.journal),
      assignments: await check(fx.repos.assignments as never, p.assignments),
      applications: await check(fx.repos.applications as never, p.applications),
      partners: await check(fx.repos.partners as never, p.partners),
    };
    // Documents: each planned file once, in the right folder, with its type (a final work is handed in there too).
    const sample = p.internships.filter((i) => p.documents.has(i.key)).slice(0, 25);
    const finalWorks = new Set(p.finalWorks.map((w) => w.internshipKey));
    for (const i of sample) {
      const docs = await fx.folders.documents(i.key);
      expect(docs.map((d) => d.documentType).sort()).toEqual(
        [
          ...p.documents.get(i.key)!.map((d) => d.documentType),
          ...(finalWorks.has(i.key) ? ['finalWork' as const] : []),
        ].sort(),
      );
    }
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    console.log(
      `fault test: provisioning ${(provisionMs / 1000).toFixed(1)} s, seed ${(seedMs / 1000).toFixed(1)} s; ` +
        `${total} list items (${JSON.stringify(counts)}), ${report.folders.uploaded} documents; injected ${JSON.stringify(injected)}; ` +
        `${fx.events.length} requests on the wire`,
    );
    expect(injected.throttle).toBeGreaterThan(100);
    expect(injected.resetAfter).toBeGreaterThan(10);
  }, 300_000);
});
