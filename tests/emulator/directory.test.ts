import type { Client, PageCollection } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../src/emulator/demo-directory';
import type { RunningEmulator } from '../../src/emulator/server';
import {
  appToken,
  appTokenWithRoles,
  graphClient,
  raw,
  scopedUserToken,
  startTestEmulator,
  userToken,
} from './support';

let emu: RunningEmulator;
let app: string;
let client: Client;
const els = DEMO_USERS.find((u) => u.userPrincipalName === 'els.verstraeten@stagemap.local')!;
const grace = DEMO_USERS.find((u) => u.surname === "O'Connor")!;
const DEFAULT_KEYS = [
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
  'id',
];
const names = (r: { json: Record<string, unknown> }) =>
  (r.json.value as { displayName: string }[]).map((u) => u.displayName).sort();
const EVENTUAL = { ConsistencyLevel: 'eventual' };

beforeAll(async () => {
  emu = await startTestEmulator();
  app = await appToken(emu);
  client = graphClient(emu, app);
});
afterAll(() => emu.close());

describe('demo directory', () => {
  it('loads ~30 deterministic Belgian users with ASCII UPNs, roles and languages', () => {
    expect(DEMO_USERS.length).toBeGreaterThanOrEqual(30);
    const count = (role: string) => DEMO_USERS.filter((u) => u.role === role).length;
    expect([count('coordinator'), count('serviceHead')]).toEqual([2, 4]);
    expect(count('mentor')).toBe(8);
    expect(count('backup')).toBe(6);
    expect(count('intern')).toBe(10);
    for (const u of DEMO_USERS) expect(u.userPrincipalName).toMatch(/^[a-z]+\.[a-z]+@stagemap\.local$/);
    expect(new Set(DEMO_USERS.map((u) => u.preferredLanguage))).toEqual(
      new Set(['nl-BE', 'fr-BE', 'de-BE', 'en-GB']),
    );
    expect(DEMO_USERS.find((u) => u.displayName === 'Céline Lemaire')?.userPrincipalName).toBe(
      'celine.lemaire@stagemap.local',
    );
  });
});

