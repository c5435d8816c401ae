import type { Client } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_APP_ID } from '../../src/emulator/config';
import type { Principal } from '../../src/emulator/http/types';
import type { RunningEmulator } from '../../src/emulator/server';
import type { SharePointPort } from '../../src/emulator/sharepoint/ports';
import { sharepointModule } from '../../src/emulator/sharepoint/sharepoint-module';
import { addUser, appToken, graphClient, raw, startTestEmulator } from './support';

const PREFER = { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' };
const NON_INDEXED_MSG = (f: string) =>
  `Field '${f}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`;

let emu: RunningEmulator;
let now = new Date('2026-11-26T08:00:00Z');
let token: string;
let client: Client;
let siteId: string;
let listId: string;
let partnersId: string;
let base: string;
let mentorLookupId: number;
const ANN = {
  id: '11111111-1111-4111-8111-111111111111',
  userPrincipalName: 'an.peeters@stagemap.local',
  displayName: 'An Peeters',
};

type Item = { id: string; eTag: string; fields: Record<string, unknown> };
const create = async (fields: Record<string, unknown>, list = listId): Promise<Item> =>
  client.api(`/sites/${siteId}/lists/${list}/items`).post({ fields });
const ids = (r: { json: Record<string, unknown> }) => (r.json.value as { id: string }[]).map((i) => i.id);

beforeAll(async () => {
  emu = await startTestEmulator({ clock: () => now, modules: [sharepointModule] });
  addUser(emu, ANN);
  siteId = (await raw(emu, 'POST', '/_emulator/sites', null, { path: '/sites/Stages' })).json.id as string;
  await raw(emu, 'POST', `/_emulator/sites/${siteId}/grants`, null, {
    appId: LOCAL_APP_ID,
    roles: ['write'],
  });
  token = await appToken(emu);
  client = graphClient(emu, token);
  partnersId = (
    await client
      .api(`/sites/${siteId}/lists`)
      .post({ displayName: 'Partners', list: { template: 'genericList' } })
  ).id;
  listId = (
    await client.api(`/sites/${siteId}/lists`).post({
      displayName: 'Internships',
      list: { template: 'genericList' },
      columns: [
        { name: 'Status', choice: { choices: ['request', 'preparation', 'execution'] }, indexed: true },
        { name: 'StartDate', dateTime: {}, indexed: true },
        { name: 'Hours', number: {} },
        { name: 'Code', text: {}, indexed: true, enforceUniqueValues: true },
        { name: 'Mentor', personOrGroup: {}, indexed: true },
        { name: 'Partner', lookup: { listId: partnersId, columnName: 'Title' } },
        { name: 'Consent', boolean: {}, indexed: true },
        { name: 'Secret', text: {}, hidden: true },
      ],
    })
  ).id;
  base = `/v1.0/sites/${siteId}/lists/${listId}/items`;
  mentorLookupId = (await raw(emu, 'POST', `/_emulator/sites/${siteId}/ensureUser`, null, { userId: ANN.id }))
    .json.lookupId as number;
});
afterAll(() => emu.close());

describe('list item CRUD', () => {
  it('creates an item and returns it like the service (201, eTag, identity sets, fields)', async () => {
    const r = await raw(emu, 'POST', base, token, {
      fields: {
        Title: 'Intern A',
        Status: 'request',
        Hours: 38,
        StartDate: '2026-12-01T08:00:00Z',
        Code: 'A-1',
      },
    });
    expect(r.status).toBe(201);
    const item = r.json as Record<string, unknown> & { fields: Record<string, unknown> };
    expect(item['@odata.context']).toBe(
      `${emu.url}/v1.0/$metadata#sites('${siteId}')/lists('${listId}')/items/$entity`,
    );
    expect(item.id).toBe('1');
    expect(item.eTag).toMatch(/^"\{[0-9A-F-]{36}\},1"$/);
    expect(item.createdDateTime).toBe('2026-11-26T08:00:00Z');
    expect(item.createdBy).toEqual({
      application: { id: LOCAL_APP_ID, displayName: 'Stagemap' },
      user: { displayName: 'SharePoint App' },
    });
    expect(item.contentType).toMatchObject({ name: 'Item', id: expect.stringMatching(/^0x0100/) });
    expect(item.parentReference).toEqual({ id: listId, siteId });
    expect(item['fields@odata.context']).toMatch(/items\('1'\)\/fields\/\$entity$/);
    expect(item.fields).toMatchObject({
      '@odata.etag': item.eTag,
      id: '1',
      Title: 'Intern A',
      Status: 'request',
      Hours: 38,
      StartDate: '2026-12-01T08:00:00Z',
      ContentType: 'Item',
      AuthorLookupId: '1073741822',
      EditorLookupId: '1073741822',
      _UIVersionString: '1.0',
      Attachments: false,
    });
    expect(item.fields).not.toHaveProperty('Consent'); // empty values are left out
  });

  it('gets one item with its fields, or only selected fields with $expand=fields($select=…)', async () => {
    const full = await client.api(`/sites/${siteId}/lists/${listId}/items/1`).get();
    expect(full.fields.Title).toBe('Intern A');
    expect(full.fields).not.toHaveProperty('Secret');
    const some = await raw(emu, 'GET', `${base}/1?$expand=fields($select=Title,Hours)`, token);
    expect(Object.keys(some.json.fields as object).sort()).toEqual(['@odata.etag', 'Hours', 'Title']);
    const hidden = await raw(emu, 'GET', `${base}/1?expand=fields(select=Secret,Title)`, token);
    expect(hidden.status).toBe(200);
    const listed = await raw(emu, 'GET', `${base}?$select=id,eTag`, token);
    expect(listed.json.value).toEqual([
      { '@odata.etag': expect.any(String), id: '1', eTag: expect.any(String) },
    ]);
    const both = await raw(emu, 'GET', `${base}?$select=id&$expand=fields($select=Title)`, token);
    expect((both.json.value as Record<string, unknown>[])[0]).toMatchObject({
      id: '1',
      fields: { Title: 'Intern A' },
    });
  });

  it('PATCH …/fields returns the fieldValueSet and bumps the eTag version every time', async () => {
    const item = await create({ Title: 'Intern B', Code: 'B-1' });
    const first = await raw(emu, 'PATCH', `${base}/${item.id}/fields`, token, { Hours: 20 });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ Title: 'Intern B', Hours: 20 });
    expect(first.json['@odata.etag']).toMatch(/,2"$/);
    const second = await client
      .api(`/sites/${siteId}/lists/${listId}/items/${item.id}`)
      .patch({ fields: { Hours: 21 } });
    expect(second.eTag).toMatch(/,3"$/);
    expect(second.fields.Hours).toBe(21);
    expect(second.fields._UIVersionString).toBe('3.0');
  });

  it('honours If-Match: a stale eTag answers 412 and changes nothing; * and the current eTag pass', async () => {
    const item = await create({ Title: 'Intern C', Code: 'C-1' });
    const stale = item.eTag;
    await raw(emu, 'PATCH', `${base}/${item.id}/fields`, token, { Hours: 1 });
    const refused = await raw(
      emu,
      'PATCH',
      `${base}/${item.id}/fields`,
      token,
      { Hours: 99 },
      { 'If-Match': stale },
    );
    expect(refused.status).toBe(412);
    expect(refused.json.error?.code).toBe('resourceModified');
    expect((await client.api(`/sites/${siteId}/lists/${listId}/items/${item.id}`).get()).fields.Hours).toBe(
      1,
    );
    const star = await raw(
      emu,
      'PATCH',
      `${base}/${item.id}/fields`,
      token,
      { Hours: 2 },
      { 'If-Match': '*' },
    );
    expect(star.status).toBe(200);
    const current = star.json['@odata.etag'] as string;
    const ok = await raw(
      emu,
      'PATCH',
      `${base}/${item.id}`,
      token,
      { fields: { Hours: 3 } },
      { 'If-Match': current },
    );
    expect(ok.status).toBe(200);
    const delStale = await raw(emu, 'DELETE', `${base}/${item.id}`, token, undefined, {
      'If-Match': current,
    });
    expect(delStale.status).toBe(412);
    const del = await raw(emu, 'DELETE', `${base}/${item.id}`, token, undefined, {
      'If-Match': ok.json.eTag as string,
    });
    expect(del.status).toBe(204);
    const gone = await raw(emu, 'GET', `${base}/${item.id}`, token);
    expect(gone.status).toBe(404);
    expect(gone.json.error?.code).toBe('itemNotFound');
  });

  it('answers 404 for an unknown or malformed item id', async () => {
    for (const id of ['999', 'abc']) {
      const r = await raw(emu, 'GET', `${base}/${id}`, token);
      expect(r.status, id).toBe(404);
      expect(r.json.error?.code).toBe('itemNotFound');
    }
    expect((await raw(emu, 'PATCH', `${base}/999/fields`, token, { Hours: 1 })).status).toBe(404);
    expect((await raw(emu, 'DELETE', `${base}/999`, token)).status).toBe(404);
  });

  it('validates written values: unknown, read-only, wrong type, choice outside the list', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ Nope: 1 }, /Field 'Nope' is not recognized/],
      [{ Created: '2020-01-01T00:00:00Z' }, /read-only/],
      [{ Hours: 'ten' }, /expects a number/],
      [{ StartDate: 'tomorrow' }, /date-time/],
      [{ Status: 'invented' }, /not one of the choices/],
      [{ Mentor: 'An' }, /MentorLookupId/],
    ];
    for (const [fields, msg] of cases) {
      const r = await raw(emu, 'POST', base, token, { fields });
      expect(r.status, JSON.stringify(fields)).toBe(400);
      expect(r.json.error?.message).toMatch(msg);
    }
  });
});

