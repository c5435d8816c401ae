import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_APP_ID } from '../../src/emulator/config';
import type { Principal } from '../../src/emulator/http/types';
import type { RunningEmulator } from '../../src/emulator/server';
import type { SharePointPort } from '../../src/emulator/sharepoint/ports';
import { sharepointModule } from '../../src/emulator/sharepoint/sharepoint-module';
import { addUser, appToken, graphClient, otherAppToken, raw, startTestEmulator, userToken } from './support';

const ADMIN_APP = '0d0d0d0d-1111-4222-8333-444444444444';
const READER_APP = '0e0e0e0e-1111-4222-8333-444444444444';
const users = {
  coordinator: {
    id: 'a0000000-0000-4000-8000-000000000001',
    userPrincipalName: 'coord@stagemap.local',
    displayName: 'Cora Coordinator',
  },
  mentor: {
    id: 'a0000000-0000-4000-8000-000000000002',
    userPrincipalName: 'mentor@stagemap.local',
    displayName: 'Mo Mentor',
  },
  staff: {
    id: 'a0000000-0000-4000-8000-000000000003',
    userPrincipalName: 'staff@stagemap.local',
    displayName: 'Sam Staff',
  },
  intern: {
    id: 'a0000000-0000-4000-8000-000000000004',
    userPrincipalName: 'intern@stagemap.local',
    displayName: 'Ines Intern',
  },
};

let emu: RunningEmulator;
let siteId: string;
let listId: string;
let confidentialId: string;
let stagemap: string;
let admin: string;

const setRole = (principalId: string, role: string) =>
  raw(emu, 'PUT', `/_emulator/sites/${siteId}/roles`, null, { principalId, role });

beforeAll(async () => {
  emu = await startTestEmulator({ modules: [sharepointModule] });
  for (const u of Object.values(users)) addUser(emu, u);
  siteId = (await raw(emu, 'POST', '/_emulator/sites', null, { path: '/sites/Stages' })).json.id as string;
  stagemap = await appToken(emu);
  admin = await otherAppToken(emu, {
    appId: ADMIN_APP,
    displayName: 'Tenant admin tool',
    graphRoles: ['Sites.FullControl.All'],
  });
  const adminClient = graphClient(emu, admin);
  listId = (
    await adminClient
      .api(`/sites/${siteId}/lists`)
      .post({ displayName: 'Internships', list: { template: 'genericList' } })
  ).id;
  confidentialId = (
    await adminClient
      .api(`/sites/${siteId}/lists`)
      .post({ displayName: 'Confidential', list: { template: 'genericList' } })
  ).id;
  await adminClient.api(`/sites/${siteId}/lists/${listId}/items`).post({ fields: { Title: 'Seed' } });
  await adminClient
    .api(`/sites/${siteId}/lists/${confidentialId}/items`)
    .post({ fields: { Title: 'Medical' } });
});
afterAll(() => emu.close());

