import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batch, chunkRequests, type BatchRequest } from '../../src/graph/batch';
import { delta, isDeleted } from '../../src/graph/delta';
import { DeltaExpiredError } from '../../src/graph/errors';
import { and, buildQuery, eq, expandFields, startswith } from '../../src/graph/odata';
import { LIST_ITEMS_MAX_TOP, pageAll } from '../../src/graph/paging';
import { provision } from '../../src/graph/provision';
import { schemaAt } from '../../src/graph/schema';
import { startGraphFixture, type GraphFixture } from './support';

let fx: GraphFixture;
let now = new Date('2026-11-26T08:00:00Z');
let items: string;
let list: string;
beforeAll(async () => {
  fx = await startGraphFixture({ clock: () => now });
  const lists = schemaAt(1).filter((l) => l.name === 'Settings' || l.name === 'Journal');
  await provision(fx.graph, { site: fx.siteId, lists, version: 1 });
  list = `/sites/${encodeURIComponent(fx.siteId)}/lists/Journal`;
  items = `${list}/items`;
});
afterAll(() => fx.emu.close());

interface Item {
  id: string;
  fields: Record<string, string>;
}

const TRICKY = [
  "O'Brien",
  "''",
  '50%',
  '%27',
  '#1',
  'a&b=c',
  'a/b\\c',
  'a+b c',
  '?x',
  'é ✓ 日本 🎓',
  "' or 1 eq 1 or 'a' eq '",
  "x' or fields/Key ne 'x",
  ')) or ((true',
];

describe('escaping', () => {
  it('finds each item with a tricky key exactly, and an injection fragment matches nothing else', async () => {
    const settings = `/sites/${encodeURIComponent(fx.siteId)}/lists/Settings/items`;
    for (const key of TRICKY) await fx.graph.post(settings, { fields: { Key: key, Value: `v:${key}` } });
    await fx.graph.post(settings, { fields: { Key: 'x', Value: 'bystander' } });
    for (const key of TRICKY) {
      const found = await fx.graph.get<{ value: Item[] }>(
        `${settings}${buildQuery({ filter: eq('fields/Key', key), expand: expandFields(['Key', 'Value']) })}`,
      );
      expect(
        found.value.map((i) => i.fields.Key),
        key,
      ).toEqual([key]);
    }
    const prefixed = await fx.graph.get<{ value: Item[] }>(
      `${settings}${buildQuery({ filter: startswith('fields/Key', "'"), expand: expandFields(['Key']) })}`,
    );
    expect(prefixed.value.map((i) => i.fields.Key).sort()).toEqual(["''", "' or 1 eq 1 or 'a' eq '"].sort());
    const none = await fx.graph.get<{ value: Item[] }>(
      `${settings}${buildQuery({ filter: and(eq('fields/Key', "x' or fields/Key eq 'x"), startswith('fields/Key', 'x')) })}`,
    );
    expect(none.value).toEqual([]);
  });
});

