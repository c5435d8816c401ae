/**
 * QuickXorHash, the content hash OneDrive for Business and SharePoint report in `file.hashes.quickXorHash`
 * (the only hash those services compute, so clients that verify uploads compare against it).
 *
 * The reference algorithm xors byte i of the stream into a 160-bit circular register at bit (i * 11) mod 160
 * and finally xors the 64-bit little-endian length into the last 8 bytes. Because xor is linear and the bit
 * offset only depends on i mod 160, we fold the stream into 160 byte lanes first and place each lane once:
 * O(n) with no 64-bit arithmetic, and incremental across upload fragments.
 */
const WIDTH_BITS = 160;
const SHIFT = 11;

export class QuickXorHash {
  private readonly lanes = new Uint8Array(WIDTH_BITS);
  private length = 0;

  update(data: Uint8Array): this {
    const start = this.length % WIDTH_BITS;
    for (let i = 0; i < data.length; i++) {
      const lane = (start + i) % WIDTH_BITS;
      this.lanes[lane]! ^= data[i]!;
    }
    this.length += data.length;
    return this;
  }

  digest(): Buffer {
    const out = Buffer.alloc(WIDTH_BITS / 8);
    for (let lane = 0; lane < WIDTH_BITS; lane++) {
      const value = this.lanes[lane]!;
      if (value === 0) continue;
      const offset = (lane * SHIFT) % WIDTH_BITS;
      for (let bit = 0; bit < 8; bit++) {
        if (((value >> bit) & 1) === 0) continue;
        const p = (offset + bit) % WIDTH_BITS;
        out[p >> 3]! ^= 1 << (p & 7);
      }
    }
    const len = Buffer.alloc(8);
    len.writeBigUInt64LE(BigInt(this.length));
    for (let i = 0; i < 8; i++) out[WIDTH_BITS / 8 - 8 + i]! ^= len[i]!;
    return out;
  }

  digestBase64(): string {
    return this.digest().toString('base64');
  }
}

export const quickXorHash = (data: Uint8Array): string => new QuickXorHash().update(data).digestBase64();
