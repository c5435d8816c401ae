import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../scripts/lib/local-stack';
import type { Internship } from '../../src/domain/internship';
import type { InternshipView, OverviewView } from '../../src/domain/views';
import type { FinalWorksView, FinalWorkView, FolderView } from '../../src/domain/views-records';
import { DEMO_USERS, type DemoUser } from '../../src/emulator/demo-directory';
import { FINAL_WORKS_LIBRARY } from '../../src/graph/repositories/final-works';
import { NO_CONSENT_TEXT } from '../../src/server/routes/final-work-routes';
import { startStack } from '../e2e/support/stack';
import { userToken } from '../emulator/support';
import { apiClient } from './support/api-client';

// Final works over HTTP against the `npm start` stack: hand in (into the internship's folder), publish
// (coordinators, consented interns only: a copy in the FinalWorks library all staff read), the intranet overview
// that lists them, and withdrawing consent, which takes the copies out again.
let stack: LocalStack;
let consented: Internship;
let refused: Internship;
let mentor: DemoUser;
const users = new Map(DEMO_USERS.map((u) => [u.id, u]));
const coordinator = DEMO_USERS.find((u) => u.role === 'coordinator')!;
let staff: DemoUser;

beforeAll(async () => {
  stack = await startStack();
  const all = await stack.stagemap.deps.repos.internships.all();
  const running = all.filter((i) => i.phase === 'execution' && i.mentor && users.has(i.mentor.id));
  consented = running.find((i) => i.overviewConsent)!;
  refused = all.find((i) => i.decision === 'accepted' && !i.overviewConsent)!;
  expect(consented && refused, 'the seed has internships with and without consent').toBeTruthy();
  mentor = users.get(consented.mentor!.id)!;
  staff = DEMO_USERS.find(
    (u) =>
      u.role === 'staff' &&
      !all.some((i) => i.mentor?.id === u.id || i.backup?.id === u.id || i.intern.id === u.id),
  )!;
}, 180_000);
afterAll(() => stack?.close());

const { call } = apiClient(() => stack);

interface LibraryItem {
  id: string;
  fields?: { FileLeafRef?: string; Title?: string; InternshipKey?: string; Published?: boolean };
  driveItem?: { id?: string; webUrl?: string; folder?: unknown };
}

/** The FinalWorks library as a plain employee reads it in SharePoint: straight from Graph, with their own token. */
async function finalWorksLibrary(internshipKey?: string): Promise<LibraryItem[]> {
  const graphToken = await userToken(stack.emulator, staff.userPrincipalName);
  const site = encodeURIComponent(stack.stagemap.deps.repos.ctx.siteId);
  const filter = internshipKey
    ? `&$filter=${encodeURIComponent(`fields/InternshipKey eq '${internshipKey}'`)}`
    : '';
  const res = await fetch(
    `${stack.emulator.url}/v1.0/sites/${site}/lists/${FINAL_WORKS_LIBRARY}/items?$top=5000&$expand=fields($select=FileLeafRef,Title,InternshipKey,Published),driveItem${filter}`,
    { headers: { authorization: `Bearer ${graphToken}` } },
  );
  expect(res.status).toBe(200);
  const body = (await res.json()) as { value: LibraryItem[] };
  return body.value.filter((i) => !i.driveItem?.folder);
}

