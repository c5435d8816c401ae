import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PackageSources } from './build-package';

/** The repository root, where `manifest/` and `assets/` live. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const TEMPLATE_SUFFIX = '.template.json';

/**
 * Reads the package sources: `manifest/manifest.template.json`, every other `manifest/<name>.template.json` as the
 * localisation file `<name>.json`, and every PNG of `assets/`.
 */
export function loadPackageSources(root: string = REPO_ROOT): PackageSources {
  const manifestDir = join(root, 'manifest');
  const assetsDir = join(root, 'assets');
  const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

  const localisationTemplates: Record<string, unknown> = {};
  for (const name of readdirSync(manifestDir).sort()) {
    if (!name.endsWith(TEMPLATE_SUFFIX) || name === `manifest${TEMPLATE_SUFFIX}`) continue;
    localisationTemplates[`${name.slice(0, -TEMPLATE_SUFFIX.length)}.json`] = readJson(
      join(manifestDir, name),
    );
  }

  const assets: Record<string, Uint8Array> = {};
  for (const name of readdirSync(assetsDir).sort()) {
    if (name.endsWith('.png')) assets[name] = readFileSync(join(assetsDir, name));
  }

  return {
    manifestTemplate: readJson(join(manifestDir, `manifest${TEMPLATE_SUFFIX}`)),
    localisationTemplates,
    assets,
  };
}
