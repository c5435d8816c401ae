import type { Client } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_APP_ID, LOCAL_HOSTNAME } from '../../src/emulator/config';
import type { EmulatorModule } from '../../src/emulator/context';
import type { RunningEmulator } from '../../src/emulator/server';
import type { DrivesPort, SharePointPort } from '../../src/emulator/sharepoint/ports';
import { sharepointModule } from '../../src/emulator/sharepoint/sharepoint-module';
import { appToken, graphClient, raw, startTestEmulator } from './support';

/** Stands in for the drives module at its port only (not a Graph mock): records which libraries got a drive. */
const driveCalls: { siteId: string; listId: string; name: string }[] = [];
const recordingDrives: EmulatorModule = (ctx) => {
  ctx.ports.drives = {
    createDriveForList(siteId, listId, name) {
      driveCalls.push({ siteId, listId, name });
      return `b!drive-${driveCalls.length}`;
    },
  } satisfies DrivesPort;
};

let emu: RunningEmulator;
let token: string;
let client: Client;
let siteId: string;

beforeAll(async () => {
  emu = await startTestEmulator({ modules: [recordingDrives, sharepointModule] });
  const created = await raw(emu, 'POST', '/_emulator/sites', null, {
    path: '/sites/Stages',
    displayName: 'Stages',
  });
  expect(created.status).toBe(201);
  siteId = created.json.id as string;
  expect(
    (
      await raw(emu, 'POST', `/_emulator/sites/${siteId}/grants`, null, {
        appId: LOCAL_APP_ID,
        roles: ['write'],
      })
    ).status,
  ).toBe(201);
  token = await appToken(emu);
  client = graphClient(emu, token);
});
afterAll(() => emu.close());

