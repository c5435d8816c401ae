import {
  FileUpload,
  LargeFileUploadTask,
  ResponseType,
  type Client,
} from '@microsoft/microsoft-graph-client';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivesModule } from '../../src/emulator/drives/drives-module';
import { quickXorHash } from '../../src/emulator/drives/quick-xor-hash';
import type { RunningEmulator } from '../../src/emulator/server';
import { sharepointModule } from '../../src/emulator/sharepoint/sharepoint-module';
import {
  appToken,
  graphClient,
  graphClientFollowingUrls,
  raw,
  stagesFixture,
  startTestEmulator,
  tempDataDir,
  type StagesFixture,
} from './support';

const KIB320 = 327_680;
const modules = [sharepointModule, drivesModule];

let now = new Date('2026-11-26T08:00:00Z');
let emu: RunningEmulator;
let fx: StagesFixture;
let app: Client;

beforeAll(async () => {
  emu = await startTestEmulator({ modules, clock: () => now });
  fx = await stagesFixture(emu);
  app = graphClient(emu, fx.appToken);
  await app.api(`/drives/${fx.stagemap}/root/children`).post({ name: 'Uploads', folder: {} });
});
afterAll(() => emu.close());

const expectError = (r: Awaited<ReturnType<typeof raw>>, status: number, code: string, message?: RegExp) => {
  expect(r.status, r.text).toBe(status);
  expect(r.json.error?.code).toBe(code);
  if (message) expect(r.json.error?.message).toMatch(message);
};

interface Session {
  uploadUrl: string;
  expirationDateTime: string;
  nextExpectedRanges: string[];
}

async function createSession(name: string, item: Record<string, unknown> = {}): Promise<Session> {
  const r = await raw(
    emu,
    'POST',
    `/v1.0/drives/${fx.stagemap}/root:/Uploads/${name}:/createUploadSession`,
    fx.appToken,
    {
      item,
    },
  );
  expect(r.status, r.text).toBe(200);
  return r.json as unknown as Session;
}

interface FragmentReply {
  expirationDateTime?: string;
  nextExpectedRanges?: string[];
  name?: string;
  size?: number;
  error: { code: string; message: string; innerError?: { code?: string } };
}

/** A fragment PUT exactly as the docs show it: Content-Range, Content-Length, and no Authorization header. */
async function putRange(
  url: string,
  data: Buffer,
  start: number,
  total: number,
  headers: Record<string, string> = {},
) {
  const res = await fetch(url, {
    method: 'PUT',
    headers: { 'content-range': `bytes ${start}-${start + data.length - 1}/${total}`, ...headers },
    body: new Uint8Array(data),
  });
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : {}) as FragmentReply };
}

