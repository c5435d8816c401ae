import type { StagemapConfig } from '../config';

/**
 * Builds the Teams app package from the configuration: the manifest and localisation templates of `manifest/` with
 * their placeholders filled in, plus the icons of `assets/`. Pure: the caller reads the sources
 * (`loadPackageSources`) and writes the result (`zipAppPackage`).
 */

/**
 * The manifest schema version the package targets: the newest one that Microsoft's manifest reference lists as
 * generally available (docs/app-package.md explains the choice). The templates are also valid against v1.22,
 * the version the Teams platform pages still call current, so falling back is this one line.
 */
export const MANIFEST_VERSION = '1.27';

/** What the builder reads from the configuration. */
export type PackageConfig = Pick<
  StagemapConfig,
  'mode' | 'publicUrl' | 'teamsAppId' | 'botId' | 'clientId' | 'apiIdUri'
>;

export interface PackageSources {
  /** `manifest/manifest.template.json`, parsed. */
  manifestTemplate: unknown;
  /** Localisation templates keyed by the file name they get in the package (`nl.json`, …), parsed. */
  localisationTemplates: Record<string, unknown>;
  /** Image files keyed by their name in the package (`color.png`, …). */
  assets: Record<string, Uint8Array>;
}

export interface BuildOptions {
  /** The app's own version (semver); Teams only accepts an update whose version is higher. */
  appVersion: string;
  manifestVersion?: string;
}

export interface BuiltPackage {
  manifest: Record<string, unknown>;
  localisations: Record<string, Record<string, unknown>>;
  /** Every file of the package by its path in the zip. */
  files: Record<string, Uint8Array>;
}

export class TemplateError extends Error {}

const PLACEHOLDER = /\{\{([A-Z_]+)\}\}/g;

/** Replaces `{{NAME}}` in every string of a JSON value; an unknown name is a template bug, so it throws. */
export function fillTemplate(value: unknown, variables: Record<string, string>, where: string): unknown {
  if (typeof value === 'string') {
    return value.replace(PLACEHOLDER, (_, name: string) => {
      const replacement = variables[name];
      if (replacement === undefined) throw new TemplateError(`${where}: unknown placeholder {{${name}}}`);
      return replacement;
    });
  }
  if (Array.isArray(value)) return value.map((item) => fillTemplate(item, variables, where));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, fillTemplate(item, variables, where)]),
    );
  }
  return value;
}

/** The template variables for one configuration. */
export function templateVariables(config: PackageConfig, options: BuildOptions): Record<string, string> {
  const publicUrl = new URL(config.publicUrl);
  return {
    MANIFEST_VERSION: options.manifestVersion ?? MANIFEST_VERSION,
    APP_VERSION: options.appVersion,
    TEAMS_APP_ID: config.teamsAppId,
    BOT_ID: config.botId,
    CLIENT_ID: config.clientId,
    API_ID_URI: config.apiIdUri,
    // The configuration forbids a trailing slash, so `${PUBLIC_URL}/tab/home` never doubles it.
    PUBLIC_URL: config.publicUrl,
    // `host` keeps a non-default port (local mode: 127.0.0.1:5200): validDomains and the NAA redirect need it.
    PUBLIC_HOST: publicUrl.host,
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Names of the image files a manifest refers to (icons and SharePoint preview). */
export function referencedImages(manifest: Record<string, unknown>): string[] {
  const names: string[] = [];
  if (isRecord(manifest.icons)) {
    for (const value of Object.values(manifest.icons)) if (typeof value === 'string') names.push(value);
  }
  if (Array.isArray(manifest.configurableTabs)) {
    for (const tab of manifest.configurableTabs) {
      if (isRecord(tab) && typeof tab.sharePointPreviewImage === 'string')
        names.push(tab.sharePointPreviewImage);
    }
  }
  return [...new Set(names)];
}

const json = (value: unknown) => new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);

export function buildAppPackage(
  config: PackageConfig,
  sources: PackageSources,
  options: BuildOptions,
): BuiltPackage {
  const variables = templateVariables(config, options);
  const manifest = fillTemplate(sources.manifestTemplate, variables, 'manifest.template.json');
  if (!isRecord(manifest)) throw new TemplateError('manifest.template.json: must be a JSON object');

  const localisations: Record<string, Record<string, unknown>> = {};
  for (const [file, template] of Object.entries(sources.localisationTemplates)) {
    const filled = fillTemplate(template, variables, file);
    if (!isRecord(filled)) throw new TemplateError(`${file}: must be a JSON object`);
    localisations[file] = filled;
  }

  const files: Record<string, Uint8Array> = { 'manifest.json': json(manifest) };
  for (const [file, content] of Object.entries(localisations)) files[file] = json(content);
  // Only what the manifest names goes in: a stray file makes the admin center reject the package.
  for (const name of referencedImages(manifest)) {
    const bytes = sources.assets[name];
    if (bytes) files[name] = bytes;
  }
  return { manifest, localisations, files };
}
