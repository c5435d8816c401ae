import { PNG } from 'pngjs';
import { buildAppPackage } from '../../src/server/app-package/build-package';
import { loadPackageSources } from '../../src/server/app-package/sources';
import { loadConfig, type StagemapConfig } from '../../src/server/config';

/** A complete production environment, as an organisation would set it. */
export const PRODUCTION_ENV = {
  NODE_ENV: 'production',
  PUBLIC_URL: 'https://stagemap.fedorg.be',
  TENANT_ID: '0d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f40',
  CLIENT_ID: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  CLIENT_SECRET: 'production-client-secret-0123',
  API_ID_URI: 'api://stagemap.fedorg.be/a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  BOT_ID: 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e',
  BOT_PASSWORD: 'production-bot-password-0123',
  TEAMS_APP_ID: 'c3d4e5f6-a7b8-4c9d-8e1f-2a3b4c5d6e7f',
  SITE_URL: 'https://fedorg.sharepoint.com/sites/Stages',
} as const;

export const productionConfig = (): StagemapConfig => loadConfig({ ...PRODUCTION_ENV });
export const localConfig = (): StagemapConfig => loadConfig({});

export const buildFiles = (config: StagemapConfig, manifestVersion?: string) =>
  buildAppPackage(config, loadPackageSources(), { appVersion: '1.4.2', manifestVersion }).files;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export const readJson = (files: Record<string, Uint8Array>, name: string): Record<string, unknown> =>
  JSON.parse(decoder.decode(files[name])) as Record<string, unknown>;

/** Returns a copy of the package with one JSON file edited. */
export function editJson(
  files: Record<string, Uint8Array>,
  name: string,
  edit: (json: Record<string, any>) => void, // eslint-disable-line @typescript-eslint/no-explicit-any
): Record<string, Uint8Array> {
  const json = readJson(files, name);
  edit(json);
  return { ...files, [name]: encoder.encode(JSON.stringify(json)) };
}

/** A PNG of the given size filled by `pixel(x, y)` → [r, g, b, a]. */
export function png(width: number, height: number, pixel: (x: number, y: number) => number[]): Uint8Array {
  const image = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) image.data.set(pixel(x, y), (y * width + x) * 4);
  }
  return PNG.sync.write(image);
}
