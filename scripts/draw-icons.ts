import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drawAllIcons } from '../src/server/app-package/icons';

/** Regenerates assets/*.png from src/server/app-package/icons.ts; the PNGs are committed so packaging needs no drawing. */
const assetsDir = fileURLToPath(new URL('../assets/', import.meta.url));
mkdirSync(assetsDir, { recursive: true });
for (const [name, bytes] of Object.entries(drawAllIcons())) {
  writeFileSync(join(assetsDir, name), bytes);
  console.log(`assets/${name} (${bytes.length} bytes)`);
}
