import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import {
  buildAppPackage,
  fillTemplate,
  MANIFEST_VERSION,
  TemplateError,
  templateVariables,
} from './build-package';
import { loadPackageSources } from './sources';
import { unzipAppPackage, zipAppPackage } from './zip';

const sources = loadPackageSources();
const local = loadConfig({});

describe('fillTemplate', () => {
  it('fills placeholders in nested strings and leaves other values alone', () => {
    const filled = fillTemplate(
      { a: ['{{X}}/tab', 3, true], b: { c: 'x{{X}}{{Y}}' }, d: null },
      { X: 'one', Y: 'two' },
      't',
    );
    expect(filled).toEqual({ a: ['one/tab', 3, true], b: { c: 'xonetwo' }, d: null });
  });

  it('throws on an unknown placeholder instead of shipping it', () => {
    expect(() => fillTemplate({ a: '{{NOPE}}' }, {}, 'nl.template.json')).toThrow(
      new TemplateError('nl.template.json: unknown placeholder {{NOPE}}'),
    );
  });
});

describe('templateVariables', () => {
  it('keeps the port of a local public URL in the host', () => {
    expect(templateVariables(local, { appVersion: '1.0.0' }).PUBLIC_HOST).toBe('127.0.0.1:5200');
  });

  it('uses the bare host name for a production URL on the default port', () => {
    const config = { ...local, publicUrl: 'https://stagemap.example.be' };
    expect(templateVariables(config, { appVersion: '1.0.0' }).PUBLIC_HOST).toBe('stagemap.example.be');
  });
});

describe('buildAppPackage', () => {
  const built = buildAppPackage(local, sources, { appVersion: '2.3.4' });

  it('fills every placeholder of the manifest and the localisation files', () => {
    for (const [name, bytes] of Object.entries(built.files)) {
      if (name.endsWith('.json')) expect(new TextDecoder().decode(bytes), name).not.toMatch(/\{\{/);
    }
    expect(built.manifest.manifestVersion).toBe(MANIFEST_VERSION);
    expect(built.manifest.version).toBe('2.3.4');
    expect(built.localisations['nl.json']?.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.Localization.schema.json`,
    );
  });

  it('translates the tab and every bot command into Dutch, French and German', () => {
    expect(built.localisations['nl.json']?.['staticTabs[0].name']).toBe('Start');
    expect(built.localisations['fr.json']?.['bots[0].commandLists[0].commands[2].title']).toBe(
      'mes stagiaires',
    );
    expect(built.localisations['de.json']?.['bots[0].commandLists[1].commands[1].title']).toBe('übersicht');
  });

  it('packs only the images the manifest names', () => {
    const withExtra = buildAppPackage(
      local,
      { ...sources, assets: { ...sources.assets, 'draft.png': new Uint8Array([1]) } },
      { appVersion: '2.3.4' },
    );
    expect(Object.keys(withExtra.files).sort()).toEqual([
      'color.png',
      'de.json',
      'fr.json',
      'manifest.json',
      'nl.json',
      'outline.png',
      'sharepoint-preview.png',
    ]);
  });

  it('zips to the same bytes twice, and unzips to the same files', () => {
    const zip = zipAppPackage(built.files);
    expect(zipAppPackage(built.files)).toEqual(zip);
    // Compared as base64: the assets are Buffers, unzipped entries plain Uint8Arrays.
    const b64 = (files: Record<string, Uint8Array>) =>
      Object.fromEntries(
        Object.entries(files).map(([name, bytes]) => [name, Buffer.from(bytes).toString('base64')]),
      );
    expect(b64(unzipAppPackage(zip))).toEqual(b64(built.files));
  });
});