describe('GET /users', () => {
  it('lists users with the default property set and the OData context (official SDK)', async () => {
    const r = (await client.api('/users').get()) as {
      '@odata.context': string;
      value: Record<string, unknown>[];
    };
    expect(r['@odata.context']).toBe(`${emu.url}/v1.0/$metadata#users`);
    expect(r.value).toHaveLength(DEMO_USERS.length);
    expect(Object.keys(r.value[0]!)).toEqual(DEFAULT_KEYS);
    expect(r.value.find((u) => u.id === els.id)).toMatchObject({
      displayName: 'Els Verstraeten',
      preferredLanguage: 'nl-BE',
      mail: 'els.verstraeten@stagemap.local',
    });
    expect(r.value[0]).not.toHaveProperty('department');
  });

  it('honours $select, with case-insensitive names, and refuses unknown properties', async () => {
    const r = await raw(emu, 'GET', '/v1.0/users?$select=DisplayName,department', app);
    expect(r.status).toBe(200);
    expect(r.json['@odata.context']).toBe(`${emu.url}/v1.0/$metadata#users(displayName,department)`);
    expect(Object.keys((r.json.value as object[])[0]!)).toEqual(['displayName', 'department']);
    const bad = await raw(emu, 'GET', '/v1.0/users?$select=displayName,shoeSize', app);
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({
      code: 'Request_BadRequest',
      message: "Could not find a property named 'shoeSize' on type 'microsoft.graph.user'.",
    });
    expect(bad.json.error).toHaveProperty('innerError.request-id');
  });

  it('pages with $top and @odata.nextLink, keeping the other options, until every user was seen once', async () => {
    const first = await raw(emu, 'GET', '/v1.0/users?$top=5&$select=id', app);
    const next = first.json['@odata.nextLink'] as string;
    expect(next).toMatch(new RegExp(`^${emu.url}/v1\\.0/users\\?.*\\$skiptoken=`));
    expect(next).toContain('$select=id');
    expect(first.json.value).toHaveLength(5);

    // The SDK only treats https:// links as absolute, so over the emulator's http the link is made relative
    // (PageIterator cannot follow it: docs/emulator.md, "Known differences").
    const seen: string[] = [];
    let page = (await client.api('/users').top(7).select('id').get()) as PageCollection;
    for (;;) {
      seen.push(...(page.value as { id: string }[]).map((u) => u.id));
      if (!page['@odata.nextLink']) break;
      page = (await client
        .api(page['@odata.nextLink'].slice(`${emu.url}/v1.0`.length))
        .get()) as PageCollection;
    }
    expect(seen).toHaveLength(DEMO_USERS.length);
    expect(new Set(seen).size).toBe(DEMO_USERS.length);
  });

  it('refuses a page size above 999 and a forged skip token', async () => {
    const r = await raw(emu, 'GET', '/v1.0/users?$top=1000', app);
    expect(r.status).toBe(400);
    expect(r.json.error?.message).toBe(
      "Invalid page size specified: '1000'. Must be between 1 and 999 inclusive.",
    );
    expect((await raw(emu, 'GET', '/v1.0/users?$skiptoken=garbage', app)).status).toBe(400);
  });

  it('filters with startswith on displayName and mail, case-insensitively', async () => {
    const q = (f: string) => raw(emu, 'GET', `/v1.0/users?$filter=${encodeURIComponent(f)}`, app);
    expect(names(await q("startswith(displayName,'jan')"))).toEqual(['Jan De Smet']);
    expect(names(await q("startswith(mail,'NOOR.')"))).toEqual(['Noor Van den Broeck']);
    expect(names(await q("startswith(displayName,'Van')"))).toEqual([]);
  });

  it('filters with eq on id, mail and userPrincipalName, `in`, and OData quote escaping', async () => {
    const q = (f: string) => raw(emu, 'GET', `/v1.0/users?$filter=${encodeURIComponent(f)}`, app);
    expect(names(await q(`id eq '${els.id}'`))).toEqual(['Els Verstraeten']);
    expect(names(await q("mail eq 'SOPHIE.DUBOIS@stagemap.local'"))).toEqual(['Sophie Dubois']);
    expect(names(await q(`userPrincipalName eq '${grace.userPrincipalName}'`))).toEqual(["Grace O'Connor"]);
    expect(names(await q("displayName eq 'Grace O''Connor'"))).toEqual(["Grace O'Connor"]);
    expect(names(await q(`id in ('${els.id}', '${grace.id}')`))).toEqual([
      'Els Verstraeten',
      "Grace O'Connor",
    ]);
    expect(names(await q("startswith(displayName,'Els') or startswith(displayName,'Sophie')"))).toEqual([
      'Els Verstraeten',
      'Sophie Dubois',
    ]);
  });

  it('answers invalid and unsupported filters with the service errors', async () => {
    const q = (f: string, h: Record<string, string> = {}) =>
      raw(emu, 'GET', `/v1.0/users?$filter=${encodeURIComponent(f)}`, app, undefined, h);
    const syntax = await q("startswith(displayName,'x'");
    expect(syntax.status).toBe(400);
    expect(syntax.json.error?.code).toBe('BadRequest');
    expect(syntax.json.error?.message).toMatch(/^Invalid filter clause/);
    const unsupported = await q("startswith(officeLocation,'B')");
    expect(unsupported.status).toBe(400);
    expect(unsupported.json.error).toMatchObject({
      code: 'Request_UnsupportedQuery',
      message:
        "Unsupported or invalid query filter clause specified for property 'officeLocation' of resource 'User'.",
    });
    const ends = await q("endswith(mail,'@stagemap.local')");
    expect(ends.status).toBe(400);
    expect(ends.json.error?.message).toMatch(
      /^Operator 'endsWith' is not supported because the required parameters/,
    );
    const advanced = await raw(
      emu,
      'GET',
      `/v1.0/users?$count=true&$filter=${encodeURIComponent("endswith(mail,'stagemap.local')")}`,
      app,
      undefined,
      EVENTUAL,
    );
    expect(advanced.status).toBe(200);
    expect(advanced.json['@odata.count']).toBe(DEMO_USERS.length);
  });

  it('requires ConsistencyLevel: eventual for $search, like the service', async () => {
    const search = encodeURIComponent('"displayName:van"');
    const refused = await raw(emu, 'GET', `/v1.0/users?$search=${search}`, app);
    expect(refused.status).toBe(400);
    expect(refused.json.error).toMatchObject({
      code: 'Request_UnsupportedQuery',
      message:
        "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
    });
    const r = await raw(emu, 'GET', `/v1.0/users?$search=${search}&$count=true`, app, undefined, EVENTUAL);
    expect(r.status).toBe(200);
    expect(names(r)).toEqual(['Dirk Van Acker', 'Noor Van den Broeck', 'Wout Van Damme']);
    expect(r.json['@odata.count']).toBe(3);
    const or = await raw(
      emu,
      'GET',
      `/v1.0/users?$search=${encodeURIComponent('"displayName:lejeune" OR "mail:sophie"')}`,
      app,
      undefined,
      EVENTUAL,
    );
    expect(names(or)).toEqual(['Julie Lejeune', 'Sophie Dubois']);
    const malformed = await raw(emu, 'GET', `/v1.0/users?$search=van`, app, undefined, EVENTUAL);
    expect(malformed.status).toBe(400);
  });

  it('counts with $count=true and /users/$count only under ConsistencyLevel: eventual', async () => {
    expect((await raw(emu, 'GET', '/v1.0/users?$count=true', app)).status).toBe(400);
    const r = await raw(emu, 'GET', '/v1.0/users?$count=true&$top=2', app, undefined, EVENTUAL);
    expect(r.json['@odata.count']).toBe(DEMO_USERS.length);
    expect(r.json.value).toHaveLength(2);
    const c = await raw(emu, 'GET', '/v1.0/users/$count', app, undefined, EVENTUAL);
    expect(c.status).toBe(200);
    expect(c.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(c.text).toBe(String(DEMO_USERS.length));
    expect((await raw(emu, 'GET', '/v1.0/users/$count', app)).status).toBe(400);
  });

  it('sorts with $orderby displayName desc', async () => {
    const r = await raw(emu, 'GET', '/v1.0/users?$orderby=displayName desc&$top=2&$select=displayName', app);
    expect((r.json.value as { displayName: string }[]).map((u) => u.displayName)).toEqual([
      'Yasmine El Amrani',
      'Wout Van Damme',
    ]);
  });
});

describe('GET /users/{id | userPrincipalName} and /me', () => {
  it('gets a user by id and by UPN, 404 Request_ResourceNotFound otherwise', async () => {
    const byId = (await client.api(`/users/${els.id}`).get()) as Record<string, unknown>;
    expect(byId['@odata.context']).toBe(`${emu.url}/v1.0/$metadata#users/$entity`);
    expect(byId.userPrincipalName).toBe(els.userPrincipalName);
    const byUpn = await raw(
      emu,
      'GET',
      `/v1.0/users/${grace.userPrincipalName}?$select=displayName,jobTitle`,
      app,
    );
    expect(byUpn.json).toEqual({
      '@odata.context': `${emu.url}/v1.0/$metadata#users(displayName,jobTitle)/$entity`,
      displayName: "Grace O'Connor",
      jobTitle: 'Intern',
    });
    const missing = await raw(emu, 'GET', '/v1.0/users/nobody@stagemap.local', app);
    expect(missing.status).toBe(404);
    expect(missing.json.error).toMatchObject({
      code: 'Request_ResourceNotFound',
      message:
        "Resource 'nobody@stagemap.local' does not exist or one of its queried reference-property objects are not present.",
    });
  });

  it('answers /me for a delegated token and 400 for an app-only token', async () => {
    const me = await raw(emu, 'GET', '/v1.0/me', await userToken(emu, els.userPrincipalName));
    expect(me.status).toBe(200);
    expect(me.json.id).toBe(els.id);
    const appMe = await raw(emu, 'GET', '/v1.0/me', app);
    expect(appMe.status).toBe(400);
    expect(appMe.json.error).toMatchObject({
      code: 'BadRequest',
      message: '/me request is only valid with delegated authentication flow.',
    });
  });
});

describe('permissions', () => {
  it('User.Read reads only oneself; listing users needs User.ReadBasic.All or more', async () => {
    const t = await scopedUserToken(emu, els.userPrincipalName, ['User.Read']);
    expect((await raw(emu, 'GET', '/v1.0/me', t)).status).toBe(200);
    expect((await raw(emu, 'GET', `/v1.0/users/${els.id}`, t)).status).toBe(200);
    const list = await raw(emu, 'GET', '/v1.0/users', t);
    expect(list.status).toBe(403);
    expect(list.json.error).toMatchObject({
      code: 'Authorization_RequestDenied',
      message: 'Insufficient privileges to complete the operation.',
    });
    expect((await raw(emu, 'GET', `/v1.0/users/${grace.id}`, t)).status).toBe(403);
  });

  it('User.ReadBasic.All shows only the basic profile of other users', async () => {
    const t = await scopedUserToken(emu, els.userPrincipalName, ['User.ReadBasic.All']);
    const other = await raw(emu, 'GET', `/v1.0/users/${grace.id}`, t);
    expect(other.status).toBe(200);
    expect(other.json).toHaveProperty('displayName', "Grace O'Connor");
    expect(other.json).not.toHaveProperty('jobTitle');
    const self = await raw(emu, 'GET', '/v1.0/me', t);
    expect(self.json).toHaveProperty('jobTitle', 'Stagecoördinator');
  });

  it('needs the User.Read.All app role for app-only calls', async () => {
    const weak = await appTokenWithRoles(emu, '0b0b0b0b-0000-4000-8000-000000000001', ['Sites.Selected']);
    const r = await raw(emu, 'GET', '/v1.0/users', weak);
    expect(r.status).toBe(403);
    expect(r.json.error?.code).toBe('Authorization_RequestDenied');
    const strong = await appTokenWithRoles(emu, '0b0b0b0b-0000-4000-8000-000000000002', ['User.Read.All']);
    expect((await raw(emu, 'GET', '/v1.0/users', strong)).status).toBe(200);
  });
});