describe('application permissions (Sites.Selected)', () => {
  it('denies every call on a site without a grant with 403 accessDenied', async () => {
    for (const [method, path, body] of [
      ['GET', `/v1.0/sites/${siteId}`],
      ['GET', `/v1.0/sites/${siteId}/lists`],
      ['GET', `/v1.0/sites/${siteId}/lists/${listId}/items`],
      ['POST', `/v1.0/sites/${siteId}/lists/${listId}/items`, { fields: { Title: 'x' } }],
    ] as const) {
      const r = await raw(emu, method, path, stagemap, body);
      expect(r.status, path).toBe(403);
      expect(r.json.error?.code).toBe('accessDenied');
    }
  });

  it('does not let a Sites.Selected app manage site permissions', async () => {
    const r = await raw(emu, 'POST', `/v1.0/sites/${siteId}/permissions`, stagemap, {
      roles: ['write'],
      grantedToIdentities: [{ application: { id: LOCAL_APP_ID, displayName: 'Stagemap' } }],
    });
    expect(r.status).toBe(403);
    expect((await raw(emu, 'GET', `/v1.0/sites/${siteId}/permissions`, stagemap)).status).toBe(403);
  });

  it('grants read through POST /sites/{id}/permissions (Sites.FullControl.All): reads pass, writes get 403', async () => {
    const created = await raw(emu, 'POST', `/v1.0/sites/${siteId}/permissions`, admin, {
      roles: ['read'],
      grantedToIdentities: [{ application: { id: LOCAL_APP_ID, displayName: 'Stagemap' } }],
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      roles: ['read'],
      grantedToIdentitiesV2: [{ application: { id: LOCAL_APP_ID, displayName: 'Stagemap' } }],
      grantedToIdentities: [{ application: { id: LOCAL_APP_ID, displayName: 'Stagemap' } }],
    });
    const items = await raw(emu, 'GET', `/v1.0/sites/${siteId}/lists/${listId}/items`, stagemap);
    expect(items.status).toBe(200);
    const write = await raw(emu, 'POST', `/v1.0/sites/${siteId}/lists/${listId}/items`, stagemap, {
      fields: { Title: 'x' },
    });
    expect(write.status).toBe(403);
    expect(write.json.error?.code).toBe('accessDenied');
    expect(
      (await raw(emu, 'POST', `/v1.0/sites/${siteId}/lists`, stagemap, { displayName: 'L' })).status,
    ).toBe(403);
  });

  it('upgrades the grant to write with PATCH, lists and gets it, and DELETE revokes it', async () => {
    const list = await raw(emu, 'GET', `/v1.0/sites/${siteId}/permissions`, admin);
    const perm = (list.json.value as { id: string; roles: string[] }[])[0]!;
    expect(perm.id).toMatch(/^[A-Za-z0-9_-]+$/);
    const patched = await raw(emu, 'PATCH', `/v1.0/sites/${siteId}/permissions/${perm.id}`, admin, {
      roles: ['write'],
    });
    expect(patched.status).toBe(200);
    expect(patched.json.roles).toEqual(['write']);
    expect((await raw(emu, 'GET', `/v1.0/sites/${siteId}/permissions/${perm.id}`, admin)).json.roles).toEqual(
      ['write'],
    );
    const write = await raw(emu, 'POST', `/v1.0/sites/${siteId}/lists/${listId}/items`, stagemap, {
      fields: { Title: 'by app' },
    });
    expect(write.status).toBe(201);
    // App grants are site-wide: a list with unique permissions does not shut the app out.
    await raw(emu, 'PUT', `/_emulator/sites/${siteId}/lists/${confidentialId}/roles`, null, {
      inherit: false,
      assignments: [{ principalId: users.coordinator.id, role: 'owner' }],
    });
    expect(
      (await raw(emu, 'GET', `/v1.0/sites/${siteId}/lists/${confidentialId}/items`, stagemap)).status,
    ).toBe(200);

    expect((await raw(emu, 'DELETE', `/v1.0/sites/${siteId}/permissions/${perm.id}`, admin)).status).toBe(
      204,
    );
    expect((await raw(emu, 'GET', `/v1.0/sites/${siteId}/permissions/${perm.id}`, admin)).status).toBe(404);
    expect((await raw(emu, 'GET', `/v1.0/sites/${siteId}/lists/${listId}/items`, stagemap)).status).toBe(403);
  });

  it('refuses a permission body without an application or with an unknown role', async () => {
    for (const body of [
      { roles: ['write'], grantedToIdentities: [{ user: { id: users.staff.id } }] },
      { roles: ['superuser'], grantedToIdentities: [{ application: { id: LOCAL_APP_ID } }] },
      { grantedToIdentitiesV2: [{ application: { id: LOCAL_APP_ID } }] },
    ]) {
      const r = await raw(emu, 'POST', `/v1.0/sites/${siteId}/permissions`, admin, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
    }
  });

  it('the admin grant endpoint and tenant-wide roles work too; Sites.Read.All cannot write', async () => {
    expect(
      (
        await raw(emu, 'POST', `/_emulator/sites/${siteId}/grants`, null, {
          appId: LOCAL_APP_ID,
          roles: ['write'],
        })
      ).status,
    ).toBe(201);
    expect((await raw(emu, 'GET', `/v1.0/sites/${siteId}/lists/${listId}/items`, stagemap)).status).toBe(200);
    const reader = await otherAppToken(emu, {
      appId: READER_APP,
      displayName: 'Reader',
      graphRoles: ['Sites.Read.All'],
    });
    expect((await raw(emu, 'GET', `/v1.0/sites/${siteId}/lists/${listId}/items`, reader)).status).toBe(200);
    const w = await raw(emu, 'POST', `/v1.0/sites/${siteId}/lists/${listId}/items`, reader, {
      fields: { Title: 'r' },
    });
    expect(w.status).toBe(403);
  });
});

describe('delegated (user) permissions', () => {
  const itemsPath = () => `/v1.0/sites/${siteId}/lists/${listId}/items`;

  it('denies a user without any role on the site with 403', async () => {
    const t = await userToken(emu, users.staff.userPrincipalName);
    const r = await raw(emu, 'GET', `/v1.0/sites/${siteId}`, t);
    expect(r.status).toBe(403);
    expect(r.json.error?.code).toBe('accessDenied');
    expect((await raw(emu, 'GET', itemsPath(), t)).status).toBe(403);
  });

  it('lets a visitor read but not write, and a member write as themselves', async () => {
    await setRole(users.mentor.id, 'visitor');
    const t = await userToken(emu, users.mentor.userPrincipalName);
    expect((await raw(emu, 'GET', itemsPath(), t)).status).toBe(200);
    const denied = await raw(emu, 'POST', itemsPath(), t, { fields: { Title: 'm' } });
    expect(denied.status).toBe(403);
    expect(denied.json.error?.code).toBe('accessDenied');

    await setRole(users.mentor.id, 'member');
    const created = await raw(emu, 'POST', itemsPath(), t, { fields: { Title: 'by mentor' } });
    expect(created.status).toBe(201);
    const lookupId = (
      await raw(emu, 'POST', `/_emulator/sites/${siteId}/ensureUser`, null, { userId: users.mentor.id })
    ).json.lookupId as number;
    expect(created.json.createdBy).toEqual({
      user: {
        displayName: users.mentor.displayName,
        email: users.mentor.userPrincipalName,
        id: users.mentor.id,
      },
    });
    expect((created.json.fields as Record<string, unknown>).AuthorLookupId).toBe(String(lookupId));
  });

  it('caps a member at the token scope: Sites.Read.All cannot write, no Sites scope cannot read', async () => {
    const readOnly = await userToken(
      emu,
      users.mentor.userPrincipalName,
      'https://graph.microsoft.com/Sites.Read.All',
    );
    expect((await raw(emu, 'GET', itemsPath(), readOnly)).status).toBe(200);
    expect((await raw(emu, 'POST', itemsPath(), readOnly, { fields: { Title: 'x' } })).status).toBe(403);
    const noSites = await userToken(
      emu,
      users.mentor.userPrincipalName,
      'https://graph.microsoft.com/User.Read',
    );
    expect((await raw(emu, 'GET', itemsPath(), noSites)).status).toBe(403);
  });

  it('"everyone" as visitor lets every user of the tenant read', async () => {
    const t = await userToken(emu, users.staff.userPrincipalName);
    expect((await raw(emu, 'GET', itemsPath(), t)).status).toBe(403);
    await setRole('everyone', 'visitor');
    expect((await raw(emu, 'GET', itemsPath(), t)).status).toBe(200);
    expect((await raw(emu, 'POST', itemsPath(), t, { fields: { Title: 'x' } })).status).toBe(403);
    await setRole('everyone', 'none');
    expect((await raw(emu, 'GET', itemsPath(), t)).status).toBe(403);
  });

  it('hides a list with unique permissions from users without a role on it (404), not from its owners', async () => {
    await setRole(users.coordinator.id, 'member');
    const mentor = await userToken(emu, users.mentor.userPrincipalName);
    const coord = await userToken(emu, users.coordinator.userPrincipalName);
    for (const path of [
      `/v1.0/sites/${siteId}/lists/${confidentialId}`,
      `/v1.0/sites/${siteId}/lists/Confidential/items`,
      `/v1.0/sites/${siteId}/lists/${confidentialId}/items/1`,
    ]) {
      const r = await raw(emu, 'GET', path, mentor);
      expect(r.status, path).toBe(404);
      expect(r.json.error?.code).toBe('itemNotFound');
    }
    const write = await raw(
      emu,
      'PATCH',
      `/v1.0/sites/${siteId}/lists/${confidentialId}/items/1/fields`,
      mentor,
      {
        Title: 'x',
      },
    );
    expect(write.status).toBe(404);
    const lists = await raw(emu, 'GET', `/v1.0/sites/${siteId}/lists`, mentor);
    expect((lists.json.value as { id: string }[]).map((l) => l.id)).not.toContain(confidentialId);
    expect(
      (await raw(emu, 'GET', `/v1.0/sites/${siteId}/lists/${confidentialId}/items/1`, coord)).status,
    ).toBe(200);
    const own = await raw(
      emu,
      'PATCH',
      `/v1.0/sites/${siteId}/lists/${confidentialId}/items/1/fields`,
      coord,
      {
        Title: 'Medical (checked)',
      },
    );
    expect(own.status).toBe(200);
  });

  it('gives a user with a role on one list only limited access: that list, not the others', async () => {
    await raw(emu, 'PUT', `/_emulator/sites/${siteId}/lists/${confidentialId}/roles`, null, {
      inherit: false,
      assignments: [
        { principalId: users.coordinator.id, role: 'owner' },
        { principalId: users.intern.id, role: 'visitor' },
      ],
    });
    const t = await userToken(emu, users.intern.userPrincipalName);
    expect((await raw(emu, 'GET', `/v1.0/sites/${siteId}`, t)).status).toBe(200);
    expect((await raw(emu, 'GET', `/v1.0/sites/${siteId}/lists/${confidentialId}/items`, t)).status).toBe(
      200,
    );
    expect((await raw(emu, 'GET', `/v1.0/sites/${siteId}/lists/${listId}/items`, t)).status).toBe(404);
    const lists = await raw(emu, 'GET', `/v1.0/sites/${siteId}/lists`, t);
    expect((lists.json.value as { id: string }[]).map((l) => l.id)).toEqual([confidentialId]);
    // Being given access put the intern in the User Information List.
    const port = emu.ctx.ports.sharepoint as SharePointPort;
    expect(port.ensureUser(siteId, users.intern.id)).toBeGreaterThan(0);
  });

  it('restores inheritance and reports effective roles through the port', async () => {
    await raw(emu, 'PUT', `/_emulator/sites/${siteId}/lists/${confidentialId}/roles`, null, {
      inherit: true,
    });
    const port = emu.ctx.ports.sharepoint as SharePointPort;
    const user = (id: string, scopes = ['Sites.ReadWrite.All']): Principal => ({
      kind: 'user',
      oid: id,
      appId: LOCAL_APP_ID,
      tid: '',
      scopes,
      roles: [],
    });
    expect(port.effectiveRole(user(users.mentor.id), siteId, confidentialId)).toBe('write');
    expect(port.effectiveRole(user(users.mentor.id, ['Sites.Read.All']), siteId, confidentialId)).toBe(
      'read',
    );
    expect(port.effectiveRole(user(users.intern.id), siteId, confidentialId)).toBe('none');
    await setRole(users.coordinator.id, 'owner');
    expect(port.effectiveRole(user(users.coordinator.id, ['Sites.FullControl.All']), siteId, null)).toBe(
      'owner',
    );
    expect(port.effectiveRole(user(users.coordinator.id), siteId, null)).toBe('write');
    const app: Principal = {
      kind: 'app',
      oid: '',
      appId: LOCAL_APP_ID,
      tid: '',
      scopes: [],
      roles: ['Sites.Selected'],
    };
    expect(port.effectiveRole(app, siteId, listId)).toBe('write');
    expect(port.effectiveRole({ ...app, appId: 'someone-else' }, siteId, listId)).toBe('none');
  });

  it('refuses bad admin role bodies', async () => {
    expect((await setRole(users.staff.id, 'god')).status).toBe(400);
    expect((await setRole('00000000-0000-4000-8000-00000000dead', 'member')).status).toBe(404);
    const bad = await raw(emu, 'PUT', `/_emulator/sites/${siteId}/lists/${listId}/roles`, null, {
      inherit: false,
    });
    expect(bad.status).toBe(400);
  });
});