describe('unique values', () => {
  it('refuses a duplicate (case-insensitively) on create and update with 409, and writes nothing', async () => {
    const count = async () => ids(await raw(emu, 'GET', `${base}?$top=5000`, token)).length;
    const before = await count();
    const dup = await raw(emu, 'POST', base, token, { fields: { Title: 'Dup', Code: 'a-1' } });
    expect(dup.status).toBe(409);
    expect(dup.json.error).toMatchObject({
      code: 'nameAlreadyExists',
      message:
        'The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [Code].',
    });
    expect(await count()).toBe(before);
    const other = await create({ Title: 'Unique', Code: 'U-1' });
    const upd = await raw(emu, 'PATCH', `${base}/${other.id}/fields`, token, { Code: 'B-1' });
    expect(upd.status).toBe(409);
    const self = await raw(emu, 'PATCH', `${base}/${other.id}/fields`, token, { Code: 'U-1', Hours: 5 });
    expect(self.status).toBe(200);
  });
});

describe('person and lookup columns', () => {
  it('writes a person as <Name>LookupId (a string) and reads it back the same way', async () => {
    const asNumber = await raw(emu, 'POST', base, token, {
      fields: { Title: 'P', MentorLookupId: mentorLookupId },
    });
    expect(asNumber.status).toBe(400);
    expect(asNumber.json.error).toMatchObject({
      code: 'generalException',
      message: 'General exception while processing',
    });
    const item = await create({ Title: 'With mentor', MentorLookupId: String(mentorLookupId) });
    expect(item.fields.MentorLookupId).toBe(String(mentorLookupId));
    const found = await raw(
      emu,
      'GET',
      `${base}?$expand=fields&$filter=fields/MentorLookupId eq ${mentorLookupId}`,
      token,
    );
    expect(ids(found)).toEqual([item.id]);
  });

  it('resolves an Entra user to a lookup id through the User Information List', async () => {
    const uil = `/v1.0/sites/${siteId}/lists/User Information List/items`;
    const filter = `$expand=fields($select=EMail,UserName,Title)&$filter=fields/EMail eq '${ANN.userPrincipalName}'`;
    const refused = await raw(emu, 'GET', `${uil}?${filter}`, token);
    expect(refused.status).toBe(400);
    const r = await raw(emu, 'GET', `${uil}?${filter}`, token, undefined, PREFER);
    expect(r.status).toBe(200);
    const [entry] = r.json.value as { id: string; fields: Record<string, unknown> }[];
    expect(entry).toMatchObject({
      id: String(mentorLookupId),
      fields: { EMail: ANN.userPrincipalName, UserName: ANN.userPrincipalName, Title: ANN.displayName },
    });
    const write = await raw(emu, 'POST', uil, token, { fields: { Title: 'x' } });
    expect(write.status).toBe(403);
  });

  it('reads a lookup column back as <Name> (the looked-up value) and <Name>LookupId', async () => {
    const partner = await create({ Title: 'KU Leuven' }, partnersId);
    const item = await create({ Title: 'With partner', PartnerLookupId: partner.id });
    expect(item.fields).toMatchObject({ Partner: 'KU Leuven', PartnerLookupId: partner.id });
  });
});