describe('upload sessions', () => {
  it('uploads ~2 MB with the SDK LargeFileUploadTask in 320 KiB fragments; the bytes come back equal', async () => {
    const data = randomBytes(2 * 1024 * 1024 + 12_345);
    const client = graphClientFollowingUrls(emu, fx.appToken);
    const session = await LargeFileUploadTask.createUploadSession(
      client,
      `/drives/${fx.stagemap}/root:/Uploads/thesis.pdf:/createUploadSession`,
      { item: { '@microsoft.graph.conflictBehavior': 'rename' } },
    );
    const fragments: string[] = [];
    const task = new LargeFileUploadTask(client, new FileUpload(data, 'thesis.pdf', data.length), session, {
      rangeSize: KIB320,
      uploadEventHandlers: { progress: (r) => void (r && fragments.push(`${r.minValue}-${r.maxValue}`)) },
    });
    const result = await task.upload();
    const item = result.responseBody as {
      id: string;
      name: string;
      size: number;
      file: { hashes: { quickXorHash: string } };
    };
    expect(item).toMatchObject({ name: 'thesis.pdf', size: data.length });
    expect(item.file.hashes.quickXorHash).toBe(quickXorHash(data));
    expect(fragments.length).toBe(Math.ceil(data.length / KIB320));
    expect(fragments[1]).toBe(`${KIB320}-${2 * KIB320 - 1}`);

    const back = (await app
      .api(`/drives/${fx.stagemap}/items/${item.id}/content`)
      .responseType(ResponseType.ARRAYBUFFER)
      .get()) as ArrayBuffer;
    expect(Buffer.from(back).equals(data)).toBe(true);
  });

  it('serves the upload URL on the emulator host outside /v1.0, pre-authenticated (no Authorization header)', async () => {
    const s = await createSession('raw.bin', { '@microsoft.graph.conflictBehavior': 'fail' });
    expect(s.uploadUrl.startsWith(`${emu.url}/`)).toBe(true);
    expect(new URL(s.uploadUrl).pathname.startsWith('/v1.0')).toBe(false);
    expect(s.nextExpectedRanges).toEqual(['0-']);
    expect(Date.parse(s.expirationDateTime)).toBeGreaterThan(now.getTime());

    const data = randomBytes(KIB320 * 2 + 100);
    const status0 = await fetch(s.uploadUrl);
    expect(status0.status).toBe(200);
    expect(await status0.json()).toMatchObject({ nextExpectedRanges: ['0-'] });

    const first = await putRange(s.uploadUrl, data.subarray(0, KIB320), 0, data.length);
    expect(first.status).toBe(202);
    expect(first.json.nextExpectedRanges).toEqual([`${KIB320}-${data.length - 1}`]);

    // An Authorization header sent anyway is ignored (the URL is the credential).
    const second = await putRange(s.uploadUrl, data.subarray(KIB320, 2 * KIB320), KIB320, data.length, {
      authorization: 'Bearer not-a-token',
    });
    expect(second.status).toBe(202);

    const last = await putRange(s.uploadUrl, data.subarray(2 * KIB320), 2 * KIB320, data.length);
    expect(last.status).toBe(201);
    expect(last.json).toMatchObject({ name: 'raw.bin', size: data.length });

    // The session is gone once the file is committed.
    expect((await fetch(s.uploadUrl)).status).toBe(404);
  });

  it('answers 416 invalidRange for overlapping and out-of-order fragments, with the service bodies', async () => {
    const s = await createSession('ranges.bin');
    const data = randomBytes(KIB320 * 3);
    expect((await putRange(s.uploadUrl, data.subarray(0, KIB320), 0, data.length)).status).toBe(202);

    const overlap = await putRange(s.uploadUrl, data.subarray(0, KIB320), 0, data.length);
    expect(overlap.status).toBe(416);
    expect(overlap.json.error).toMatchObject({
      code: 'invalidRange',
      message: 'Uploaded fragment overlaps with existing data.',
      innerError: { code: 'fragmentOverlap' },
    });

    const gap = await putRange(s.uploadUrl, data.subarray(2 * KIB320), 2 * KIB320, data.length);
    expect(gap.status).toBe(416);
    expect(gap.json.error).toMatchObject({
      code: 'invalidRange',
      message: 'Uploaded fragment is out of order.',
    });

    // The refused fragments changed nothing.
    const status = await (await fetch(s.uploadUrl)).json();
    expect(status.nextExpectedRanges).toEqual([`${KIB320}-${data.length - 1}`]);
  });

  it('refuses a non-final fragment that is not a multiple of 320 KiB, and a changed total size', async () => {
    const s = await createSession('odd.bin');
    const data = randomBytes(KIB320 * 2);
    const odd = await putRange(s.uploadUrl, data.subarray(0, 100_000), 0, data.length);
    expect(odd.status).toBe(400);
    expect(odd.json.error).toMatchObject({
      code: 'invalidRequest',
      message: expect.stringMatching(/multiple of 320 KiB/),
    });

    expect((await putRange(s.uploadUrl, data.subarray(0, KIB320), 0, data.length)).status).toBe(202);
    const otherTotal = await putRange(s.uploadUrl, data.subarray(KIB320), KIB320, data.length + 1);
    expect(otherTotal.status).toBe(400);
    expect(otherTotal.json.error.message).toBe(
      `The current upload session is for ${data.length} total bytes, but the current fragment declares a total of ${data.length + 1}.`,
    );

    const noRange = await fetch(s.uploadUrl, { method: 'PUT', body: new Uint8Array(data.subarray(KIB320)) });
    expect(noRange.status).toBe(400);
    expect((await noRange.json()).error.code).toBe('invalidRequest');

    const short = await fetch(s.uploadUrl, {
      method: 'PUT',
      headers: { 'content-range': `bytes ${KIB320}-${data.length - 1}/${data.length}` },
      body: new Uint8Array(data.subarray(KIB320, KIB320 + 10)),
    });
    expect(short.status).toBe(400);
  });

  it('cancels with DELETE (204) and then answers 404 itemNotFound', async () => {
    const s = await createSession('cancel.bin');
    await putRange(s.uploadUrl, randomBytes(KIB320), 0, KIB320 * 2);
    expect((await fetch(s.uploadUrl, { method: 'DELETE' })).status).toBe(204);
    const after = await fetch(s.uploadUrl);
    expect(after.status).toBe(404);
    expect((await after.json()).error).toMatchObject({
      code: 'itemNotFound',
      message: 'The upload session was not found',
    });
    const put = await putRange(s.uploadUrl, randomBytes(KIB320), KIB320, KIB320 * 2);
    expect(put.status).toBe(404);
  });

  it('expires a session after its expirationDateTime (404), each fragment extending it', async () => {
    const s = await createSession('expire.bin');
    const total = KIB320 * 3;
    const created = Date.parse(s.expirationDateTime);
    const start = now;
    try {
      now = new Date(now.getTime() + 60 * 60 * 1000);
      const r = await putRange(s.uploadUrl, randomBytes(KIB320), 0, total);
      expect(r.status).toBe(202);
      expect(Date.parse(r.json.expirationDateTime!)).toBeGreaterThan(created);
      now = new Date(Date.parse(r.json.expirationDateTime!) + 1000);
      const late = await putRange(s.uploadUrl, randomBytes(KIB320), KIB320, total);
      expect(late.status).toBe(404);
      expect(late.json.error.code).toBe('itemNotFound');
    } finally {
      now = start; // the tokens of the other tests were issued at the start time
    }
  });

  it('fails at commit with 409 when the name was taken during the upload (conflictBehavior fail)', async () => {
    const s = await createSession('race.txt', { '@microsoft.graph.conflictBehavior': 'fail' });
    await app.api(`/drives/${fx.stagemap}/root:/Uploads/race.txt:/content`).put(Buffer.from('first'));
    const r = await putRange(s.uploadUrl, Buffer.from('second'), 0, 6);
    expect(r.status).toBe(409);
    expect(r.json.error.code).toBe('nameAlreadyExists');
    expect(r.json.error.message).toMatch(/^Another file exists with the same name as the uploaded session/);
    // Creating a session for a taken name with fail is refused at once.
    expectError(
      await raw(
        emu,
        'POST',
        `/v1.0/drives/${fx.stagemap}/root:/Uploads/race.txt:/createUploadSession`,
        fx.appToken,
        {
          item: { '@microsoft.graph.conflictBehavior': 'fail' },
        },
      ),
      409,
      'nameAlreadyExists',
    );
  });

  it('updates an existing file through /items/{id}/createUploadSession (200, same id)', async () => {
    const file = (await app
      .api(`/drives/${fx.stagemap}/root:/Uploads/update.txt:/content`)
      .put(Buffer.from('v1'))) as {
      id: string;
    };
    const r = await raw(
      emu,
      'POST',
      `/v1.0/drives/${fx.stagemap}/items/${file.id}/createUploadSession`,
      fx.appToken,
      {},
    );
    const data = Buffer.from('version two');
    const done = await putRange((r.json as unknown as Session).uploadUrl, data, 0, data.length);
    expect(done.status).toBe(200);
    expect(done.json).toMatchObject({ id: file.id, size: data.length });
  });

  it('refuses a session request without a valid token and for an invalid name', async () => {
    expectError(
      await raw(
        emu,
        'POST',
        `/v1.0/drives/${fx.stagemap}/root:/Uploads/x.bin:/createUploadSession`,
        null,
        {},
      ),
      401,
      'InvalidAuthenticationToken',
    );
    expectError(
      await raw(
        emu,
        'POST',
        `/v1.0/drives/${fx.stagemap}/root:/Uploads/${encodeURIComponent('a<b.bin')}:/createUploadSession`,
        fx.appToken,
        {},
      ),
      400,
      'invalidRequest',
      /illegal characters/,
    );
  });
});

