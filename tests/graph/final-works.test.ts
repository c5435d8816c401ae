import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInternship, buildPerson } from '../../src/domain/factories';
import { ForbiddenError, NotFoundError } from '../../src/graph/errors';
import type { Graph } from '../../src/graph/client';
import { LIBRARY } from '../../src/graph/folders/internship-folders';
import {
  FINAL_WORKS_LIBRARY,
  finalWorkFolderName,
  type FinalWork,
} from '../../src/graph/repositories/final-works';
import type { Stored } from '../../src/graph/repositories/list-repository';
import { RepositoryConflictError } from '../../src/graph/repositories/repository-errors';
import type { UploadProgress } from '../../src/graph/upload';
import { startRepoFixture, type RepoFixture } from './repositories/support';

// Final works through the repository, against the emulator over HTTP (site set up as in local mode): the hand-in
// lives in the internship's folder; only a published work has a copy in the FinalWorks library all staff read.
let fx: RepoFixture;
let staff: Graph;
beforeAll(async () => {
  fx = await startRepoFixture();
  staff = await fx.graphAs(fx.user('staff').userPrincipalName);
}, 60_000);
afterAll(() => fx.emu.close());

const pdf = (text: string, size = 0) => {
  const b = new Uint8Array(Math.max(size, text.length + 9));
  b.set(new TextEncoder().encode(`%PDF-1.4\n${text}`));
  return b;
};
const internship = (key: string) =>
  buildInternship({ key, intern: buildPerson({ displayName: 'Lotte Janssens' }) });

interface Item {
  id: string;
  fields?: Record<string, unknown>;
  driveItem?: { id?: string; name?: string; webUrl?: string; folder?: unknown };
}
const listPath = (library: string) => `/sites/${encodeURIComponent(fx.site.siteId)}/lists/${library}`;

/** The FinalWorks library's files of one internship, read over HTTP as a staff member reads it. */
async function libraryFiles(key: string, as: Graph = staff): Promise<Item[]> {
  const filter = encodeURIComponent(`fields/InternshipKey eq '${key}'`);
  const page = await as.get<{ value: Item[] }>(
    `${listPath(FINAL_WORKS_LIBRARY)}/items?$filter=${filter}&$expand=fields($select=FileLeafRef,Title,InternshipKey,Published),driveItem`,
  );
  return page.value.filter((i) => !i.driveItem?.folder);
}

