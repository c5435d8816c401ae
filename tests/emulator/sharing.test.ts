import { ResponseType, type Client } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivesModule } from '../../src/emulator/drives/drives-module';
import type { RunningEmulator } from '../../src/emulator/server';
import { sharepointModule } from '../../src/emulator/sharepoint/sharepoint-module';
import { graphClient, raw, stagesFixture, startTestEmulator, type StagesFixture } from './support';

interface Item {
  id: string;
  name: string;
}
interface Permission {
  id: string;
  roles: string[];
  grantedToV2: { user: { id: string; displayName: string }; siteUser: { id: string; loginName: string } };
  inheritedFrom?: { driveId: string; id: string; path: string };
}

let emu: RunningEmulator;
let fx: StagesFixture;
let app: Client;
let folder001: Item;
let folder002: Item;
let agreement: Item;
let sub: Item;
const agreementBytes = Buffer.from('signed agreement');

const expectError = (r: Awaited<ReturnType<typeof raw>>, status: number, code: string) => {
  expect(r.status, r.text).toBe(status);
  expect(r.json.error?.code).toBe(code);
  expect(r.json.error).toHaveProperty('innerError.request-id');
};
const as = (who: keyof StagesFixture['tokens'], method: string, path: string, body?: unknown) =>
  raw(emu, method, `/v1.0${path}`, fx.tokens[who], body);

beforeAll(async () => {
  emu = await startTestEmulator({ modules: [sharepointModule, drivesModule] });
  fx = await stagesFixture(emu);
  app = graphClient(emu, fx.appToken);
  const d = `/drives/${fx.stagemap}`;
  // One folder per internship, as Stagemap lays out the library.
  folder001 = (await app.api(`${d}/root/children`).post({ name: '2026-001', folder: {} })) as Item;
  folder002 = (await app.api(`${d}/root/children`).post({ name: '2026-002', folder: {} })) as Item;
  agreement = (await app
    .api(`${d}/items/${folder001.id}:/agreement.pdf:/content`)
    .put(agreementBytes)) as Item;
  sub = (await app
    .api(`${d}/items/${folder001.id}/children`)
    .post({ name: 'evaluations', folder: {} })) as Item;
  await app.api(`${d}/items/${folder002.id}:/other.pdf:/content`).put(Buffer.from('other'));
  await app.api(`/drives/${fx.confidential}/root:/medical-2026-001.pdf:/content`).put(Buffer.from('medical'));
});
afterAll(() => emu.close());

describe('before sharing', () => {
  it('a mentor with no role on the library gets 403 accessDenied on the drive and its items', async () => {
    expectError(await as('mentorA', 'GET', `/drives/${fx.stagemap}`), 403, 'accessDenied');
    expectError(
      await as('mentorA', 'GET', `/drives/${fx.stagemap}/items/${folder001.id}`),
      403,
      'accessDenied',
    );
    expectError(
      await as('mentorA', 'GET', `/drives/${fx.stagemap}/root:/2026-001:/children`),
      403,
      'accessDenied',
    );
  });
});

