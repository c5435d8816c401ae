import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { ACCENT_COLOR, drawAllIcons } from './icons';
import { REPO_ROOT } from './sources';

const decode = (bytes: Uint8Array) => PNG.sync.read(Buffer.from(bytes));

describe('icons', () => {
  const drawn = drawAllIcons();

  it.each(Object.keys(drawn))(
    'assets/%s is what scripts/draw-icons.ts draws (run `npm run draw-icons`)',
    (name) => {
      const committed = decode(readFileSync(join(REPO_ROOT, 'assets', name)));
      const fresh = decode(drawn[name]!);
      expect([committed.width, committed.height]).toEqual([fresh.width, fresh.height]);
      // Pixels, not bytes: another zlib may compress the same image differently.
      expect(Buffer.compare(committed.data, fresh.data)).toBe(0);
    },
  );

  it('draws the colour icon on the accent colour, as the manifest declares it', () => {
    const color = decode(drawn['color.png']!);
    const corner = [...color.data.subarray(0, 4)];
    const hex = `#${corner
      .slice(0, 3)
      .map((c) => c.toString(16).padStart(2, '0'))
      .join('')}`.toUpperCase();
    expect(hex).toBe(ACCENT_COLOR);
    expect(corner[3]).toBe(255);
  });

  it('draws an outline icon whose anti-aliased edges stay pure white', () => {
    const outline = decode(drawn['outline.png']!);
    const alphas = new Set<number>();
    for (let i = 0; i < outline.data.length; i += 4) {
      const alpha = outline.data[i + 3]!;
      alphas.add(alpha);
      if (alpha > 0) expect([...outline.data.subarray(i, i + 3)]).toEqual([255, 255, 255]);
    }
    expect(alphas.has(0)).toBe(true);
    expect(alphas.has(255)).toBe(true);
    expect(alphas.size).toBeGreaterThan(2); // partial alpha: the edges are smoothed
  });
});