describe('resuming after a restart', () => {
  it('keeps a half-finished session on disk: a new emulator on the same data directory resumes it', async () => {
    const dataDir = tempDataDir();
    const first = await startTestEmulator({ modules, dataDir });
    const f = await stagesFixture(first);
    const r = await raw(
      first,
      'POST',
      `/v1.0/drives/${f.stagemap}/root:/resume.bin:/createUploadSession`,
      f.appToken,
      {},
    );
    const path = new URL((r.json as unknown as Session).uploadUrl).pathname;
    const data = randomBytes(KIB320 * 2 + 7);
    expect((await putRange(`${first.url}${path}`, data.subarray(0, KIB320), 0, data.length)).status).toBe(
      202,
    );
    await first.close();

    const second = await startTestEmulator({ modules, dataDir });
    try {
      const status = await (await fetch(`${second.url}${path}`)).json();
      expect(status.nextExpectedRanges).toEqual([`${KIB320}-${data.length - 1}`]);
      expect(
        (await putRange(`${second.url}${path}`, data.subarray(KIB320), KIB320, data.length)).status,
      ).toBe(201);
      const res = await fetch(`${second.url}/v1.0/drives/${f.stagemap}/root:/resume.bin:/content`, {
        headers: { authorization: `Bearer ${await appToken(second)}` },
      });
      expect(Buffer.from(await res.arrayBuffer()).equals(data)).toBe(true);
    } finally {
      await second.close();
    }
  });
});
