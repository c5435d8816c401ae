import { ResponseType, type Client } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_APP_ID } from '../../src/emulator/config';
import { drivesModule } from '../../src/emulator/drives/drives-module';
import { renamedCandidate, validateName } from '../../src/emulator/drives/names';
import { quickXorHash } from '../../src/emulator/drives/quick-xor-hash';
import type { RunningEmulator } from '../../src/emulator/server';
import { sharepointModule } from '../../src/emulator/sharepoint/sharepoint-module';
import { graphClient, raw, stagesFixture, startTestEmulator, type StagesFixture } from './support';

interface Item {
  id: string;
  name: string;
  eTag: string;
  cTag: string;
  size: number;
  webUrl: string;
  folder?: { childCount: number };
  file?: { mimeType: string; hashes: { quickXorHash: string } };
  parentReference: { driveId: string; id?: string; path?: string };
  createdBy: { user?: { id?: string; displayName: string }; application?: { id: string } };
}

let emu: RunningEmulator;
let fx: StagesFixture;
let app: Client;

beforeAll(async () => {
  emu = await startTestEmulator({ modules: [sharepointModule, drivesModule] });
  fx = await stagesFixture(emu);
  app = graphClient(emu, fx.appToken);
});
afterAll(() => emu.close());

const expectError = (r: Awaited<ReturnType<typeof raw>>, status: number, code: string, message?: RegExp) => {
  expect(r.status, r.text).toBe(status);
  expect(r.json.error?.code).toBe(code);
  if (message) expect(r.json.error?.message).toMatch(message);
  expect(r.json.error).toHaveProperty('innerError.request-id');
};

describe('QuickXorHash (file.hashes.quickXorHash)', () => {
  // Vectors of rclone's OneDrive backend, which checks them against the service.
  it.each([
    ['', 'AAAAAAAAAAAAAAAAAAAAAAAAAAA='],
    ['Sg==', 'SgAAAAAAAAAAAAAAAQAAAAAAAAA='],
    ['tbQ=', 'taAFAAAAAAAAAAAAAgAAAAAAAAA='],
    ['0pZP', '0rDEEwAAAAAAAAAAAwAAAAAAAAA='],
    ['jRRDVA==', 'jaDAEKgAAAAAAAAABAAAAAAAAAA='],
    ['luBZlaT6', 'lgBHFipBCn0AAAAABgAAAAAAAAA='],
    ['/aNzzCFPS/A=', '/RjFHJgRgicsAR4ACAAAAAAAAAA='],
  ])('hashes %s to %s', (input, expected) => {
    expect(quickXorHash(Buffer.from(input, 'base64'))).toBe(expected);
  });
});

describe('names', () => {
  it.each(['a"b', 'a*b', 'a:b', 'a<b', 'a>b', 'a?b', 'a/b', 'a\\b', 'a|b'])('refuses %s', (n) => {
    expect(() => validateName(n)).toThrow(/illegal characters/);
  });
  it('refuses leading/trailing spaces and reserved names, accepts ordinary ones', () => {
    expect(() => validateName(' a')).toThrow(/leading, or trailing, spaces/);
    expect(() => validateName('a ')).toThrow(/leading, or trailing, spaces/);
    for (const n of ['CON', 'nul.txt', 'desktop.ini', '~$draft.docx', 'x_vti_y', '.lock'])
      expect(() => validateName(n), n).toThrow(/reserved/);
    expect(validateName('Stageovereenkomst 2026.pdf')).toBe('Stageovereenkomst 2026.pdf');
  });
  it('renames like the service: "name 1.ext", folders "name 1"', () => {
    expect(renamedCandidate('report.pdf', 1, false)).toBe('report 1.pdf');
    expect(renamedCandidate('Folder.v2', 2, true)).toBe('Folder.v2 2');
    expect(renamedCandidate('.env', 1, false)).toBe('.env 1');
  });
});

