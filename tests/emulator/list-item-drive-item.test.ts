import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchModule } from '../../src/emulator/batch/batch-module';
import { driveItemExpand } from '../../src/emulator/drives/list-item-drive-item';
import { drivesModule } from '../../src/emulator/drives/drives-module';
import type { RunningEmulator } from '../../src/emulator/server';
import { sharepointModule } from '../../src/emulator/sharepoint/sharepoint-module';
import { raw, stagesFixture, startTestEmulator, type StagesFixture } from './support';

// `$expand=driveItem` on a document library's list items (Graph's listItem `driveItem` navigation property).
interface DriveItem {
  id: string;
  name?: string;
  webUrl?: string;
  size?: number;
  file?: { mimeType: string };
  folder?: { childCount: number };
}
interface ListItem {
  id: string;
  webUrl: string;
  fields?: Record<string, unknown>;
  driveItem?: DriveItem;
}

let emu: RunningEmulator;
let fx: StagesFixture;
let listId: string;
let file: DriveItem;
let folder: DriveItem;

const get = async <T>(path: string, token = fx.appToken) => {
  const r = await raw(emu, 'GET', `/v1.0${path}`, token);
  expect(r.status, r.text).toBe(200);
  return r.json as unknown as T;
};

beforeAll(async () => {
  emu = await startTestEmulator({ modules: [sharepointModule, drivesModule, batchModule] });
  fx = await stagesFixture(emu);
  const lists = await get<{ value: { id: string; displayName: string }[] }>(`/sites/${fx.siteId}/lists`);
  listId = lists.value.find((l) => l.displayName === 'Final works')!.id;
  const made = await raw(emu, 'POST', `/v1.0/drives/${fx.finalWorks}/root/children`, fx.appToken, {
    name: 'demo-0006',
    folder: {},
  });
  folder = made.json as unknown as DriveItem;
  const put = await raw(
    emu,
    'PUT',
    `/v1.0/drives/${fx.finalWorks}/root:/demo-0006/Eindwerk.pdf:/content`,
    fx.appToken,
    new TextEncoder().encode('%PDF-1.4 eindwerk'),
  );
  expect(put.status, put.text).toBe(201);
  file = put.json as unknown as DriveItem;
  const tagged = await raw(
    emu,
    'PATCH',
    `/v1.0/drives/${fx.finalWorks}/items/${file.id}/listItem/fields`,
    fx.appToken,
    { DocumentType: 'other' },
  );
  expect(tagged.status, tagged.text).toBe(200);
});
afterAll(() => emu.close());

describe('$expand=driveItem on list items', () => {
  it('parses the expansion and its own $select', () => {
    expect(driveItemExpand('fields')).toBeUndefined();
    expect(driveItemExpand(null)).toBeUndefined();
    expect(driveItemExpand('fields($select=A,B),driveItem')).toBeNull();
    expect(driveItemExpand('DriveItem($select=id,webUrl)')).toBe('id,webUrl');
    expect(driveItemExpand('fields($select=A),driveItem(select=webUrl;$top=1)')).toBe('webUrl');
  });

  it('adds each file’s and folder’s driveItem to a filtered list query, with the folder in its webUrl', async () => {
    const page = await get<{ value: ListItem[] }>(
      `/sites/${fx.siteId}/lists/${listId}/items?$filter=${encodeURIComponent("fields/DocumentType eq 'other'")}&$expand=fields($select=FileLeafRef),driveItem`,
    );
    expect(page.value).toHaveLength(1);
    const item = page.value[0]!;
    expect(item.fields?.FileLeafRef).toBe('Eindwerk.pdf');
    expect(item.driveItem).toMatchObject({
      id: file.id,
      name: 'Eindwerk.pdf',
      size: 17,
      file: { mimeType: 'application/pdf' },
    });
    expect(item.driveItem?.webUrl).toMatch(/\/demo-0006\/Eindwerk\.pdf$/);

    const all = await get<{ value: ListItem[] }>(
      `/sites/${fx.siteId}/lists/${listId}/items?expand=driveItem`,
    );
    const asFolder = all.value.find((v) => v.driveItem?.id === folder.id);
    expect(asFolder?.driveItem?.folder?.childCount).toBe(1);
    expect(all.value.every((v) => v.fields === undefined)).toBe(true);
  });

  it('honours the expansion’s $select, a single item, and leaves items alone without it', async () => {
    const selected = await get<{ value: ListItem[] }>(
      `/sites/${fx.siteId}/lists/${listId}/items?$expand=${encodeURIComponent('driveItem($select=id,webUrl)')}`,
    );
    const d = selected.value.find((v) => v.driveItem?.id === file.id)!.driveItem!;
    expect(
      Object.keys(d)
        .filter((k) => !k.startsWith('@'))
        .sort(),
    ).toEqual(['id', 'webUrl']);

    const plain = await get<{ value: ListItem[] }>(`/sites/${fx.siteId}/lists/${listId}/items`);
    expect(plain.value.length).toBeGreaterThan(0);
    expect(plain.value.some((v) => 'driveItem' in v)).toBe(false);

    const id = selected.value.find((v) => v.driveItem?.id === file.id)!.id;
    const one = await get<ListItem>(`/sites/${fx.siteId}/lists/${listId}/items/${id}?$expand=driveItem`);
    expect(one.driveItem?.id).toBe(file.id);
  });

  it('expands inside $batch too, and for a staff member who may read the library', async () => {
    const b = await raw(emu, 'POST', '/v1.0/$batch', fx.appToken, {
      requests: [
        { id: '1', method: 'GET', url: `/sites/${fx.siteId}/lists/${listId}/items?$expand=driveItem` },
      ],
    });
    expect(b.status, b.text).toBe(200);
    const body = (b.json as unknown as { responses: { status: number; body: { value: ListItem[] } }[] })
      .responses[0]!;
    expect(body.status).toBe(200);
    expect(body.body.value.map((v) => v.driveItem?.id)).toContain(file.id);

    const asStaff = await get<{ value: ListItem[] }>(
      `/sites/${fx.siteId}/lists/${listId}/items?$expand=driveItem`,
      fx.tokens.staff,
    );
    expect(asStaff.value.map((v) => v.driveItem?.webUrl)).toContain(file.webUrl);
  });
});