describe('$filter, $orderby, injection', () => {
  beforeAll(async () => {
    await create({
      Title: "O'Brien",
      Status: 'execution',
      StartDate: '2027-02-01T08:00:00Z',
      Code: 'Q-1',
      Consent: true,
    });
    await create({
      Title: "x' or 1 eq 1 or 'y",
      Status: 'execution',
      StartDate: '2027-03-01T08:00:00Z',
      Code: 'Q-2',
    });
    await create({
      Title: 'Zed',
      Status: 'preparation',
      StartDate: '2027-01-01T08:00:00Z',
      Code: 'Q-3',
      Consent: false,
    });
  });
  const titles = (r: { json: Record<string, unknown> }) =>
    (r.json.value as { fields: { Title: string } }[]).map((i) => i.fields.Title);
  const query = (q: string, headers: Record<string, string> = {}) =>
    raw(emu, 'GET', `${base}?$expand=fields&${q}`, token, undefined, headers);

  it('filters on indexed columns with eq, comparisons, and/or/not, parentheses and startswith', async () => {
    expect(titles(await query(`$filter=fields/Status eq 'execution'&$orderby=fields/StartDate`))).toEqual([
      "O'Brien",
      "x' or 1 eq 1 or 'y",
    ]);
    expect(
      titles(
        await query(
          `$filter=fields/StartDate ge 2027-01-15T00:00:00Z and fields/StartDate lt datetime'2027-02-15T00:00:00Z'`,
        ),
      ),
    ).toEqual(["O'Brien"]);
    expect(
      titles(
        await query(
          `$filter=(fields/Status eq 'preparation' or fields/Consent eq true) and not fields/Code eq 'Q-3'`,
        ),
      ),
    ).toEqual(["O'Brien"]);
    expect(titles(await query(`$filter=startswith(fields/Code,'q-')&$orderby=fields/Code desc`))).toEqual([
      'Zed',
      "x' or 1 eq 1 or 'y",
      "O'Brien",
    ]);
    expect(titles(await query(`$filter=fields/Consent eq false`))).toEqual(['Zed']);
    const nulls = await query(`$filter=fields/Status eq null and fields/Code eq 'B-1'`);
    expect(titles(nulls)).toEqual(['Intern B']);
  });

  it("matches quotes literally: 'O''Brien' finds O'Brien and an injection attempt finds only its exact value", async () => {
    // Title is not indexed: allowed with the Prefer header.
    expect(titles(await query(`$filter=fields/Title eq 'O''Brien'`, PREFER))).toEqual(["O'Brien"]);
    expect(titles(await query(`$filter=fields/Title eq 'x'' or 1 eq 1 or ''y'`, PREFER))).toEqual([
      "x' or 1 eq 1 or 'y",
    ]);
    expect(titles(await query(`$filter=fields/Code eq 'none'' or 1 eq 1 or ''z'`))).toEqual([]);
    const enc = await raw(
      emu,
      'GET',
      `${base}?$filter=${encodeURIComponent("fields/Code eq 'Q%2D1'")}`,
      token,
    );
    expect(ids(enc)).toEqual([]); // percent-decoding happens once: %2D stays literal
  });

  it('answers 400 for $filter or $orderby on a non-indexed column without the Prefer header', async () => {
    for (const q of [`$filter=fields/Hours gt 1`, `$orderby=fields/Hours`, `$filter=fields/Title eq 'Zed'`]) {
      const r = await query(q);
      expect(r.status, q).toBe(400);
      expect(r.json.error?.code).toBe('invalidRequest');
      expect(r.json.error?.message).toBe(NON_INDEXED_MSG(q.includes('Title') ? 'Title' : 'Hours'));
      expect((await query(q, PREFER)).status).toBe(200);
    }
    expect((await query(`$filter=fields/ID le 2`)).status).toBe(200);
  });

  it('answers 400 for an unknown field and for a malformed filter', async () => {
    const unknown = await query(`$filter=fields/Nope eq 1`);
    expect(unknown.status).toBe(400);
    expect(unknown.json.error?.message).toMatch(/Field 'Nope' is not recognized/);
    const bad = await query(`$filter=fields/Status eq 'open`);
    expect(bad.status).toBe(400);
    expect(bad.json.error?.code).toBe('invalidRequest');
  });

  it('orders by several keys', async () => {
    const r = await query(
      `$filter=startswith(fields/Code,'Q')&$orderby=fields/Status desc,fields/StartDate asc`,
    );
    expect(titles(r)).toEqual(['Zed', "O'Brien", "x' or 1 eq 1 or 'y"]);
  });
});

