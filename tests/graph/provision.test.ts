import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildQuery, eq, expandFields } from '../../src/graph/odata';
import { provision } from '../../src/graph/provision';
import { LISTS, SCHEMA_VERSION, schemaAt } from '../../src/graph/schema';
import { addUser, userToken } from '../emulator/support';
import { startGraphFixture, type GraphFixture } from './support';

let fx: GraphFixture;
beforeAll(async () => {
  fx = await startGraphFixture();
});
afterAll(() => fx.emu.close());

interface Col {
  name: string;
  displayName: string;
  indexed: boolean;
  enforceUniqueValues: boolean;
}

const lines: string[] = [];

describe('provisioning', () => {
  it('provisions an older schema, keeps its data through the upgrade, and writes nothing the second time', async () => {
    // v1: a subset (no Leases list, no v2 columns).
    const v1 = await provision(fx.graph, { site: fx.siteUrl, lists: schemaAt(1), version: 1 });
    expect(v1.createdLists).toEqual(schemaAt(1).map((l) => l.name));
    expect(v1.createdLists).not.toContain('Leases');

    const internships = `/sites/${encodeURIComponent(fx.siteId)}/lists/Internships/items`;
    const created = await fx.graph.post<{ id: string }>(internships, {
      fields: {
        Title: 'INT-1',
        Key: 'int-1',
        Phase: 'execution',
        Service: "Dienst P&O / HR's",
        StartDate: '2026-02-02',
      },
    });

    // Upgrade to the current schema by URL, as the CLI does.
    fx.counter.reset();
    const up = await provision(fx.graph, { site: fx.siteUrl, progress: (l) => lines.push(l) });
    // Exactly the lists introduced after v1 (Leases, Conversations…), in schema order.
    expect(up.createdLists).toEqual(LISTS.filter((l) => l.since > 1).map((l) => l.name));
    expect(up.createdLists).toContain('Leases');
    // And the columns added later to the v1 lists (v2's, then v3's such as Stagemap.PublishedAs), in schema order.
    const laterColumns = LISTS.flatMap((l) =>
      l.since === 1 ? l.columns.filter((c) => c.since > 1) : [],
    ).map((c) => c.name);
    expect(laterColumns).toContain('PublishedAs');
    expect(up.createdColumns.map((c) => c.split('.')[1])).toEqual(laterColumns);
    expect(up.schemaVersion).toEqual({ before: 1, after: SCHEMA_VERSION });
    expect(fx.counter.snapshot().writes).toBeGreaterThan(0);

    const item = await fx.graph.get<{ fields: Record<string, unknown> }>(
      `${internships}/${created.id}?$expand=fields`,
    );
    expect(item.fields).toMatchObject({ Key: 'int-1', Phase: 'execution', Service: "Dienst P&O / HR's" });

    fx.counter.reset();
    const again = await provision(fx.graph, { site: fx.siteId });
    const counts = fx.counter.snapshot();
    console.log(
      `second provisioning: ${counts.requests} requests, ${counts.writes} writes, ~${counts.units} RU`,
    );
    expect(fx.counter.writeLog()).toEqual([]);
    expect(counts.writes).toBe(0);
    expect(again.createdLists).toEqual([]);
    expect(again.createdColumns).toEqual([]);
    expect(again.indexedColumns).toEqual([]);
  });

  it('prints numbered progress', () => {
    expect(lines[0]).toMatch(/^step 1\/\d+: resolve site/);
    const n = Number(/\/(\d+):/.exec(lines[0]!)![1]);
    expect(lines.filter((l) => l.startsWith('step ')).at(-1)).toMatch(new RegExp(`^step ${n}/${n}: `));
  });

  it('declares every column with its index and the unique Key as in the schema', async () => {
    for (const list of LISTS) {
      const cols = await fx.graph.get<{ value: Col[] }>(
        `/sites/${encodeURIComponent(fx.siteId)}/lists/${encodeURIComponent(list.name)}/columns`,
      );
      for (const c of list.columns) {
        const have = cols.value.find((x) => x.name === c.name);
        expect(have, `${list.name}.${c.name}`).toBeDefined();
        if (c.indexed || c.unique) expect(have!.indexed, `${list.name}.${c.name} indexed`).toBe(true);
        if (c.unique) expect(have!.enforceUniqueValues).toBe(true);
        expect(have!.displayName).toBe(c.title.nl);
      }
    }
  });

  it('adds a missing index with PATCH and nothing else', async () => {
    const base = `/sites/${encodeURIComponent(fx.siteId)}/lists/Moments/columns`;
    const col = (await fx.graph.get<{ value: (Col & { id: string })[] }>(base)).value.find(
      (c) => c.name === 'DueAt',
    )!;
    await fx.graph.patch(`${base}/${col.id}`, { indexed: false });
    fx.counter.reset();
    const r = await provision(fx.graph, { site: fx.siteId });
    expect(r.indexedColumns).toEqual(['Moments.DueAt']);
    expect(fx.counter.snapshot().writes).toBe(1);
  });

  it('refuses a second item with the same Key (idempotency)', async () => {
    const items = `/sites/${encodeURIComponent(fx.siteId)}/lists/Settings/items`;
    const found = await fx.graph.get<{ value: { fields: { Value: string } }[] }>(
      `${items}${buildQuery({ filter: eq('fields/Key', 'schemaVersion'), expand: expandFields(['Value']) })}`,
    );
    expect(found.value.map((v) => v.fields.Value)).toEqual([String(SCHEMA_VERSION)]);
    await expect(
      fx.graph.post(items, { fields: { Key: 'schemaVersion', Value: '0' } }),
    ).rejects.toMatchObject({
      status: 409,
    });
  });

  it('verifies that the confidential library is closed to ordinary members, and says what to do when it is not', async () => {
    const member = addUser(fx.emu, {
      id: '22222222-2222-4222-8222-222222222222',
      userPrincipalName: 'mentor@stagemap.local',
      displayName: 'Mia Mentor',
    });
    const coordinator = addUser(fx.emu, {
      id: '33333333-3333-4333-8333-333333333333',
      userPrincipalName: 'coordinator@stagemap.local',
      displayName: 'Cas Coordinator',
    });
    const site = encodeURIComponent(fx.siteId);
    for (const u of [member, coordinator])
      await fx.admin('PUT', `/_emulator/sites/${site}/roles`, { principalId: u.id, role: 'member' });
    const probe = fx.graphFor(await userToken(fx.emu, member.userPrincipalName));

    const out: string[] = [];
    const before = await provision(fx.graph, { site: fx.siteId, probe, progress: (l) => out.push(l) });
    expect(before.confidential).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/readable by an ordinary member/),
    });
    expect(out.join('\n')).toMatch(
      /NOT IN PLACE[\s\S]*Stop Inheriting Permissions[\s\S]*Set-PnPList -Identity "Stagemap-Confidential" -BreakRoleInheritance/,
    );

    const unverified = await provision(fx.graph, { site: fx.siteId });
    expect(unverified.confidential).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/not verified/),
    });

    // The admin step, as the emulator models it (docs: list unique role assignments through the admin API).
    await fx.admin('PUT', `/_emulator/sites/${site}/lists/Stagemap-Confidential/roles`, {
      inherit: false,
      assignments: [{ principalId: coordinator.id, role: 'member' }],
    });
    fx.counter.reset();
    const after = await provision(fx.graph, { site: fx.siteId, probe });
    expect(after.confidential).toMatchObject({ ok: true });
    expect(fx.counter.snapshot().writes).toBe(0);
    // The coordinator still reads it.
    const asCoordinator = fx.graphFor(await userToken(fx.emu, coordinator.userPrincipalName));
    await expect(asCoordinator.get(`/sites/${site}/lists/Stagemap-Confidential`)).resolves.toBeDefined();
  });
});

describe('upgrade from schema 2', () => {
  it("adds exactly the v3 columns (the lease's pending record, a final work's published copy) and records version 3", async () => {
    const v2 = await startGraphFixture();
    try {
      await provision(v2.graph, { site: v2.siteUrl, lists: schemaAt(2), version: 2 });
      const up = await provision(v2.graph, { site: v2.siteId });
      expect(up.createdLists).toEqual([]);
      expect([...up.createdColumns].sort()).toEqual(['Leases.Pending', 'Stagemap.PublishedAs']);
      expect(up.schemaVersion).toEqual({ before: 2, after: 3 });
      expect(SCHEMA_VERSION).toBe(3);
    } finally {
      await v2.emu.close();
    }
  });
});