describe('sites', () => {
  it('addresses a site by composite id, by path and by path followed by more segments', async () => {
    expect(siteId).toMatch(
      new RegExp(`^${LOCAL_HOSTNAME.replace(/\./g, '\\.')},[0-9a-f-]{36},[0-9a-f-]{36}$`),
    );
    const byId = await client.api(`/sites/${siteId}`).get();
    expect(byId).toMatchObject({
      id: siteId,
      name: 'Stages',
      displayName: 'Stages',
      webUrl: `https://${LOCAL_HOSTNAME}/sites/Stages`,
      siteCollection: { hostname: LOCAL_HOSTNAME },
    });
    expect(byId.root).toBeUndefined();
    expect(byId.createdDateTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const byPath = await client.api(`/sites/${LOCAL_HOSTNAME}:/sites/Stages`).get();
    expect(byPath.id).toBe(siteId);
    const lists = await client.api(`/sites/${LOCAL_HOSTNAME}:/sites/Stages:/lists`).get();
    expect(lists.value.map((l: { displayName: string }) => l.displayName)).toContain('Documents');
  });

  it('has a root site with the root facet; Sites.Selected without a grant on it answers 403', async () => {
    const r = await raw(emu, 'GET', '/v1.0/sites/root', token);
    expect(r.status).toBe(403);
    expect(r.json.error?.code).toBe('accessDenied');
    const port = emu.ctx.ports.sharepoint as SharePointPort;
    const root = port.getSite('root')!;
    await raw(emu, 'POST', `/_emulator/sites/${root.id}/grants`, null, {
      appId: LOCAL_APP_ID,
      roles: ['read'],
    });
    const ok = await client.api('/sites/root').get();
    expect(ok).toMatchObject({ id: root.id, root: {}, webUrl: `https://${LOCAL_HOSTNAME}` });
    expect((await client.api(`/sites/${LOCAL_HOSTNAME}`).get()).id).toBe(root.id);
  });

  it('answers 404 itemNotFound for an unknown site path or id', async () => {
    for (const path of [
      `/v1.0/sites/${LOCAL_HOSTNAME}:/sites/Nope`,
      `/v1.0/sites/${LOCAL_HOSTNAME},00000000-0000-0000-0000-000000000000,00000000-0000-0000-0000-000000000000`,
      `/v1.0/sites/other.sharepoint.com:/sites/Stages`,
    ]) {
      const r = await raw(emu, 'GET', path, token);
      expect(r.status, path).toBe(404);
      expect(r.json.error).toMatchObject({
        code: 'itemNotFound',
        message: 'Requested site could not be found',
      });
    }
  });

  it('creating the same site path again through the admin API returns the existing site', async () => {
    const again = await raw(emu, 'POST', '/_emulator/sites', null, {
      path: '/sites/Stages',
      displayName: 'X',
    });
    expect(again.status).toBe(200);
    expect(again.json.id).toBe(siteId);
    expect((await raw(emu, 'POST', '/_emulator/sites', null, { path: 'no-slash' })).status).toBe(400);
  });
});

describe('lists', () => {
  it('creates a generic list with columns, gets it by id and by title, updates and deletes it', async () => {
    const created = await client.api(`/sites/${siteId}/lists`).post({
      displayName: 'Partners',
      columns: [{ name: 'City', text: {} }],
      list: { template: 'genericList' },
    });
    expect(created).toMatchObject({
      displayName: 'Partners',
      name: 'Partners',
      webUrl: `https://${LOCAL_HOSTNAME}/sites/Stages/Lists/Partners`,
      list: { template: 'genericList', hidden: false },
      parentReference: { siteId },
    });
    expect(created.columns.map((c: { name: string }) => c.name)).toEqual(
      expect.arrayContaining(['Title', 'Created', 'Modified', 'Author', 'Editor', 'City']),
    );
    expect((await client.api(`/sites/${siteId}/lists/${created.id}`).get()).id).toBe(created.id);
    expect((await client.api(`/sites/${siteId}/lists/Partners`).get()).id).toBe(created.id);
    const patched = await client
      .api(`/sites/${siteId}/lists/${created.id}`)
      .patch({ description: 'Schools' });
    expect(patched.description).toBe('Schools');
    const del = await raw(emu, 'DELETE', `/v1.0/sites/${siteId}/lists/${created.id}`, token);
    expect(del.status).toBe(204);
    const gone = await raw(emu, 'GET', `/v1.0/sites/${siteId}/lists/${created.id}`, token);
    expect(gone.status).toBe(404);
    expect(gone.json.error?.code).toBe('itemNotFound');
  });

  it('refuses a second list with the same title with 409 nameAlreadyExists', async () => {
    await client
      .api(`/sites/${siteId}/lists`)
      .post({ displayName: 'Moments', list: { template: 'genericList' } });
    const dup = await raw(emu, 'POST', `/v1.0/sites/${siteId}/lists`, token, {
      displayName: 'moments',
      list: { template: 'genericList' },
    });
    expect(dup.status).toBe(409);
    expect(dup.json.error?.code).toBe('nameAlreadyExists');
    expect(dup.json.error?.message).toMatch(/already exists/);
  });

  it('creates a document library and its drive through the drives port', async () => {
    const before = driveCalls.length;
    const lib = await client
      .api(`/sites/${siteId}/lists`)
      .post({ displayName: 'Stagemap Confidential', list: { template: 'documentLibrary' } });
    expect(lib.list.template).toBe('documentLibrary');
    expect(lib.webUrl).toBe(`https://${LOCAL_HOSTNAME}/sites/Stages/StagemapConfidential`);
    expect(driveCalls.slice(before)).toEqual([{ siteId, listId: lib.id, name: 'Stagemap Confidential' }]);
    const port = emu.ctx.ports.sharepoint as SharePointPort;
    expect(port.getList(siteId, lib.id)?.driveId).toBe(`b!drive-${driveCalls.length}`);
    expect(port.getListByDriveId(`b!drive-${driveCalls.length}`)?.id).toBe(lib.id);
    expect(port.defaultLibrary(siteId)?.name).toBe('Shared Documents');
    expect(lib.columns.map((c: { name: string }) => c.name)).toContain('FileLeafRef');
  });

  it('hides the User Information List unless system is selected', async () => {
    const plain = await client.api(`/sites/${siteId}/lists`).get();
    expect(plain.value.some((l: { displayName: string }) => l.displayName === 'User Information List')).toBe(
      false,
    );
    const withSystem = await client.api(`/sites/${siteId}/lists`).select('id,displayName,system').get();
    const uil = withSystem.value.find(
      (l: { displayName: string }) => l.displayName === 'User Information List',
    );
    expect(uil).toMatchObject({ system: {} });
  });

  it('answers 404 for an unknown list and 400 for a bad body', async () => {
    const r = await raw(emu, 'GET', `/v1.0/sites/${siteId}/lists/NoSuchList`, token);
    expect(r.status).toBe(404);
    expect(r.json.error?.code).toBe('itemNotFound');
    const bad = await raw(emu, 'POST', `/v1.0/sites/${siteId}/lists`, token, {
      list: { template: 'genericList' },
    });
    expect(bad.status).toBe(400);
    const notJson = await raw(
      emu,
      'POST',
      `/v1.0/sites/${siteId}/lists`,
      token,
      new TextEncoder().encode('{nope'),
      {
        'content-type': 'application/json',
      },
    );
    expect(notJson.status).toBe(400);
  });
});

describe('columns', () => {
  let listId: string;
  beforeAll(async () => {
    listId = (
      await client
        .api(`/sites/${siteId}/lists`)
        .post({ displayName: 'Internships', list: { template: 'genericList' } })
    ).id;
  });

  it('creates every column type Stagemap uses, with the service facets', async () => {
    const defs = [
      { name: 'Topic', text: { maxLength: 100 } },
      { name: 'Notes', text: { allowMultipleLines: true } },
      { name: 'Hours', number: {} },
      { name: 'Consent', boolean: {} },
      { name: 'StartDate', dateTime: { format: 'dateOnly' }, indexed: true },
      { name: 'Phase', choice: { choices: ['request', 'preparation', 'decision'] }, indexed: true },
      { name: 'Mentor', personOrGroup: {}, indexed: true },
      { name: 'Partner', lookup: { listId, columnName: 'Title' } },
      { name: 'Link', hyperlinkOrPicture: {} },
    ];
    for (const def of defs) {
      const col = await client
        .api(`/sites/${siteId}/lists/${listId}/columns`)
        .post({ ...def, displayName: def.name });
      expect(col).toMatchObject({ name: def.name, displayName: def.name, indexed: def.indexed ?? false });
      const facet = Object.keys(def).find((k) => !['name', 'indexed'].includes(k))!;
      expect(col[facet], def.name).toBeTypeOf('object');
    }
    const notes = await client.api(`/sites/${siteId}/lists/${listId}/columns/Notes`).get();
    expect(notes.text).toMatchObject({ allowMultipleLines: true });
    const all = await client.api(`/sites/${siteId}/lists/${listId}/columns`).get();
    expect(all.value.map((c: { name: string }) => c.name)).toEqual(
      expect.arrayContaining([
        'Title',
        'ID',
        'Created',
        'Modified',
        'Author',
        'Editor',
        'ContentType',
        'Attachments',
      ]),
    );
  });

  it('refuses a duplicate column name with 409 like the service', async () => {
    await client.api(`/sites/${siteId}/lists/${listId}/columns`).post({ name: 'Code', text: {} });
    for (const name of ['Code', 'code', 'Title']) {
      const dup = await raw(emu, 'POST', `/v1.0/sites/${siteId}/lists/${listId}/columns`, token, {
        name,
        text: {},
      });
      expect(dup.status, name).toBe(409);
      expect(dup.json.error?.code).toBe('nameAlreadyExists');
      expect(dup.json.error?.message).toMatch(/duplicate field name/);
    }
  });

  it('only enforces unique values on an indexed column; PATCH can index it first', async () => {
    const refused = await raw(emu, 'POST', `/v1.0/sites/${siteId}/lists/${listId}/columns`, token, {
      name: 'Reference',
      text: {},
      enforceUniqueValues: true,
    });
    expect(refused.status).toBe(400);
    expect(refused.json.error?.message).toMatch(/not indexed/);
    await client.api(`/sites/${siteId}/lists/${listId}/columns`).post({ name: 'Reference', text: {} });
    const stillRefused = await raw(
      emu,
      'PATCH',
      `/v1.0/sites/${siteId}/lists/${listId}/columns/Reference`,
      token,
      {
        enforceUniqueValues: true,
      },
    );
    expect(stillRefused.status).toBe(400);
    const ok = await client
      .api(`/sites/${siteId}/lists/${listId}/columns/Reference`)
      .patch({ indexed: true, enforceUniqueValues: true });
    expect(ok).toMatchObject({ name: 'Reference', indexed: true, enforceUniqueValues: true });
    const unindex = await raw(
      emu,
      'PATCH',
      `/v1.0/sites/${siteId}/lists/${listId}/columns/Reference`,
      token,
      {
        indexed: false,
      },
    );
    expect(unindex.status).toBe(400);
  });

  it('indexes a built-in column, refuses deleting one, deletes a custom one', async () => {
    const title = await client.api(`/sites/${siteId}/lists/${listId}/columns/Title`).patch({ indexed: true });
    expect(title.indexed).toBe(true);
    const delBuiltIn = await raw(
      emu,
      'DELETE',
      `/v1.0/sites/${siteId}/lists/${listId}/columns/Created`,
      token,
    );
    expect(delBuiltIn.status).toBe(403);
    await client.api(`/sites/${siteId}/lists/${listId}/columns`).post({ name: 'Temp', number: {} });
    expect(
      (await raw(emu, 'DELETE', `/v1.0/sites/${siteId}/lists/${listId}/columns/Temp`, token)).status,
    ).toBe(204);
    expect((await raw(emu, 'GET', `/v1.0/sites/${siteId}/lists/${listId}/columns/Temp`, token)).status).toBe(
      404,
    );
  });

  it('refuses an invalid column name and two type facets', async () => {
    for (const body of [{ name: 'has space', text: {} }, { name: 'X', text: {}, number: {} }, { text: {} }]) {
      const r = await raw(emu, 'POST', `/v1.0/sites/${siteId}/lists/${listId}/columns`, token, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
    }
  });

  it('keeps site columns apart from list columns', async () => {
    const denied = await raw(emu, 'POST', `/v1.0/sites/${siteId}/columns`, token, {
      name: 'Shared',
      text: {},
    });
    expect(denied.status).toBe(403); // a write grant is not Full Control
    const list = await client.api(`/sites/${siteId}/columns`).get();
    expect(list.value).toEqual([]);
  });
});