describe('drives of a site', () => {
  it('lists the libraries as documentLibrary drives with b! ids', async () => {
    const res = (await app.api(`/sites/${fx.siteId}/drives`).get()) as {
      value: { id: string; name: string; driveType: string; webUrl: string; quota: { state: string } }[];
    };
    expect(res.value.map((d) => d.name).sort()).toEqual(
      ['Documents', 'Final works', 'Stagemap', 'Stagemap-Confidential'].sort(),
    );
    for (const d of res.value) {
      expect(d.id).toMatch(/^b![A-Za-z0-9_-]{64}$/);
      expect(d.driveType).toBe('documentLibrary');
      expect(d.quota.state).toBe('normal');
    }
    expect(res.value.find((d) => d.name === 'Stagemap')?.id).toBe(fx.stagemap);
  });

  it('resolves /sites/{id}/drive to the default Documents library and /drives/{id} to the same drive', async () => {
    const def = (await app.api(`/sites/${fx.siteId}/drive`).get()) as {
      id: string;
      name: string;
      webUrl: string;
    };
    expect(def.name).toBe('Documents');
    expect(def.webUrl).toMatch(/\/sites\/Stages\/Shared%20Documents$/);
    const same = (await app.api(`/drives/${def.id}`).get()) as { id: string };
    expect(same.id).toBe(def.id);
    const viaList = (await app.api(`/sites/${fx.siteId}/lists/${fx.stagemapListId}/drive`).get()) as {
      id: string;
    };
    expect(viaList.id).toBe(fx.stagemap);
  });

  it('answers 404 itemNotFound for an unknown drive and 403 for a site the app has no grant on', async () => {
    expectError(await raw(emu, 'GET', '/v1.0/drives/b!doesnotexist', fx.appToken), 404, 'itemNotFound');
    // The root site exists but Sites.Selected was only granted on /sites/Stages.
    expectError(await raw(emu, 'GET', '/v1.0/sites/root/drive/root', fx.appToken), 403, 'accessDenied');
  });
});

