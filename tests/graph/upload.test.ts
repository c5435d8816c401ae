import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CHUNK, uploadLarge, type UploadProgress } from '../../src/graph/upload';
import { startGraphFixture, type GraphFixture } from './support';

let fx: GraphFixture;
let root: string;
beforeAll(async () => {
  fx = await startGraphFixture();
  root = `/sites/${encodeURIComponent(fx.siteId)}/drive/root:`;
});
afterAll(() => fx.emu.close());

const download = async (path: string) => {
  const bytes = await fx.graph.get<Uint8Array>(`${path}:/content`);
  return Buffer.from(bytes);
};

describe('uploadLarge', () => {
  it('puts a small file in one request', async () => {
    const data = randomBytes(1000);
    fx.events.length = 0;
    const item = await uploadLarge(fx.graph, `${root}/small.bin`, data);
    expect(item.size).toBe(1000);
    expect(fx.events.map((e) => e.method)).toEqual(['PUT']);
    expect((await download(`${root}/small.bin`)).equals(data)).toBe(true);
  });

  it('uploads 10 MiB in 3.75 MiB chunks with progress through the pre-authenticated upload URL', async () => {
    const data = randomBytes(10 * 1024 * 1024);
    const progress: UploadProgress[] = [];
    fx.events.length = 0;
    const item = await uploadLarge(fx.graph, `${root}/big.bin`, data, {
      onProgress: (p) => progress.push(p),
    });
    expect(item.size).toBe(data.length);
    expect(progress.map((p) => p.uploaded)).toEqual([DEFAULT_CHUNK, 2 * DEFAULT_CHUNK, data.length]);
    expect(fx.events.map((e) => e.method)).toEqual(['POST', 'PUT', 'PUT', 'PUT']);
    expect((await download(`${root}/big.bin`)).equals(data)).toBe(true);
  });

  it('resumes from nextExpectedRanges when a chunk fails mid-way (lost response: the server already had it)', async () => {
    const data = randomBytes(9 * 1024 * 1024);
    let uploadUrl = '';
    const progress: number[] = [];
    const item = await uploadLarge(fx.graph, `${root}/resumed.bin`, data, {
      onSession: (u) => (uploadUrl = u),
      onProgress: async (p) => {
        progress.push(p.uploaded);
        if (progress.length !== 1) return;
        // The second chunk reaches the server by another route, as if our PUT had landed and its answer was lost:
        // our own PUT of it then gets 416 and the uploader must ask the session where it stands.
        const end = Math.min(2 * DEFAULT_CHUNK, data.length);
        const r = await fetch(uploadUrl, {
          method: 'PUT',
          headers: { 'Content-Range': `bytes ${DEFAULT_CHUNK}-${end - 1}/${data.length}` },
          body: data.subarray(DEFAULT_CHUNK, end),
        });
        expect(r.status).toBe(202);
      },
    });
    expect(item.size).toBe(data.length);
    expect(progress).toEqual([DEFAULT_CHUNK, data.length]);
    expect(fx.events.map((e) => e.status)).toContain(416);
    expect((await download(`${root}/resumed.bin`)).equals(data)).toBe(true);
  });

  it('uploads from a stream of odd-sized pieces', async () => {
    const data = randomBytes(5 * 1024 * 1024 + 123);
    async function* pieces() {
      for (let o = 0; o < data.length; o += 777_777)
        yield data.subarray(o, Math.min(o + 777_777, data.length));
    }
    const item = await uploadLarge(fx.graph, `${root}/stream.bin`, pieces(), { size: data.length });
    expect(item.size).toBe(data.length);
    expect((await download(`${root}/stream.bin`)).equals(data)).toBe(true);
  });
});
