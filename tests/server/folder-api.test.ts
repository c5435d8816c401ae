import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../scripts/lib/local-stack';
import { DEMO_USERS, type DemoUser } from '../../src/emulator/demo-directory';
import type { Internship } from '../../src/domain/internship';
import type { FolderView, DocumentView } from '../../src/domain/views-records';
import { startStack } from '../e2e/support/stack';
import { apiClient } from './support/api-client';
import { SIMPLE_UPLOAD_MAX } from '../../src/graph/upload';

// The folder API over HTTP against the `npm start` stack: what an intern may not see, uploads and their checks.
let stack: LocalStack;
let internship: Internship;
let intern: DemoUser;
let mentor: DemoUser;
const coordinator = DEMO_USERS.find((u) => u.role === 'coordinator')!;

beforeAll(async () => {
  stack = await startStack();
  const users = new Map(DEMO_USERS.map((u) => [u.id, u]));
  const all = await stack.stagemap.deps.repos.internships.all();
  // A running internship whose intern and mentor can sign in, with the seed's confidential annexes in its folder.
  const found = all.find(
    (i) => i.phase === 'execution' && users.has(i.intern.id) && i.mentor && users.has(i.mentor.id),
  )!;
  internship = found;
  intern = users.get(found.intern.id)!;
  mentor = users.get(found.mentor!.id)!;
}, 180_000);
afterAll(() => stack?.close());

const { token, call } = apiClient(() => stack);

const folderPath = () => `/internships/${internship.id}/folder`;
const uploadPath = (name: string, type?: string) =>
  `${folderPath()}/documents?${new URLSearchParams({ name, ...(type ? { type } : {}) })}`;
const pdf = (bytes: number) => {
  const b = new Uint8Array(bytes);
  b.set(new TextEncoder().encode('%PDF-1.4\n'));
  return b;
};