describe('FinalWorksRepository', () => {
  it('a hand-in goes into the internship’s folder as a finalWork document, not into FinalWorks', async () => {
    const i = internship('fw-1');
    const progress: UploadProgress[] = [];
    const w = await fx.repos.finalWorks.upload(i, {
      name: 'Eindwerk: "data*kwaliteit"?.pdf',
      title: '  Datakwaliteit in open data  ',
      content: pdf('eindwerk'),
      onProgress: (p) => progress.push(p),
    });
    expect(w).toMatchObject({
      internshipKey: 'fw-1',
      title: 'Datakwaliteit in open data',
      name: 'Eindwerk data kwaliteit.pdf',
      published: false,
      size: pdf('eindwerk').length,
    });
    expect(w.publishedAs).toBeUndefined();
    expect(w.etag).not.toBe('');
    expect(w.webUrl).toContain(`/${encodeURI(fx.folders.folderName(i))}/`);
    expect(progress.at(-1)?.uploaded).toBe(progress.at(-1)?.total);

    // The folder lists it as a typed document; the library all staff read has nothing of this internship.
    const docs = await fx.folders.documents('fw-1');
    expect(docs).toEqual([
      expect.objectContaining({ name: w.name, documentType: 'finalWork', confidential: false }),
    ]);
    expect(await libraryFiles('fw-1', fx.graph)).toEqual([]);
    expect(await libraryFiles('fw-1')).toEqual([]);
    // A staff member cannot read the hand-in in the Stagemap library.
    const err = await staff.get(`${listPath(LIBRARY)}/items/${w.id}`).catch((e: unknown) => e);
    expect(err instanceof ForbiddenError || err instanceof NotFoundError).toBe(true);

    const [read] = await fx.repos.finalWorks.byInternship('fw-1');
    expect(read).toMatchObject({
      id: w.id,
      title: w.title,
      name: w.name,
      published: false,
      webUrl: w.webUrl,
    });
    expect(read?.driveItemId).toBe(w.driveItemId);
    expect(read?.uploadedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(await fx.repos.finalWorks.getById(w.id)).toMatchObject({ id: w.id, published: false });
    expect(await fx.repos.finalWorks.getById('999999')).toBeUndefined();
  });

  it('publishing copies it into FinalWorks once, under a neutral name, tagged, with the same content', async () => {
    const i = internship('fw-2');
    const w = await fx.repos.finalWorks.upload(i, {
      name: 'Lotte Janssens eindwerk.pdf',
      title: 'Toegankelijke formulieren',
      content: pdf('toegankelijk'),
    });
    const published = await fx.repos.finalWorks.publish(w);
    expect(published).toMatchObject({
      id: w.id,
      published: true,
      publishedAs: `${finalWorkFolderName('fw-2')}/fw-2 - Toegankelijke formulieren.pdf`,
    });
    expect(published.etag).not.toBe(w.etag);
    expect(published.copy?.name).toBe('fw-2 - Toegankelijke formulieren.pdf');

    const files = await libraryFiles('fw-2');
    expect(files).toHaveLength(1);
    expect(files[0]?.fields).toMatchObject({
      FileLeafRef: 'fw-2 - Toegankelijke formulieren.pdf',
      Title: 'Toegankelijke formulieren',
      InternshipKey: 'fw-2',
      Published: true,
    });
    // The intern's name stays in the folder: the copy's name and folder do not carry it.
    expect(files[0]?.driveItem?.webUrl).not.toContain('Lotte');
    const bytes = await staff.get<Uint8Array>(
      `/drives/${await fx.repos.finalWorks.driveId()}/items/${files[0]!.driveItem!.id}/content`,
    );
    expect(new Uint8Array(bytes)).toEqual(pdf('toegankelijk'));

    // Publishing again (the same request replayed with the version read before) leaves one copy.
    const again = await fx.repos.finalWorks.publish(w);
    expect(again.published).toBe(true);
    expect(await libraryFiles('fw-2')).toHaveLength(1);

    const [read] = await fx.repos.finalWorks.byInternship('fw-2');
    expect(read).toMatchObject({ published: true, publishedAs: published.publishedAs });
    expect(read?.copy?.id).toBe(files[0]!.id);
    fx.events.length = 0;
    const listed = await fx.repos.finalWorks.published();
    expect(listed.filter((c) => c.internshipKey === 'fw-2')).toEqual([
      expect.objectContaining({ id: files[0]!.id, title: 'Toegankelijke formulieren' }),
    ]);
    // One request: the Yes/No column compared as 1, fields and driveItem expanded together.
    expect(fx.events).toHaveLength(1);
    const url = decodeURIComponent(fx.events[0]!.url);
    expect(url).toContain(`/lists/${FINAL_WORKS_LIBRARY}/items`);
    expect(url).toContain('$filter=fields/Published eq 1');
    expect(url).toMatch(/\$expand=fields\(\$select=[^)]*\),driveItem\(/);
  });

  it('a publish with a stale ETag throws the current version and copies nothing', async () => {
    const i = internship('fw-3');
    const w = await fx.repos.finalWorks.upload(i, { name: 'thesis.pdf', title: 'T', content: pdf('t') });
    const replaced = await fx.repos.finalWorks.upload(i, { name: 'thesis.pdf', content: pdf('t2') });
    expect(replaced.title).toBe('T');
    const err = await fx.repos.finalWorks.publish(w).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RepositoryConflictError);
    const current = (err as RepositoryConflictError<FinalWork>).current;
    expect(current).toMatchObject({ id: w.id, published: false, etag: replaced.etag });
    expect(await libraryFiles('fw-3')).toEqual([]);
  });

  it('unpublishing deletes the copy and clears the mark; again is fine; a lost copy reads as unpublished', async () => {
    const i = internship('fw-4');
    const w = await fx.repos.finalWorks.upload(i, { name: 'final.docx', title: 'Final', content: pdf('f') });
    const published = await fx.repos.finalWorks.publish(w);
    expect(await libraryFiles('fw-4')).toHaveLength(1);
    const unpublished = await fx.repos.finalWorks.unpublish(published);
    expect(unpublished).toMatchObject({ published: false });
    expect(unpublished.publishedAs).toBeUndefined();
    expect(await libraryFiles('fw-4')).toEqual([]);
    const [read] = await fx.repos.finalWorks.byInternship('fw-4');
    expect(read).toMatchObject({ published: false, etag: unpublished.etag });
    expect(read?.publishedAs).toBeUndefined();
    // With the version before: the copy is already gone and the mark already cleared, so it counts as done.
    expect((await fx.repos.finalWorks.unpublish(published)).published).toBe(false);

    // The copy deleted behind the app's back (or a publish interrupted after the mark): not published.
    const again = await fx.repos.finalWorks.publish(read!);
    const [copy] = await libraryFiles('fw-4');
    await fx.graph.delete(`/drives/${await fx.repos.finalWorks.driveId()}/items/${copy!.driveItem!.id}`);
    const [lost] = await fx.repos.finalWorks.byInternship('fw-4');
    expect(lost).toMatchObject({ published: false, publishedAs: again.publishedAs });
    expect((await fx.repos.finalWorks.publish(lost!)).published).toBe(true);
    expect(await libraryFiles('fw-4')).toHaveLength(1);
  });

  it('handing in the same name again withdraws the published copy and keeps one document', async () => {
    const i = internship('fw-5');
    const first = await fx.repos.finalWorks.upload(i, { name: 'final.pdf', title: 'V1', content: pdf('1') });
    await fx.repos.finalWorks.publish(first);
    expect(await libraryFiles('fw-5')).toHaveLength(1);
    const second = await fx.repos.finalWorks.upload(i, {
      name: 'final.pdf',
      title: 'V2',
      content: pdf('2', 5 * 1024 * 1024),
    });
    expect(second.id).toBe(first.id);
    const works = await fx.repos.finalWorks.byInternship('fw-5');
    expect(works).toHaveLength(1);
    expect(works[0]).toMatchObject({ title: 'V2', published: false, size: 5 * 1024 * 1024 });
    expect(works[0]?.publishedAs).toBeUndefined();
    expect(await libraryFiles('fw-5')).toEqual([]);
  });

  it('two works with the same title get two copies; withdrawing consent removes them all', async () => {
    const i = internship('fw-6');
    const a = await fx.repos.finalWorks.upload(i, { name: 'a.pdf', title: 'Same', content: pdf('a') });
    const b = await fx.repos.finalWorks.upload(i, { name: 'b.pdf', title: 'Same', content: pdf('b') });
    const pa = await fx.repos.finalWorks.publish(a);
    const pb = await fx.repos.finalWorks.publish(b, [pa, b]);
    expect(pb.publishedAs).not.toBe(pa.publishedAs);
    expect(pb.publishedAs).toContain(`(${b.id})`);
    expect(await libraryFiles('fw-6')).toHaveLength(2);
    expect(
      (await fx.repos.finalWorks.all()).filter((w) => w.internshipKey === 'fw-6' && w.published),
    ).toHaveLength(2);

    expect(await fx.repos.finalWorks.unpublishAll('fw-6')).toBe(2);
    expect(await libraryFiles('fw-6')).toEqual([]);
    const after = await fx.repos.finalWorks.byInternship('fw-6');
    expect(after.map((w) => [w.published, w.publishedAs])).toEqual([
      [false, undefined],
      [false, undefined],
    ]);
    expect(await fx.repos.finalWorks.unpublishAll('fw-6')).toBe(0);
  });

  it('staff read a published copy but cannot change it through Graph', async () => {
    const w = await fx.repos.finalWorks.upload(internship('fw-7'), {
      name: 'open.pdf',
      title: 'Open',
      content: pdf('o'),
    });
    const published: Stored<FinalWork> = await fx.repos.finalWorks.publish(w);
    const path = `${listPath(FINAL_WORKS_LIBRARY)}/items/${published.copy!.id}`;
    const item = await staff.get<{ id: string }>(path);
    expect(item.id).toBe(published.copy!.id);
    await expect(staff.patch(`${path}/fields`, { Published: false })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