describe('folders', () => {
  const create = (body: Record<string, unknown>) =>
    raw(emu, 'POST', `/v1.0/drives/${fx.stagemap}/root/children`, fx.appToken, body);

  it('creates a folder and applies each conflictBehavior like the service', async () => {
    const first = (await app
      .api(`/drives/${fx.stagemap}/root/children`)
      .post({ name: 'Conflicts', folder: {}, '@microsoft.graph.conflictBehavior': 'fail' })) as Item;
    expect(first.folder).toEqual({ childCount: 0 });
    expect(first.parentReference).toMatchObject({
      driveId: fx.stagemap,
      path: `/drives/${fx.stagemap}/root:`,
    });
    // App-only writes are attributed to the application, with SharePoint's "SharePoint App" user.
    expect(first.createdBy).toEqual({
      application: { id: LOCAL_APP_ID, displayName: 'Stagemap' },
      user: { displayName: 'SharePoint App' },
    });

    const fail = await create({ name: 'conflicts', folder: {}, '@microsoft.graph.conflictBehavior': 'fail' });
    expectError(fail, 409, 'nameAlreadyExists');

    const renamed = await create({
      name: 'Conflicts',
      folder: {},
      '@microsoft.graph.conflictBehavior': 'rename',
    });
    expect(renamed.status).toBe(201);
    expect(renamed.json.name).toBe('Conflicts 1');
    const renamed2 = await create({
      name: 'Conflicts',
      folder: {},
      '@microsoft.graph.conflictBehavior': 'rename',
    });
    expect(renamed2.json.name).toBe('Conflicts 2');

    const replaced = await create({
      name: 'Conflicts',
      folder: {},
      '@microsoft.graph.conflictBehavior': 'replace',
    });
    expect(replaced.status).toBe(201);
    expect(replaced.json.name).toBe('Conflicts');
    expect(replaced.json.id).not.toBe(first.id);
    expectError(
      await raw(emu, 'GET', `/v1.0/drives/${fx.stagemap}/items/${first.id}`, fx.appToken),
      404,
      'itemNotFound',
    );

    // Without the annotation the default is fail.
    expectError(await create({ name: 'Conflicts', folder: {} }), 409, 'nameAlreadyExists');
  });

  it.each([
    ['Bad:name', /illegal characters/],
    ['a|b', /illegal characters/],
    [' lead', /leading, or trailing, spaces/],
    ['trail ', /leading, or trailing, spaces/],
    ['CON', /reserved/],
  ])('refuses the name %j with 400 invalidRequest', async (name, message) => {
    expectError(await create({ name, folder: {} }), 400, 'invalidRequest', message);
  });

  it('addresses items by path, under root and under an item id', async () => {
    const a = (await app
      .api(`/drives/${fx.stagemap}/root/children`)
      .post({ name: 'Paths', folder: {} })) as Item;
    const b = (await app
      .api(`/drives/${fx.stagemap}/items/${a.id}/children`)
      .post({ name: 'B c', folder: {} })) as Item;
    expect(b.parentReference.path).toBe(`/drives/${fx.stagemap}/root:/Paths`);
    const byPath = (await app.api(`/drives/${fx.stagemap}/root:/Paths/B c:`).get()) as Item;
    expect(byPath.id).toBe(b.id);
    expect(byPath.webUrl).toMatch(/\/sites\/Stages\/Stagemap\/Paths\/B%20c$/);
    const relative = (await app.api(`/drives/${fx.stagemap}/items/${a.id}:/B c:`).get()) as Item;
    expect(relative.id).toBe(b.id);
    const kids = (await app.api(`/drives/${fx.stagemap}/root:/Paths:/children`).get()) as { value: Item[] };
    expect(kids.value.map((k) => k.id)).toEqual([b.id]);
    const parent = (await app.api(`/drives/${fx.stagemap}/items/${a.id}`).get()) as Item;
    expect(parent.folder?.childCount).toBe(1);
    expectError(
      await raw(emu, 'GET', `/v1.0/drives/${fx.stagemap}/root:/Paths/nope:`, fx.appToken),
      404,
      'itemNotFound',
    );
  });

  it('pages children with $top and @odata.nextLink (default page size 200)', async () => {
    const dir = (await app
      .api(`/drives/${fx.stagemap}/root/children`)
      .post({ name: 'Paged', folder: {} })) as Item;
    for (let i = 0; i < 23; i++)
      await app
        .api(`/drives/${fx.stagemap}/items/${dir.id}/children`)
        .post({ name: `f${String(i).padStart(2, '0')}`, folder: {} });
    const all = await raw(emu, 'GET', `/v1.0/drives/${fx.stagemap}/items/${dir.id}/children`, fx.appToken);
    expect((all.json.value as Item[]).length).toBe(23);
    expect(all.json['@odata.nextLink']).toBeUndefined();

    const seen: string[] = [];
    let page = (await app.api(`/drives/${fx.stagemap}/items/${dir.id}/children`).top(10).get()) as {
      value: Item[];
      '@odata.nextLink'?: string;
    };
    const sizes = [page.value.length];
    seen.push(...page.value.map((v) => v.name));
    while (page['@odata.nextLink']) {
      expect(page['@odata.nextLink']).toMatch(new RegExp(`^${emu.url}/v1\\.0/drives/.+\\$skiptoken=`));
      const next = await raw(emu, 'GET', page['@odata.nextLink'].slice(emu.url.length), fx.appToken);
      page = next.json as typeof page;
      sizes.push(page.value.length);
      seen.push(...page.value.map((v) => v.name));
    }
    expect(sizes).toEqual([10, 10, 3]);
    expect(seen).toEqual(Array.from({ length: 23 }, (_, i) => `f${String(i).padStart(2, '0')}`));
    expectError(
      await raw(emu, 'GET', `/v1.0/drives/${fx.stagemap}/items/${dir.id}/children?$top=0`, fx.appToken),
      400,
      'invalidRequest',
    );
  });
});