describe('invite', () => {
  let invited: Permission[];

  beforeAll(async () => {
    const res = (await app.api(`/drives/${fx.stagemap}/items/${folder001.id}/invite`).post({
      recipients: [{ email: fx.users.mentorA.userPrincipalName }, { objectId: fx.users.intern.id }],
      roles: ['write'],
      requireSignIn: true,
      sendInvitation: false,
    })) as { value: Permission[] };
    invited = res.value;
    // The intern only reads: downgrade with PATCH (roles is the one property that can change).
    const internPerm = invited.find((p) => p.grantedToV2.user.id === fx.users.intern.id)!;
    const patched = (await app
      .api(`/drives/${fx.stagemap}/items/${folder001.id}/permissions/${internPerm.id}`)
      .patch({ roles: ['read'] })) as Permission;
    expect(patched.roles).toEqual(['read']);
    // Mentor B follows the other internship.
    await app.api(`/drives/${fx.stagemap}/items/${folder002.id}/invite`).post({
      recipients: [{ email: fx.users.mentorB.userPrincipalName }],
      roles: ['write'],
      requireSignIn: true,
      sendInvitation: false,
    });
  });

  it('returns 200 with the created permissions', () => {
    expect(invited).toHaveLength(2);
    const mentor = invited.find((p) => p.grantedToV2.user.id === fx.users.mentorA.id)!;
    expect(mentor.roles).toEqual(['write']);
    expect(mentor.grantedToV2.user.displayName).toBe('Mia Mentor');
    expect(mentor.grantedToV2.siteUser.loginName).toBe('i:0#.f|membership|mentor.a@stagemap.local');
    expect(Number(mentor.grantedToV2.siteUser.id)).toBeGreaterThan(0);
    expect(mentor.inheritedFrom).toBeUndefined();
  });

  it('lets the invited mentor read the folder and its children, and write in it', async () => {
    const mentor = graphClient(emu, fx.tokens.mentorA);
    const d = `/drives/${fx.stagemap}`;
    const f = (await mentor.api(`${d}/items/${folder001.id}`).get()) as Item;
    expect(f.name).toBe('2026-001');
    const kids = (await mentor.api(`${d}/root:/2026-001:/children`).get()) as { value: Item[] };
    expect(kids.value.map((k) => k.name).sort()).toEqual(['agreement.pdf', 'evaluations']);
    const bytes = (await mentor
      .api(`${d}/items/${agreement.id}/content`)
      .responseType(ResponseType.ARRAYBUFFER)
      .get()) as ArrayBuffer;
    expect(Buffer.from(bytes).equals(agreementBytes)).toBe(true);
    const mine = await as(
      'mentorA',
      'PUT',
      `${d}/items/${sub.id}:/midterm.docx:/content`,
      new Uint8Array([1, 2]),
    );
    expect(mine.status).toBe(201);
    // Limited access: the drive and its root open, but the root lists only what is shared with them.
    const root = (await mentor.api(`${d}/root/children`).get()) as { value: Item[] };
    expect(root.value.map((i) => i.name)).toEqual(['2026-001']);
  });

  it('lets a read-only intern read but answers 403 accessDenied on writes', async () => {
    const d = `/drives/${fx.stagemap}`;
    expect((await as('intern', 'GET', `${d}/items/${agreement.id}`)).status).toBe(200);
    expectError(
      await as('intern', 'PUT', `${d}/items/${folder001.id}:/x.txt:/content`, new Uint8Array([1])),
      403,
      'accessDenied',
    );
    expectError(await as('intern', 'DELETE', `${d}/items/${agreement.id}`), 403, 'accessDenied');
  });

  it("hides another mentor's intern folder (404 itemNotFound) and the Confidential library (403)", async () => {
    const d = `/drives/${fx.stagemap}`;
    expectError(await as('mentorB', 'GET', `${d}/items/${folder001.id}`), 404, 'itemNotFound');
    expectError(await as('mentorB', 'GET', `${d}/items/${agreement.id}/content`), 404, 'itemNotFound');
    expectError(await as('mentorB', 'GET', `${d}/root:/2026-001/agreement.pdf:`), 404, 'itemNotFound');
    expect((await as('mentorB', 'GET', `${d}/items/${folder002.id}`)).status).toBe(200);
    expectError(await as('mentorA', 'GET', `/drives/${fx.confidential}/root/children`), 403, 'accessDenied');
    expectError(
      await as('mentorA', 'GET', `/drives/${fx.confidential}/root:/medical-2026-001.pdf:`),
      403,
      'accessDenied',
    );
    const drives = (await as('mentorA', 'GET', `/sites/${fx.siteId}/drives`)).json.value as {
      name: string;
    }[];
    expect(drives.map((x) => x.name)).not.toContain('Stagemap-Confidential');
    // The coordinator owns both libraries.
    expect(
      (await as('coordinator', 'GET', `/drives/${fx.confidential}/root:/medical-2026-001.pdf:`)).status,
    ).toBe(200);
  });

  it('lets every staff member read Final works but not write to it', async () => {
    const d = `/drives/${fx.finalWorks}`;
    await app.api(`${d}/root:/thesis-2025.pdf:/content`).put(Buffer.from('thesis'));
    const list = await as('staff', 'GET', `${d}/root/children`);
    expect((list.json.value as Item[]).map((i) => i.name)).toEqual(['thesis-2025.pdf']);
    expectError(
      await as('staff', 'PUT', `${d}/root:/mine.pdf:/content`, new Uint8Array([1])),
      403,
      'accessDenied',
    );
    expectError(await as('staff', 'GET', `/drives/${fx.stagemap}/root`), 403, 'accessDenied');
  });
});