describe('the digital folder over HTTP', { timeout: 90_000 }, () => {
  it('a coordinator sees both libraries; the intern neither lists nor opens the confidential part', async () => {
    const all = await stack.stagemap.deps.folders.documents(internship.key);
    const secret = all.find((d) => d.confidential)!;
    expect(secret, 'the seed puts confidential annexes in the folder').toBeDefined();

    const asCoordinator = await call<FolderView>(coordinator, 'GET', folderPath());
    expect(asCoordinator.status).toBe(200);
    expect(asCoordinator.json.includesConfidential).toBe(true);
    expect(asCoordinator.json.documents.some((d) => d.confidential)).toBe(true);
    expect(asCoordinator.json.requiredBeforeStart.some((d) => d.confidential)).toBe(true);

    const asIntern = await call<FolderView>(intern, 'GET', folderPath());
    expect(asIntern.status).toBe(200);
    expect(asIntern.json.includesConfidential).toBe(false);
    expect(asIntern.json.documents.length).toBeGreaterThan(0);
    expect(asIntern.json.documents.every((d) => !d.confidential)).toBe(true);
    expect(asIntern.json.requiredBeforeStart.every((d) => !d.confidential)).toBe(true);
    expect(asIntern.json.uploadTypes.every((t) => !t.confidential)).toBe(true);
    expect(JSON.stringify(asIntern.json)).not.toContain(secret.name);

    expect((await call(intern, 'GET', `${folderPath()}/confidential`)).status).toBe(403);
    expect((await call(mentor, 'GET', `${folderPath()}/confidential`)).status).toBe(403);
    expect((await call(intern, 'GET', `${folderPath()}/documents/c-${secret.id}`)).status).toBe(404);
    const opened = await call<DocumentView>(coordinator, 'GET', `${folderPath()}/documents/c-${secret.id}`);
    expect(opened.status).toBe(200);
    expect(opened.json.webUrl).toMatch(/^https?:\/\//);
    const list = await call<{ items: DocumentView[] }>(coordinator, 'GET', `${folderPath()}/confidential`);
    expect(list.json.items.map((d) => d.name)).toContain(secret.name);
  });

  it('the intern may not upload a confidential type; nothing is written', async () => {
    const res = await call(intern, 'PUT', uploadPath('polis.pdf', 'insurancePolicy'), { raw: pdf(2000) });
    expect(res.status).toBe(403);
    const names = (await stack.stagemap.deps.folders.documents(internship.key)).map((d) => d.name);
    expect(names).not.toContain('polis.pdf');
  });

  it('refuses a bad file name, type and size with localized field errors', async () => {
    const exe = await call<{ error: { fields: { path: string; message: string }[] } }>(
      mentor,
      'PUT',
      uploadPath('tool.exe'),
      { raw: pdf(100), lang: 'nl' },
    );
    expect(exe.status).toBe(400);
    expect(exe.json.error.fields).toEqual([
      { path: 'name', message: expect.stringMatching(/^Dit bestandstype is niet toegelaten/) },
    ]);
    const badType = await call<{ error: { fields: { path: string; message: string }[] } }>(
      mentor,
      'PUT',
      uploadPath('x.pdf', 'passport'),
      { raw: pdf(100), lang: 'fr' },
    );
    expect(badType.status).toBe(400);
    expect(badType.json.error.fields).toEqual([
      { path: 'type', message: 'Choisissez un type de document dans la liste.' },
    ]);
    const empty = await call<{ error: { fields: { path: string; message: string }[] } }>(
      mentor,
      'PUT',
      uploadPath('leeg.pdf'),
      { raw: new Uint8Array(0), lang: 'de' },
    );
    expect(empty.status).toBe(400);
    expect(empty.json.error.fields).toEqual([{ path: 'file', message: 'Die Datei ist leer.' }]);

    // A declared size above the limit is refused before the body is read.
    const tooBig = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      void token(mentor).then((t) => {
        const url = new URL(`${stack.stagemap.url}/api${uploadPath('big.pdf')}`);
        const req = httpRequest(url, {
          method: 'PUT',
          headers: {
            authorization: `Bearer ${t}`,
            'x-stagemap-locale': 'en',
            'content-type': 'application/pdf',
            'content-length': String(60 * 1024 * 1024),
          },
        });
        req.on('response', (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => {
            resolve({ status: res.statusCode ?? 0, body });
            req.destroy();
          });
        });
        req.on('error', reject);
        req.write(pdf(1024));
      });
    });
    expect(tooBig.status).toBe(400);
    expect(tooBig.body).toContain('The file is too large (at most 50 MB).');
  });

  it('a coordinator uploads a 5 MB document (upload session) and the required status counts it', async () => {
    const before = await call<FolderView>(coordinator, 'GET', folderPath());
    const item = before.json.requiredBeforeStart.find((d) => d.key === 'infoSheet')!;
    // The seed already filed it; replace it with a bigger one and check type and library.
    expect(item).toBeDefined();
    // Above the simple-upload limit, so the folder client goes through an upload session.
    expect(5 * 1024 * 1024).toBeGreaterThan(SIMPLE_UPLOAD_MAX);
    const big = await call<DocumentView>(coordinator, 'PUT', uploadPath('Infofiche 2026.pdf', 'infoSheet'), {
      raw: pdf(5 * 1024 * 1024 + 17),
      headers: { 'content-type': 'application/pdf' },
    });
    expect(big.status).toBe(201);
    expect(big.json).toMatchObject({
      name: 'Infofiche 2026.pdf',
      documentType: 'infoSheet',
      confidential: false,
    });
    const stored = (await stack.stagemap.deps.folders.documents(internship.key)).find(
      (d) => d.name === 'Infofiche 2026.pdf',
    );
    expect(stored).toMatchObject({ documentType: 'infoSheet', confidential: false });

    const secret = await call<DocumentView>(
      coordinator,
      'PUT',
      uploadPath('Medisch attest.pdf', 'medicalExamination'),
      {
        raw: pdf(3000),
      },
    );
    expect(secret.status).toBe(201);
    expect(secret.json.confidential).toBe(true);
    const asIntern = await call<FolderView>(intern, 'GET', folderPath());
    expect(asIntern.json.documents.map((d) => d.name)).not.toContain('Medisch attest.pdf');
    const asMentor = await call<FolderView>(mentor, 'GET', folderPath());
    expect(asMentor.json.documents.map((d) => d.name)).not.toContain('Medisch attest.pdf');
    expect((await call(intern, 'GET', `${folderPath()}/documents/${secret.json.id}`)).status).toBe(404);
  });

  it('the intern hands in their final work into the shared folder', async () => {
    const res = await call<DocumentView>(intern, 'PUT', uploadPath('Eindwerk.docx', 'finalWork'), {
      raw: pdf(4096),
    });
    expect(res.status).toBe(201);
    const folder = await call<FolderView>(mentor, 'GET', folderPath());
    expect(folder.json.documents.find((d) => d.name === 'Eindwerk.docx')).toMatchObject({
      documentType: 'finalWork',
      typeName: 'Final work',
    });
  });

  it('a staff member does not even find the folder', async () => {
    const staff = DEMO_USERS.find((u) => u.role === 'staff')!;
    expect((await call(staff, 'GET', folderPath())).status).toBe(404);
  });
});