describe('paging', () => {
  let bulkId: string;
  beforeAll(async () => {
    const bulk = await client.api(`/sites/${siteId}/lists`).post({
      displayName: 'Bulk',
      list: { template: 'genericList' },
      columns: [{ name: 'N', number: {}, indexed: true }],
    });
    bulkId = bulk.id;
    const port = emu.ctx.ports.sharepoint as SharePointPort;
    const app: Principal = {
      kind: 'app',
      oid: 'x',
      appId: LOCAL_APP_ID,
      tid: '',
      scopes: [],
      roles: ['Sites.Selected'],
    };
    for (let n = 1; n <= 5050; n++)
      port.createListItem(siteId, bulkId, { Title: `Item ${n}`, N: n % 97 }, app);
  });

  it('serves 200 items per page by default and follows @odata.nextLink to the end without gaps', async () => {
    const seen: string[] = [];
    let url: string | undefined = `/v1.0/sites/${siteId}/lists/${bulkId}/items`;
    let pages = 0;
    while (url) {
      const r = await raw(emu, 'GET', url.replace(emu.url, ''), token);
      expect(r.status).toBe(200);
      const page = ids(r);
      if (r.json['@odata.nextLink']) expect(page).toHaveLength(200);
      seen.push(...page);
      url = r.json['@odata.nextLink'] as string | undefined;
      pages++;
    }
    expect(pages).toBe(Math.ceil(5050 / 200));
    expect(new Set(seen).size).toBe(5050);
    expect(seen[0]).toBe('1');
  });

  it('caps $top at 5000 and keeps $filter/$orderby in the nextLink', async () => {
    const big = await raw(emu, 'GET', `/v1.0/sites/${siteId}/lists/${bulkId}/items?$top=9999`, token);
    expect(ids(big)).toHaveLength(5000);
    expect(big.json['@odata.nextLink']).toContain('%24skiptoken=');
    const filtered = await client
      .api(`/sites/${siteId}/lists/${bulkId}/items`)
      .filter('fields/N eq 5')
      .orderby('fields/N desc')
      .expand('fields($select=N)')
      .top(20)
      .get();
    expect(filtered.value).toHaveLength(20);
    const all = [...filtered.value] as { fields: { N: number } }[];
    let link = filtered['@odata.nextLink'] as string | undefined;
    expect(new URL(link!).searchParams.get('$filter')).toBe('fields/N eq 5');
    while (link) {
      const next = new URL(link);
      const rest = await raw(emu, 'GET', `${next.pathname}${next.search}`, token);
      expect(ids(rest).length).toBeLessThanOrEqual(20);
      all.push(...(rest.json.value as { fields: { N: number } }[]));
      link = rest.json['@odata.nextLink'] as string | undefined;
    }
    expect(all.length).toBe(Math.floor((5050 - 5) / 97) + 1);
    expect(all.every((i) => i.fields.N === 5)).toBe(true);
    for (const top of ['0', '-1', 'abc']) {
      const bad = await raw(emu, 'GET', `/v1.0/sites/${siteId}/lists/${bulkId}/items?$top=${top}`, token);
      expect(bad.status, top).toBe(400);
    }
    const badSkip = await raw(
      emu,
      'GET',
      `/v1.0/sites/${siteId}/lists/${bulkId}/items?$skiptoken=zzz`,
      token,
    );
    expect(badSkip.status).toBe(400);
  });

  it('answers an indexed $filter on 5,000 items quickly', async () => {
    const started = performance.now();
    for (let i = 0; i < 20; i++) {
      const r = await raw(
        emu,
        'GET',
        `/v1.0/sites/${siteId}/lists/${bulkId}/items?$filter=fields/N eq ${i}&$top=1`,
        token,
      );
      expect(r.status).toBe(200);
    }
    expect((performance.now() - started) / 20).toBeLessThan(20);
  });
});

