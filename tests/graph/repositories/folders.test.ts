import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENTS_REQUIRED_BEFORE_START } from '../../../src/domain/documents';
import type { Internship } from '../../../src/domain/internship';
import { ForbiddenError, NotFoundError } from '../../../src/graph/errors';
import { internshipFolderName, safeFileName } from '../../../src/graph/folders/folder-names';
import {
  CONFIDENTIAL_LIBRARY,
  InternshipFolders,
  LIBRARY,
} from '../../../src/graph/folders/internship-folders';
import { drivePath } from '../../../src/graph/odata';
import type { UploadProgress } from '../../../src/graph/upload';
import { startRepoFixture, type RepoFixture } from './support';

let fx: RepoFixture;
beforeAll(async () => {
  fx = await startRepoFixture();
}, 60_000);
afterAll(() => fx.emu.close());

type FolderPeople = Pick<Internship, 'key' | 'intern' | 'mentor' | 'backup'>;
const ref = (u: { id: string; displayName: string }) => ({ id: u.id, displayName: u.displayName });

describe('folder names', () => {
  it('strips what SharePoint forbids, trims, caps and stays unique by key', () => {
    expect(internshipFolderName('  Grace "O\'Connor" <x>: a/b\\c|d?*  ', 'demo-0001')).toBe(
      "Grace O'Connor x a b c d (demo-0001)",
    );
    expect(internshipFolderName('Zoë #1 50%.', 'k')).toBe('Zoë 1 50 (k)');
    expect(internshipFolderName('CON', 'k')).toBe('CON- (k)');
    const long = internshipFolderName('Ä'.repeat(300), 'demo-0002');
    expect(Array.from(long).length).toBeLessThanOrEqual(80);
    expect(long.endsWith('(demo-0002)')).toBe(true);
    expect(internshipFolderName('Same Name', 'a')).not.toBe(internshipFolderName('Same Name', 'b'));
    expect(safeFileName('con.pdf')).toBe('con-.pdf');
    expect(safeFileName('a:b?.pdf')).toBe('a b .pdf'.replace(' .', '.'));
  });
});

describe('InternshipFolders', () => {
  const mentorA = () => fx.user('mentor', 0);
  const mentorB = () => fx.user('mentor', 1);
  const backup = () => fx.user('backup', 0);
  const intern = () => fx.user('intern', 0);
  let a: FolderPeople;
  let b: FolderPeople;

  it('creates both folders idempotently and invites mentor, back-up and intern (no mail, sign-in required)', async () => {
    a = { key: 'f-a', intern: ref(intern()), mentor: ref(mentorA()), backup: ref(backup()) };
    b = { key: 'f-b', intern: { id: '', displayName: 'Amber Peeters' }, mentor: ref(mentorB()) };
    const first = await fx.folders.ensureFolders(a);
    const again = await fx.folders.ensureFolders(a);
    expect(again.shared.itemId).toBe(first.shared.itemId);
    expect(first.confidential.name).toBe(first.shared.name);
    const changes = await fx.folders.syncInvitations(a, first.shared);
    expect(changes.added.map((x) => x.oid).sort()).toEqual([intern().id, mentorA().id, backup().id].sort());
    expect(await fx.folders.syncInvitations(a, first.shared)).toEqual({
      added: [],
      changed: [],
      removed: [],
    });
    await fx.folders.syncInvitations(b);
    const outbox = await fetch(`${fx.emu.url}/_emulator/outbox`).then(
      (r) => r.json() as Promise<{ value: unknown[] }>,
    );
    expect(outbox.value).toEqual([]);
  });

  it('a mentor reads their intern folder, not another mentor’s (404) nor the confidential library (403)', async () => {
    const asA = await fx.graphAs(mentorA().userPrincipalName);
    const shared = await fx.folders.driveId(LIBRARY);
    const conf = await fx.folders.driveId(CONFIDENTIAL_LIBRARY);
    const own = await asA.get<{ name: string }>(
      `/drives/${shared}/root:/${drivePath(fx.folders.folderName(a))}`,
    );
    expect(own.name).toBe(fx.folders.folderName(a));
    await expect(
      asA.get(`/drives/${shared}/root:/${drivePath(fx.folders.folderName(b))}`),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      asA.get(`/drives/${conf}/root:/${drivePath(fx.folders.folderName(a))}`),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(asA.get(`/drives/${conf}/root/children`)).rejects.toBeInstanceOf(ForbiddenError);
    // The coordinator (site owner, library owner) reads both.
    const asC = await fx.graphAs(fx.user('coordinator').userPrincipalName);
    await asC.get(`/drives/${conf}/root:/${drivePath(fx.folders.folderName(a))}`);
  });

  it('revokes and changes invitations when mentor or back-up change', async () => {
    const changed: FolderPeople = { ...a, mentor: ref(mentorB()), backup: ref(mentorA()) };
    const res = await fx.folders.syncInvitations(changed);
    expect(res.removed).toEqual([backup().id]);
    expect(res.added.map((x) => x.oid)).toEqual([mentorB().id]);
    const asBackup = await fx.graphAs(backup().userPrincipalName);
    const shared = await fx.folders.driveId(LIBRARY);
    // No grant left anywhere in the library: 403 (with another grant there it would be 404, see the emulator docs).
    const gone = await asBackup
      .get(`/drives/${shared}/root:/${drivePath(fx.folders.folderName(a))}`)
      .catch((e: unknown) => e);
    expect(gone instanceof NotFoundError || gone instanceof ForbiddenError).toBe(true);
    // A read role instead of write is a change, not a new invitation.
    const readOnly = new InternshipFolders(
      { graph: fx.graph, siteId: fx.site.siteId, people: fx.site.people },
      { mentor: 'write', backup: 'write', intern: 'read' },
    );
    expect((await readOnly.syncInvitations(changed)).changed).toEqual([{ oid: intern().id, role: 'read' }]);
  });

  it('uploads (session above the simple limit, with progress), tags DocumentType, and reads required documents in one request', async () => {
    const progress: UploadProgress[] = [];
    const big = new Uint8Array(5 * 1024 * 1024).fill(65);
    const doc = await fx.folders.upload(a, {
      name: 'Stage/overeenkomst: getekend.pdf',
      content: big,
      documentType: 'schoolAgreement',
      onProgress: (p) => progress.push(p),
    });
    expect(doc.name).toBe('Stage overeenkomst getekend.pdf');
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toEqual({ uploaded: big.length, total: big.length });
    const conf = await fx.folders.upload(a, {
      name: 'risicoanalyse.pdf',
      content: new TextEncoder().encode('%PDF-1.4'),
      documentType: 'riskAnalysis',
    });
    expect(conf.confidential).toBe(true);
    const n = fx.events.length;
    const status = await fx.folders.requiredDocuments('f-a');
    expect(fx.events.length - n).toBe(1);
    expect(status.present.sort()).toEqual(
      ['riskAnalysis', 'schoolAgreement']
        .filter((k) => DOCUMENTS_REQUIRED_BEFORE_START.some((d) => d.key === k))
        .sort(),
    );
    expect(status.missing).toEqual(
      DOCUMENTS_REQUIRED_BEFORE_START.map((d) => d.key).filter((k) => !status.present.includes(k)),
    );
    expect(status.documents.find((d) => d.documentType === 'riskAnalysis')?.confidential).toBe(true);
    // The invited mentor of f-a reads the uploaded file; the folder of f-b stays empty.
    expect((await fx.folders.requiredDocuments('f-b')).present).toEqual([]);
  });
});