describe('small files', () => {
  let folder: Item;
  const bytes = Buffer.from('Stageovereenkomst, handtekening volgt.\n'.repeat(50));
  beforeAll(async () => {
    folder = (await app
      .api(`/drives/${fx.stagemap}/root/children`)
      .post({ name: 'Files', folder: {} })) as Item;
  });

  it('uploads with PUT …/content and downloads the same bytes through the 302 redirect', async () => {
    const created = (await app
      .api(`/drives/${fx.stagemap}/root:/Files/agreement.txt:/content`)
      .put(bytes)) as Item;
    expect(created).toMatchObject({
      name: 'agreement.txt',
      size: bytes.length,
      file: { mimeType: 'text/plain', hashes: { quickXorHash: quickXorHash(bytes) } },
      parentReference: { id: folder.id, path: `/drives/${fx.stagemap}/root:/Files` },
    });
    expect(created.eTag).toMatch(/^"\{[0-9A-F-]{36}\},1"$/);
    expect(created.cTag).toMatch(/^"c:\{[0-9A-F-]{36}\},1"$/);

    // Raw: 302 to a pre-authenticated URL outside /v1.0, fetched with no Authorization header.
    const res = await fetch(`${emu.url}/v1.0/drives/${fx.stagemap}/items/${created.id}/content`, {
      headers: { authorization: `Bearer ${fx.appToken}` },
      redirect: 'manual',
    });
    expect(res.status).toBe(302);
    const location = res.headers.get('location')!;
    expect(location.startsWith(`${emu.url}/`)).toBe(true);
    expect(new URL(location).pathname.startsWith('/v1.0')).toBe(false);
    const dl = await fetch(location);
    expect(dl.status).toBe(200);
    expect(Buffer.from(await dl.arrayBuffer()).equals(bytes)).toBe(true);

    // The SDK follows the redirect itself.
    const viaSdk = (await app
      .api(`/drives/${fx.stagemap}/root:/Files/agreement.txt:/content`)
      .responseType(ResponseType.ARRAYBUFFER)
      .get()) as ArrayBuffer;
    expect(Buffer.from(viaSdk).equals(bytes)).toBe(true);

    // A tampered download URL is refused.
    const forged = new URL(location);
    forged.searchParams.set('tempauth', `${forged.searchParams.get('tempauth')!}x`);
    expect((await fetch(forged)).status).toBe(401);
  });

  it('replaces by default (200, same id, new eTag/cTag) and honours conflictBehavior fail/rename', async () => {
    const path = `/v1.0/drives/${fx.stagemap}/root:/Files/replace.txt:/content`;
    const first = await raw(emu, 'PUT', path, fx.appToken, Buffer.from('one'));
    expect(first.status).toBe(201);
    const second = await raw(emu, 'PUT', path, fx.appToken, Buffer.from('two!'));
    expect(second.status).toBe(200);
    expect(second.json.id).toBe(first.json.id);
    expect(second.json.size).toBe(4);
    expect(second.json.eTag).not.toBe(first.json.eTag);
    expect(second.json.cTag).not.toBe(first.json.cTag);
    expectError(
      await raw(emu, 'PUT', `${path}?@microsoft.graph.conflictBehavior=fail`, fx.appToken, Buffer.from('x')),
      409,
      'nameAlreadyExists',
    );
    const renamed = await raw(
      emu,
      'PUT',
      `${path}?@microsoft.graph.conflictBehavior=rename`,
      fx.appToken,
      Buffer.from('x'),
    );
    expect(renamed.status).toBe(201);
    expect(renamed.json.name).toBe('replace 1.txt');
    expectError(
      await raw(
        emu,
        'PUT',
        `/v1.0/drives/${fx.stagemap}/root:/Files/${encodeURIComponent('bad?.txt')}:/content`,
        fx.appToken,
        Buffer.from('x'),
      ),
      400,
      'invalidRequest',
      /illegal characters/,
    );
    expectError(
      await raw(
        emu,
        'PUT',
        `/v1.0/drives/${fx.stagemap}/root:/Nowhere/x.txt:/content`,
        fx.appToken,
        Buffer.from('x'),
      ),
      404,
      'itemNotFound',
    );
  });

  it('renames and moves with PATCH, refuses a stale If-Match with 412, deletes with 204', async () => {
    const file = (await app
      .api(`/drives/${fx.stagemap}/root:/Files/move-me.txt:/content`)
      .put(Buffer.from('m'))) as Item;
    const target = (await app
      .api(`/drives/${fx.stagemap}/root/children`)
      .post({ name: 'Target', folder: {} })) as Item;
    const moved = (await app
      .api(`/drives/${fx.stagemap}/items/${file.id}`)
      .patch({ name: 'moved.txt', parentReference: { id: target.id } })) as Item;
    expect(moved).toMatchObject({ id: file.id, name: 'moved.txt', parentReference: { id: target.id } });
    expect(moved.parentReference.path).toBe(`/drives/${fx.stagemap}/root:/Target`);
    expect(moved.eTag).not.toBe(file.eTag);
    expect(moved.cTag).toBe(file.cTag); // content unchanged

    expectError(
      await raw(
        emu,
        'PATCH',
        `/v1.0/drives/${fx.stagemap}/items/${file.id}`,
        fx.appToken,
        { name: 'x.txt' },
        { 'if-match': file.eTag },
      ),
      412,
      'resourceModified',
    );
    const taken = await app
      .api(`/drives/${fx.stagemap}/root:/Target/taken.txt:/content`)
      .put(Buffer.from('t'));
    expect(taken).toBeTruthy();
    expectError(
      await raw(emu, 'PATCH', `/v1.0/drives/${fx.stagemap}/items/${file.id}`, fx.appToken, {
        name: 'TAKEN.txt',
      }),
      409,
      'nameAlreadyExists',
    );
    expectError(
      await raw(emu, 'PATCH', `/v1.0/drives/${fx.stagemap}/items/${target.id}`, fx.appToken, {
        parentReference: { id: target.id },
      }),
      400,
      'invalidRequest',
    );

    const del = await raw(emu, 'DELETE', `/v1.0/drives/${fx.stagemap}/items/${target.id}`, fx.appToken);
    expect(del.status).toBe(204);
    expectError(
      await raw(emu, 'GET', `/v1.0/drives/${fx.stagemap}/items/${file.id}`, fx.appToken),
      404,
      'itemNotFound',
    );
  });
});