type ErrorBody = {
  error: { code: string; message: string; fields?: { path: string }[]; current?: FinalWorkView };
};
const works = (i: Internship) => `/internships/${i.id}/final-works`;
const upload = (i: Internship, q: Record<string, string>) => `${works(i)}?${new URLSearchParams(q)}`;
const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.4\n${text}`);

describe('final works over HTTP', { timeout: 90_000 }, () => {
  it('the seed published three final works of consented interns; FinalWorks and the overview hold exactly those', async () => {
    const all = await stack.stagemap.deps.repos.finalWorks.all();
    const internships = new Map(
      (await stack.stagemap.deps.repos.internships.all()).map((i) => [i.key, i] as const),
    );
    const published = all.filter((w) => w.published);
    expect(published).toHaveLength(3);
    const waiting = all.filter((w) => !w.published);
    expect(waiting).toHaveLength(1);
    for (const w of all) {
      const i = internships.get(w.internshipKey)!;
      expect(i.overviewConsent).toBe(true);
      expect(['closed', 'evaluation']).toContain(i.phase);
      // Every hand-in lives in its internship's folder, named after the intern.
      expect(decodeURI(w.webUrl!)).toContain(`/${i.intern.displayName} (${i.key})/Eindwerk.pdf`);
    }
    // The library all staff read holds the three published copies and nothing of the waiting work.
    const library = await finalWorksLibrary();
    expect(library.map((f) => f.id).sort()).toEqual(published.map((w) => w.copy!.id).sort());
    expect(library.every((f) => f.fields?.Published === true)).toBe(true);
    expect(library.map((f) => f.fields?.InternshipKey)).not.toContain(waiting[0]!.internshipKey);

    const overview = await call<OverviewView>(staff, 'GET', '/overview');
    expect(overview.status).toBe(200);
    expect(overview.json.finalWorks.map((w) => w.id).sort()).toEqual(published.map((w) => w.copy!.id).sort());
    const first = overview.json.finalWorks[0]!;
    const work = published.find((w) => w.copy!.id === first.id)!;
    const i = internships.get(work.internshipKey)!;
    expect(first).toEqual({
      id: first.id,
      title: work.title,
      internName: i.intern.displayName,
      serviceName: expect.any(String),
      topic: i.topic,
      year: Number(i.endDate.slice(0, 4)),
      webUrl: work.copy!.webUrl,
    });
    // The copy opens in FinalWorks under a neutral name: the internship key and the title.
    expect(decodeURI(first.webUrl!)).toMatch(new RegExp(`/${i.key}/${i.key} - [^/]+\\.pdf$`));
    expect(decodeURI(first.webUrl!)).not.toContain(i.intern.displayName);
  });

  it('a mentor hands in a final work; it stays unpublished and only the coordinator may publish', async () => {
    const res = await call<FinalWorkView>(
      mentor,
      'PUT',
      upload(consented, { name: 'Eindwerk #1 (v2).pdf', title: 'Een onderzoek naar de dienst' }),
      { raw: pdf('eindwerk') },
    );
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      title: 'Een onderzoek naar de dienst',
      // '#' passes the upload check but not SharePoint's older clients: the stored name drops it.
      name: 'Eindwerk 1 (v2).pdf',
      published: false,
    });
    expect(res.json.webUrl).toMatch(/^https?:\/\//);
    // It is a finalWork document in the internship's folder; the all-staff library has nothing of it.
    const folder = await call<FolderView>(mentor, 'GET', `/internships/${consented.id}/folder`);
    expect(folder.json.documents).toContainEqual(
      expect.objectContaining({
        name: 'Eindwerk 1 (v2).pdf',
        documentType: 'finalWork',
        confidential: false,
      }),
    );
    expect(await finalWorksLibrary(consented.key)).toEqual([]);

    const asMentor = await call<FinalWorksView>(mentor, 'GET', works(consented));
    expect(asMentor.json).toMatchObject({ canUpload: true, canPublish: false, overviewConsent: true });
    expect(asMentor.json.items.map((w) => w.id)).toContain(res.json.id);
    const asCoordinator = await call<FinalWorksView>(coordinator, 'GET', works(consented));
    expect(asCoordinator.json.canPublish).toBe(true);
    const one = await call<FinalWorkView>(mentor, 'GET', `${works(consented)}/${res.json.id}`);
    expect(one.json.webUrl).toBe(res.json.webUrl);

    // A plain employee cannot read the draft through the API either: the internship is not found for them.
    expect((await call(staff, 'GET', works(consented))).status).toBe(404);
    expect((await call(staff, 'GET', `${works(consented)}/${res.json.id}`)).status).toBe(404);

    // The mentor may not publish (403); a staff member does not even find the internship (404).
    const body = { published: true };
    const etag = { 'if-match': res.json.etag };
    expect(
      (await call(mentor, 'PATCH', `${works(consented)}/${res.json.id}`, { json: body, headers: etag }))
        .status,
    ).toBe(403);
    expect(
      (await call(staff, 'PATCH', `${works(consented)}/${res.json.id}`, { json: body, headers: etag }))
        .status,
    ).toBe(404);
    expect(
      (await call(staff, 'PUT', upload(consented, { name: 'x.pdf', title: 'X' }), { raw: pdf('x') })).status,
    ).toBe(404);
    expect((await stack.stagemap.deps.repos.finalWorks.getById(res.json.id))?.published).toBe(false);
    expect(await finalWorksLibrary(consented.key)).toEqual([]);
  });

  it('refuses bad input with localised field errors', async () => {
    const noTitle = await call<ErrorBody>(mentor, 'PUT', upload(consented, { name: 'a.pdf' }), {
      raw: pdf('a'),
      lang: 'nl',
    });
    expect(noTitle.status).toBe(400);
    expect(noTitle.json.error.fields?.map((f) => f.path)).toEqual(['title']);
    expect(JSON.stringify(noTitle.json)).toContain('Dit veld is verplicht.');
    const exe = await call<ErrorBody>(mentor, 'PUT', upload(consented, { name: 'a.exe', title: 'A' }), {
      raw: pdf('a'),
    });
    expect(exe.status).toBe(400);
    expect(exe.json.error.fields?.map((f) => f.path)).toEqual(['name']);

    const [w] = (await call<FinalWorksView>(coordinator, 'GET', works(consented))).json.items;
    const path = `${works(consented)}/${w!.id}`;
    const notBool = await call<ErrorBody>(coordinator, 'PATCH', path, {
      json: { published: 'yes' },
      headers: { 'if-match': w!.etag },
    });
    expect(notBool.status).toBe(400);
    expect(notBool.json.error.fields?.map((f) => f.path)).toEqual(['published']);
    const noEtag = await call<ErrorBody>(coordinator, 'PATCH', path, { json: { published: true } });
    expect(noEtag.status).toBe(400);
    expect(noEtag.json.error.fields?.map((f) => f.path)).toEqual(['If-Match']);
    expect(
      (
        await call(coordinator, 'PATCH', `${works(refused)}/${w!.id}`, {
          json: { published: true },
          headers: { 'if-match': w!.etag },
        })
      ).status,
    ).toBe(404);
  });

  it('publishing is refused, with the reason, when the intern did not consent', async () => {
    const w = await stack.stagemap.deps.repos.finalWorks.upload(refused, {
      name: 'Eindwerk.pdf',
      title: 'Niet voor het intranet',
      content: pdf('private'),
    });
    for (const lang of ['nl', 'fr', 'de', 'en'] as const) {
      const res = await call<ErrorBody>(coordinator, 'PATCH', `${works(refused)}/${w.id}`, {
        json: { published: true },
        headers: { 'if-match': w.etag },
        lang,
      });
      expect(res.status).toBe(422);
      expect(res.json.error).toMatchObject({ code: 'noOverviewConsent', message: NO_CONSENT_TEXT[lang] });
    }
    const listed = await call<FinalWorksView>(coordinator, 'GET', works(refused));
    expect(listed.json.overviewConsent).toBe(false);
    expect(listed.json.items.find((x) => x.id === w.id)?.published).toBe(false);
    expect(await finalWorksLibrary(refused.key)).toEqual([]);
  });

  it('a coordinator publishes; the overview lists it; a stale version answers 409 with the current one', async () => {
    const [w] = (await call<FinalWorksView>(coordinator, 'GET', works(consented))).json.items.filter(
      (x) => x.title === 'Een onderzoek naar de dienst',
    );
    const path = `${works(consented)}/${w!.id}`;
    const published = await call<FinalWorkView>(coordinator, 'PATCH', path, {
      json: { published: true },
      headers: { 'if-match': w!.etag },
    });
    expect(published.status).toBe(200);
    expect(published.json.published).toBe(true);
    expect(published.json.etag).not.toBe(w!.etag);
    // Exactly one copy in FinalWorks, readable by a plain employee; publishing again changes nothing.
    const copies = await finalWorksLibrary(consented.key);
    expect(copies).toHaveLength(1);
    expect(copies[0]?.fields).toMatchObject({
      FileLeafRef: `${consented.key} - Een onderzoek naar de dienst.pdf`,
      Title: 'Een onderzoek naar de dienst',
      Published: true,
    });
    const twice = await call<FinalWorkView>(coordinator, 'PATCH', path, {
      json: { published: true },
      headers: { 'if-match': published.json.etag },
    });
    expect(twice.json).toMatchObject({ published: true, etag: published.json.etag });
    expect((await finalWorksLibrary(consented.key)).map((c) => c.id)).toEqual([copies[0]!.id]);

    const overview = await call<OverviewView>(staff, 'GET', '/overview', { lang: 'fr' });
    const listed = overview.json.finalWorks.find((x) => x.id === copies[0]!.id);
    expect(listed).toMatchObject({
      title: 'Een onderzoek naar de dienst',
      internName: consented.intern.displayName,
      topic: consented.topic,
      year: Number(consented.endDate.slice(0, 4)),
    });

    // Unpublishing with the version read before the publication: someone changed it meanwhile.
    const stale = await call<ErrorBody>(coordinator, 'PATCH', path, {
      json: { published: false },
      headers: { 'if-match': w!.etag },
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe('conflict');
    expect(stale.json.error.current).toMatchObject({ id: w!.id, published: true, etag: published.json.etag });
    expect((await stack.stagemap.deps.repos.finalWorks.getById(w!.id))?.published).toBe(true);
    expect(await finalWorksLibrary(consented.key)).toHaveLength(1);

    // With the current version it goes; the overview drops it again.
    const unpublished = await call<FinalWorkView>(coordinator, 'PATCH', path, {
      json: { published: false },
      headers: { 'if-match': published.json.etag },
    });
    expect(unpublished.json.published).toBe(false);
    expect(await finalWorksLibrary(consented.key)).toEqual([]);
    const after = await call<OverviewView>(staff, 'GET', '/overview');
    expect(after.json.finalWorks.map((x) => x.id)).not.toContain(copies[0]!.id);
    // Unpublishing again: already so, nothing to do.
    const again = await call<FinalWorkView>(coordinator, 'PATCH', path, {
      json: { published: false },
      headers: { 'if-match': unpublished.json.etag },
    });
    expect(again.json).toMatchObject({ published: false, etag: unpublished.json.etag });
  });

  it('withdrawing consent takes the published copies out of FinalWorks in the same request', async () => {
    const [w] = (await call<FinalWorksView>(coordinator, 'GET', works(consented))).json.items.filter(
      (x) => x.title === 'Een onderzoek naar de dienst',
    );
    const published = await call<FinalWorkView>(coordinator, 'PATCH', `${works(consented)}/${w!.id}`, {
      json: { published: true },
      headers: { 'if-match': w!.etag },
    });
    expect(published.json.published).toBe(true);
    expect(await finalWorksLibrary(consented.key)).toHaveLength(1);

    const before = await call<InternshipView>(coordinator, 'GET', `/internships/${consented.id}`);
    const saved = await call<InternshipView>(coordinator, 'PATCH', `/internships/${consented.id}`, {
      json: { overviewConsent: false },
      headers: { 'if-match': before.json.etag },
    });
    expect(saved.status).toBe(200);
    expect(saved.json.overviewConsent).toBe(false);
    expect(await finalWorksLibrary(consented.key)).toEqual([]);
    const listed = await call<FinalWorksView>(coordinator, 'GET', works(consented));
    expect(listed.json.overviewConsent).toBe(false);
    expect(listed.json.items.find((x) => x.id === w!.id)).toMatchObject({ published: false });
    const overview = await call<OverviewView>(staff, 'GET', '/overview');
    expect(overview.json.finalWorks.map((x) => x.title)).not.toContain('Een onderzoek naar de dienst');
  });
});
