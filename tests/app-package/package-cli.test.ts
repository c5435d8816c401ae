import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/server/app-package/sources';
import { formatIssues, validateAppPackage } from '../../src/server/app-package/validate';
import { unzipAppPackage } from '../../src/server/app-package/zip';
import { loadConfig } from '../../src/server/config';
import { PRODUCTION_ENV } from './support';

const dir = mkdtempSync(join(tmpdir(), 'stagemap-package-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `npm run package` the way the script line does, with only the given Stagemap variables set. */
function runPackage(env: Record<string, string>, out: string) {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !/^(NODE_ENV|PUBLIC_URL|PORT|EMULATOR_URL|VITEST.*)$/.test(k),
    ),
  );
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/package-app.ts', '--out', out], {
    cwd: REPO_ROOT,
    env: { ...base, ...env },
    encoding: 'utf8',
  });
}

const EXPECTED_FILES = [
  'color.png',
  'de.json',
  'fr.json',
  'manifest.json',
  'nl.json',
  'outline.png',
  'sharepoint-preview.png',
];

describe('npm run package', () => {
  it('with no configuration writes a local-mode zip that passes validation', () => {
    const out = join(dir, 'local.zip');
    const run = runPackage({}, out);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);

    const files = unzipAppPackage(readFileSync(out));
    expect(Object.keys(files).sort()).toEqual(EXPECTED_FILES);
    const config = loadConfig({});
    expect(formatIssues(validateAppPackage(files, { expected: config }))).toBe('');

    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(manifest.validDomains).toEqual(['127.0.0.1:5200']);
    expect(manifest.staticTabs[0].contentUrl).toBe('http://127.0.0.1:5200/tab/home');
    // Every file the manifest names is at that path in the zip.
    const named = [
      manifest.icons.color,
      manifest.icons.outline,
      manifest.configurableTabs[0].sharePointPreviewImage,
      ...manifest.localizationInfo.additionalLanguages.map((l: { file: string }) => l.file),
    ];
    for (const name of named) expect(files[name], name).toBeDefined();
  });

  it('with a complete production configuration writes a zip with its ids that passes validation', () => {
    const out = join(dir, 'production.zip');
    const run = runPackage({ ...PRODUCTION_ENV }, out);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);

    const files = unzipAppPackage(readFileSync(out));
    expect(Object.keys(files).sort()).toEqual(EXPECTED_FILES);
    const config = loadConfig({ ...PRODUCTION_ENV });
    expect(formatIssues(validateAppPackage(files, { expected: config }))).toBe('');

    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(manifest.id).toBe(PRODUCTION_ENV.TEAMS_APP_ID);
    expect(manifest.bots[0].botId).toBe(PRODUCTION_ENV.BOT_ID);
    expect(manifest.webApplicationInfo).toEqual({
      id: PRODUCTION_ENV.CLIENT_ID,
      resource: PRODUCTION_ENV.API_ID_URI,
      nestedAppAuthInfo: [
        {
          redirectUri: 'brk-multihub://stagemap.fedorg.be',
          scopes: [`${PRODUCTION_ENV.API_ID_URI}/access_as_user`],
        },
      ],
    });
    expect(manifest.validDomains).toEqual(['stagemap.fedorg.be']);
    expect(manifest.configurableTabs[0].configurationUrl).toBe('https://stagemap.fedorg.be/tab/configure');
  });

  it('refuses to write a package that fails validation, and lists why', () => {
    const out = join(dir, 'invalid.zip');
    // An API id URI on another domain than the tab: Teams SSO would fail at run time.
    const run = runPackage(
      { ...PRODUCTION_ENV, API_ID_URI: `api://api.elsewhere.be/${PRODUCTION_ENV.CLIENT_ID}` },
      out,
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('The app package is not valid');
    expect(run.stderr).toContain(
      'manifest.json/webApplicationInfo/resource: "api://api.elsewhere.be/a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d" names the domain api.elsewhere.be, which is not in validDomains',
    );
    expect(existsSync(out)).toBe(false);
  });

  it('names the missing variables when production configuration is incomplete', () => {
    const out = join(dir, 'incomplete.zip');
    const { BOT_ID: _, ...env } = PRODUCTION_ENV;
    const run = runPackage(env, out);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('BOT_ID: is missing');
    expect(existsSync(out)).toBe(false);
  });
});