describe('batch', () => {
  it('chunks by 20 keeping dependsOn groups together', () => {
    const reqs = Array.from({ length: 45 }, (_, i) => ({
      id: `r${i}`,
      dependsOn: i % 10 === 5 ? [`r${i - 1}`] : [],
    }));
    const chunks = chunkRequests(reqs);
    // Graph takes a batch fully parallel or fully sequential: each pair is its own sequential chunk.
    expect(chunks.map((c) => `${c.requests.length}${c.sequential ? 's' : 'p'}`).sort()).toEqual(
      ['17p', '20p', '2s', '2s', '2s', '2s'].sort(),
    );
    for (const r of reqs.filter((x) => x.dependsOn.length))
      expect(chunks.find((c) => c.requests.includes(r))!.requests).toContain(
        reqs.find((x) => x.id === r.dependsOn[0]),
      );
    expect(() =>
      chunkRequests(Array.from({ length: 21 }, (_, i) => ({ id: `${i}`, dependsOn: i ? [`${i - 1}`] : [] }))),
    ).toThrow(RangeError);
  });

  it('creates 450 items in 23 batches, then pages through them', async () => {
    const reqs: BatchRequest[] = Array.from({ length: 450 }, (_, i) => ({
      method: 'POST',
      url: `${items}`,
      body: { fields: { Key: `page-${i}`, EntryType: 'feedback', Body: `n${i}` } },
      retrySafe: true,
    }));
    fx.events.length = 0;
    const results = await batch(fx.graph, reqs);
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect(fx.events.filter((e) => e.url.endsWith('/$batch'))).toHaveLength(23);

    fx.events.length = 0;
    const all = await pageAll<Item>(fx.graph, `${items}?$expand=fields`, { top: 100 });
    expect(all).toHaveLength(450);
    expect(new Set(all.map((i) => i.fields.Key)).size).toBe(450);
    expect(fx.events).toHaveLength(5);

    fx.events.length = 0;
    expect(await pageAll(fx.graph, items, { top: LIST_ITEMS_MAX_TOP })).toHaveLength(450);
    expect(fx.events).toHaveLength(1);
  });

  it('re-batches throttled sub-requests after their Retry-After and honours dependsOn', async () => {
    await fx.admin('PUT', '/_emulator/faults', {
      seed: 3,
      rules: [{ path: '/lists/Journal/items$', method: 'POST', throttle: 0.5, retryAfter: 1, count: 6 }],
    });
    const reqs: BatchRequest[] = Array.from({ length: 30 }, (_, i) => ({
      id: `b${i}`,
      method: 'POST',
      url: items,
      body: { fields: { Key: `rebatch-${i}`, EntryType: 'absence' } },
      retrySafe: true,
      ...(i % 3 === 2 ? { dependsOn: [`b${i - 1}`] } : {}),
    }));
    fx.events.length = 0;
    const started = Date.now();
    const results = await batch(fx.graph, reqs);
    await fx.admin('DELETE', '/_emulator/faults');
    expect(results.map((r) => r.status)).toEqual(reqs.map(() => 201));
    expect(results.map((r) => r.id)).toEqual(reqs.map((r) => r.id));
    const batches = fx.events.filter((e) => e.url.endsWith('/$batch'));
    expect(batches.length).toBeGreaterThan(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    const keys = (
      await pageAll<Item>(
        fx.graph,
        `${items}${buildQuery({ filter: startswith('fields/Key', 'rebatch-'), expand: expandFields(['Key']) })}`,
      )
    ).map((i) => i.fields.Key);
    expect(keys.sort()).toEqual(reqs.map((_, i) => `rebatch-${i}`).sort());
  });
});

describe('delta', () => {
  it('returns changes since a token, and DeltaExpiredError once the token is too old', async () => {
    const first = await delta(fx.graph, list);
    expect(first.changes.length).toBeGreaterThanOrEqual(480);
    const created = await fx.graph.post<{ id: string }>(items, {
      fields: { Key: 'delta-new', EntryType: 'visit' },
    });
    await fx.graph.delete(`${items}/${first.changes[0]!.id}`);
    const second = await delta(fx.graph, list, first.token);
    expect(second.changes.find((c) => c.id === created.id)?.fields?.Key).toBe('delta-new');
    expect(second.changes.filter(isDeleted).map((c) => c.id)).toEqual([first.changes[0]!.id]);
    const third = await delta(fx.graph, list, second.token);
    expect(third.changes).toEqual([]);

    now = new Date(now.getTime() + 31 * 24 * 3600_000);
    await expect(delta(fx.graph, list, third.token)).rejects.toBeInstanceOf(DeltaExpiredError);
    // Resync from scratch works (the app token was refreshed after the emulator's clock jump: 401 → new token).
    expect((await delta(fx.graph, list)).changes.length).toBeGreaterThanOrEqual(480);
  });
});