describe('delta', () => {
  let deltaList: string;
  const deltaPath = () => `/v1.0/sites/${siteId}/lists/${deltaList}/items/delta`;
  const rel = (url: unknown) => String(url).replace(emu.url, '');

  beforeAll(async () => {
    deltaList = (
      await client
        .api(`/sites/${siteId}/lists`)
        .post({ displayName: 'DeltaList', list: { template: 'genericList' } })
    ).id;
    for (const t of ['a', 'b', 'c', 'd', 'e']) await create({ Title: t }, deltaList);
  });

  it('enumerates everything first, then only changes, with deletions marked deleted', async () => {
    const first = await raw(emu, 'GET', deltaPath(), token);
    expect(first.status).toBe(200);
    expect(ids(first)).toEqual(['1', '2', '3', '4', '5']);
    expect(first.json['@odata.deltaLink']).toMatch(/items\/delta\?token=/);
    expect(first.json['@odata.nextLink']).toBeUndefined();

    await raw(emu, 'PATCH', `/v1.0/sites/${siteId}/lists/${deltaList}/items/2/fields`, token, {
      Title: 'b2',
    });
    await raw(emu, 'PATCH', `/v1.0/sites/${siteId}/lists/${deltaList}/items/2/fields`, token, {
      Title: 'b3',
    });
    await raw(emu, 'DELETE', `/v1.0/sites/${siteId}/lists/${deltaList}/items/4`, token);
    await create({ Title: 'f' }, deltaList);

    const changes = await raw(emu, 'GET', `${rel(first.json['@odata.deltaLink'])}&$expand=fields`, token);
    expect(changes.status).toBe(200);
    const value = changes.json.value as { id: string; deleted?: unknown; fields?: { Title: string } }[];
    expect(value.map((v) => v.id)).toEqual(['2', '4', '6']);
    expect(value[0]!.fields?.Title).toBe('b3');
    expect(value[1]).toEqual({ id: '4', parentReference: { siteId }, deleted: { state: 'deleted' } });

    const none = await raw(emu, 'GET', rel(changes.json['@odata.deltaLink']), token);
    expect(none.json.value).toEqual([]);
  });

  it('pages a delta with @odata.nextLink and supports token=latest', async () => {
    const p1 = await raw(emu, 'GET', `${deltaPath()}?$top=2`, token);
    expect(ids(p1)).toHaveLength(2);
    const p2 = await raw(emu, 'GET', rel(p1.json['@odata.nextLink']), token);
    const p3 = await raw(emu, 'GET', rel(p2.json['@odata.nextLink']), token);
    expect([...ids(p1), ...ids(p2), ...ids(p3)]).toEqual(['1', '2', '3', '5', '6']);
    expect(p3.json['@odata.deltaLink']).toBeDefined();

    const latest = await raw(emu, 'GET', `${deltaPath()}?token=latest`, token);
    expect(latest.json.value).toEqual([]);
    await create({ Title: 'g' }, deltaList);
    const after = await raw(emu, 'GET', rel(latest.json['@odata.deltaLink']), token);
    expect(ids(after)).toEqual(['7']);
  });

  it('answers 400 for a malformed token and 410 resyncChangesApplyDifferences for an expired one', async () => {
    const bad = await raw(emu, 'GET', `${deltaPath()}?token=garbage`, token);
    expect(bad.status).toBe(400);

    const link = rel((await raw(emu, 'GET', `${deltaPath()}?token=latest`, token)).json['@odata.deltaLink']);
    const saved = now;
    now = new Date(now.getTime() + 31 * 24 * 3600_000);
    const fresh = await appToken(emu); // the old access token expired with the clock jump
    const gone = await raw(emu, 'GET', link, fresh);
    expect(gone.status).toBe(410);
    expect(gone.json.error?.code).toBe('resyncChangesApplyDifferences');
    expect(gone.headers.get('location')).toBe(`${emu.url}${deltaPath()}`);

    // Retention is configurable: 1 day makes a 2-day-old token expire.
    now = saved;
    expect(
      (await raw(emu, 'PUT', '/_emulator/sharepoint/settings', null, { deltaRetentionDays: 1 })).status,
    ).toBe(200);
    const link2 = rel((await raw(emu, 'GET', `${deltaPath()}?token=latest`, token)).json['@odata.deltaLink']);
    now = new Date(saved.getTime() + 2 * 24 * 3600_000);
    expect((await raw(emu, 'GET', link2, await appToken(emu))).status).toBe(410);
    now = saved;
    await raw(emu, 'PUT', '/_emulator/sharepoint/settings', null, { deltaRetentionDays: 30 });
  });
});