describe('the listItem facet', () => {
  it('sets library columns through the driveItem and filters the library list on them', async () => {
    const dir = (await app
      .api(`/drives/${fx.stagemap}/root/children`)
      .post({ name: '2026-001', folder: {} })) as Item;
    const a = (await app
      .api(`/drives/${fx.stagemap}/items/${dir.id}:/contract.pdf:/content`)
      .put(Buffer.from('%PDF'))) as Item;
    const b = (await app
      .api(`/drives/${fx.stagemap}/items/${dir.id}:/infofiche.docx:/content`)
      .put(Buffer.from('PK'))) as Item;
    expect(a.file?.mimeType).toBe('application/pdf');

    const fields = (await app
      .api(`/drives/${fx.stagemap}/items/${a.id}/listItem/fields`)
      .patch({ DocumentType: 'agreement' })) as Record<string, unknown>;
    expect(fields.DocumentType).toBe('agreement');
    await app
      .api(`/drives/${fx.stagemap}/items/${b.id}/listItem/fields`)
      .patch({ DocumentType: 'infofiche' });

    const li = (await app.api(`/drives/${fx.stagemap}/items/${a.id}/listItem`).expand('fields').get()) as {
      id: string;
      fields: Record<string, unknown>;
    };
    expect(li.fields).toMatchObject({ DocumentType: 'agreement', FileLeafRef: 'contract.pdf' });

    const filtered = (await app
      .api(`/sites/${fx.siteId}/lists/${fx.stagemapListId}/items`)
      .expand('fields')
      .filter("fields/DocumentType eq 'agreement'")
      .get()) as { value: { id: string; fields: Record<string, unknown> }[] };
    expect(filtered.value.map((v) => v.fields.FileLeafRef)).toEqual(['contract.pdf']);
    expect(filtered.value[0]?.id).toBe(li.id);

    // Renaming the file renames the list item (FileLeafRef follows).
    await app.api(`/drives/${fx.stagemap}/items/${a.id}`).patch({ name: 'contract-signed.pdf' });
    const after = (await app.api(`/drives/${fx.stagemap}/items/${a.id}/listItem/fields`).get()) as Record<
      string,
      unknown
    >;
    expect(after.FileLeafRef).toBe('contract-signed.pdf');

    expectError(
      await raw(emu, 'PATCH', `/v1.0/drives/${fx.stagemap}/items/${a.id}/listItem/fields`, fx.appToken, {
        FileLeafRef: 'sneaky.pdf',
      }),
      400,
      'invalidRequest',
      /read-only/,
    );
    expectError(
      await raw(emu, 'PATCH', `/v1.0/drives/${fx.stagemap}/items/${a.id}/listItem/fields`, fx.appToken, {
        DocumentType: 'not-a-choice',
      }),
      400,
      'invalidRequest',
    );
    expectError(
      await raw(emu, 'GET', `/v1.0/drives/${fx.stagemap}/root/listItem`, fx.appToken),
      404,
      'itemNotFound',
    );

    // Deleting the file deletes its list item.
    await app.api(`/drives/${fx.stagemap}/items/${b.id}`).delete();
    const gone = (await app
      .api(`/sites/${fx.siteId}/lists/${fx.stagemapListId}/items`)
      .expand('fields')
      .filter("fields/DocumentType eq 'infofiche'")
      .get()) as { value: unknown[] };
    expect(gone.value).toEqual([]);
  });
});