describe('permissions', () => {
  it('lists direct permissions on the folder and inherited ones (inheritedFrom) on its children', async () => {
    const d = `/drives/${fx.stagemap}`;
    const direct = (await app.api(`${d}/items/${folder001.id}/permissions`).get()) as { value: Permission[] };
    expect(direct.value.map((p) => p.grantedToV2.user.id).sort()).toEqual(
      [fx.users.mentorA.id, fx.users.intern.id].sort(),
    );
    expect(direct.value.every((p) => p.inheritedFrom === undefined)).toBe(true);

    const nested = (await app.api(`${d}/items/${sub.id}/permissions`).get()) as { value: Permission[] };
    expect(nested.value).toHaveLength(2);
    for (const p of nested.value)
      expect(p.inheritedFrom).toEqual({
        driveId: fx.stagemap,
        id: folder001.id,
        path: `${d}/root:/2026-001`,
      });
    const one = (await app
      .api(`${d}/items/${agreement.id}/permissions/${nested.value[0]!.id}`)
      .get()) as Permission;
    expect(one.inheritedFrom?.id).toBe(folder001.id);
    expectError(
      await raw(emu, 'GET', `/v1.0${d}/items/${agreement.id}/permissions/nope`, fx.appToken),
      404,
      'itemNotFound',
    );
  });

  it('refuses to delete or change an inherited permission (403 notAllowed)', async () => {
    const d = `/drives/${fx.stagemap}`;
    const nested = (await app.api(`${d}/items/${agreement.id}/permissions`).get()) as { value: Permission[] };
    const inherited = nested.value[0]!;
    const del = await raw(
      emu,
      'DELETE',
      `/v1.0${d}/items/${agreement.id}/permissions/${inherited.id}`,
      fx.appToken,
    );
    expectError(del, 403, 'notAllowed');
    expect(del.json.error?.message).toBe('Operation not allowed');
    expectError(
      await raw(emu, 'PATCH', `/v1.0${d}/items/${agreement.id}/permissions/${inherited.id}`, fx.appToken, {
        roles: ['read'],
      }),
      403,
      'notAllowed',
    );
  });

  it('validates invitations like the service', async () => {
    const url = `/v1.0/drives/${fx.stagemap}/items/${folder002.id}/invite`;
    expectError(
      await raw(emu, 'POST', url, fx.appToken, { recipients: [], roles: ['read'] }),
      400,
      'invalidRequest',
    );
    expectError(
      await raw(emu, 'POST', url, fx.appToken, {
        recipients: [{ email: 'nobody@elsewhere.test' }],
        roles: ['read'],
      }),
      400,
      'invalidRequest',
    );
    expectError(
      await raw(emu, 'POST', url, fx.appToken, {
        recipients: [{ email: fx.users.staff.userPrincipalName }],
        roles: ['owner'],
      }),
      400,
      'invalidRequest',
    );
    // A mentor may share inside their own folder (write), not elsewhere.
    expectError(
      await as('mentorA', 'POST', `/drives/${fx.stagemap}/items/${folder002.id}/invite`, {
        recipients: [{ email: fx.users.staff.userPrincipalName }],
        roles: ['read'],
      }),
      404,
      'itemNotFound',
    );
  });

  it('revokes access when the direct permission is deleted', async () => {
    const d = `/drives/${fx.stagemap}`;
    const direct = (await app.api(`${d}/items/${folder001.id}/permissions`).get()) as { value: Permission[] };
    const intern = direct.value.find((p) => p.grantedToV2.user.id === fx.users.intern.id)!;
    expect((await as('intern', 'GET', `${d}/items/${agreement.id}`)).status).toBe(200);
    const del = await raw(
      emu,
      'DELETE',
      `/v1.0${d}/items/${folder001.id}/permissions/${intern.id}`,
      fx.appToken,
    );
    expect(del.status).toBe(204);
    // No grant left anywhere in the library: the whole drive is closed to them again.
    expectError(await as('intern', 'GET', `${d}/items/${agreement.id}`), 403, 'accessDenied');
    const after = (await app.api(`${d}/items/${agreement.id}/permissions`).get()) as { value: Permission[] };
    expect(after.value.map((p) => p.grantedToV2.user.id)).toEqual([fx.users.mentorA.id]);
    expectError(
      await raw(emu, 'DELETE', `/v1.0${d}/items/${folder001.id}/permissions/${intern.id}`, fx.appToken),
      404,
      'itemNotFound',
    );
  });
});
