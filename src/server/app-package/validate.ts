import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { PNG } from 'pngjs';
import { MANIFEST_VERSION, type PackageConfig } from './build-package';

/**
 * Offline validation of a Teams app package: the manifest and each localisation file against the official JSON
 * schemas that `@microsoft/app-manifest` ships (draft-04, loaded from node_modules: the `$schema` URLs in the
 * files are never fetched), plus the rules Teams enforces at upload that a schema cannot express.
 */

export interface PackageIssue {
  /** File, then a JSON pointer or localisation key: `manifest.json/staticTabs/0/contentUrl`. */
  path: string;
  message: string;
}

export interface ValidateOptions {
  /** The schema version the package must use; defaults to the one the builder targets. */
  manifestVersion?: string;
  /** When given, the ids and URI the manifest must carry. */
  expected?: Pick<PackageConfig, 'teamsAppId' | 'botId' | 'clientId' | 'apiIdUri'>;
}

export const ICON_SIZES = { color: 192, outline: 32, color32x32: 32 } as const;
/** The size the schema's description of `sharePointPreviewImage` names. */
export const SHAREPOINT_PREVIEW_SIZE = { width: 1024, height: 768 } as const;

// --- schemas -------------------------------------------------------------------------------------------------

const require = createRequire(import.meta.url);
const schemaRoot = join(
  dirname(require.resolve('@microsoft/app-manifest/package.json')),
  'build',
  'json-schemas',
  'teams',
);

const compiled = new Map<string, ValidateFunction>();

/** Compiles (once) `v<version>/<file>` from the package; throws if this version is not shipped. */
function schemaValidator(version: string, file: string): ValidateFunction {
  const key = `${version}/${file}`;
  const cached = compiled.get(key);
  if (cached) return cached;
  const path = join(schemaRoot, `v${version}`, file);
  if (!existsSync(path)) throw new Error(`@microsoft/app-manifest ships no schema ${key}`);
  // The schemas declare draft-04, which Ajv 8's default draft would misread (`id`, `exclusiveMaximum`). Their
  // patterns are written for JavaScript's non-unicode RegExp (the localisation schema has an unescaped `]`).
  const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(path, 'utf8')) as object);
  compiled.set(key, validate);
  return validate;
}

function describeSchemaError(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `is missing the required property "${String(p.missingProperty)}"`;
    case 'additionalProperties':
      return `has the property "${String(p.additionalProperty)}", which the schema does not allow`;
    case 'const':
      return `must be ${JSON.stringify(p.allowedValue)}`;
    case 'enum':
      return `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'pattern':
      return `does not match the pattern ${String(p.pattern)}`;
    case 'maxLength':
      return `is longer than ${String(p.limit)} characters`;
    case 'maxItems':
      return `has more than ${String(p.limit)} items`;
    default:
      return error.message ?? `fails the schema rule "${error.keyword}"`;
  }
}

function schemaIssues(file: string, validate: ValidateFunction, data: unknown): PackageIssue[] {
  if (validate(data)) return [];
  return (validate.errors ?? []).map((error) => ({
    path: `${file}${error.instancePath}`,
    message: `${describeSchemaError(error)} (schema ${error.schemaPath})`,
  }));
}

// --- helpers -------------------------------------------------------------------------------------------------

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const records = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isRecord) : []);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function parseJson(file: string, bytes: Uint8Array | undefined, issues: PackageIssue[]): Json | undefined {
  if (!bytes) {
    issues.push({ path: file, message: 'is not in the package' });
    return undefined;
  }
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    if (isRecord(value)) return value;
    issues.push({ path: file, message: 'must be a JSON object' });
  } catch (error) {
    issues.push({ path: file, message: `is not valid UTF-8 JSON: ${(error as Error).message}` });
  }
  return undefined;
}

/** Teams wants plain MAJOR.MINOR.PATCH: it rejects pre-release suffixes that semver itself allows. */
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** A validDomains entry is a host (optionally `*.` wildcard and `:port`), never a URL. */
const DOMAIN_ENTRY = /^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/i;

/** Whether `host` (as in a URL, port optional) is covered by validDomains; a malformed host never is. */
function hostListed(host: string, validDomains: string[]): boolean {
  try {
    return hostAllowed(new URL(`https://${host}`), validDomains);
  } catch {
    return false;
  }
}

function hostAllowed(url: URL, validDomains: string[]): boolean {
  const hostname = url.hostname.toLowerCase();
  const host = url.host.toLowerCase();
  return validDomains.some((raw) => {
    const entry = raw.toLowerCase();
    const withPort = /:\d+$/.test(entry);
    const target = withPort ? host : hostname;
    if (entry.startsWith('*.')) return target.endsWith(entry.slice(1)) && target.length > entry.length - 1;
    return target === entry;
  });
}

// --- the package's rules -------------------------------------------------------------------------------------

function checkPng(
  file: string,
  bytes: Uint8Array,
  where: string,
  size: { width: number; height: number },
  issues: PackageIssue[],
): PNG | undefined {
  let png: PNG;
  try {
    png = PNG.sync.read(Buffer.from(bytes));
  } catch (error) {
    issues.push({ path: where, message: `${file} is not a readable PNG: ${(error as Error).message}` });
    return undefined;
  }
  if (png.width !== size.width || png.height !== size.height) {
    issues.push({
      path: where,
      message: `${file} is ${png.width}×${png.height} pixels; it must be ${size.width}×${size.height}`,
    });
  }
  return png;
}

/** Teams: the outline icon is white on a transparent background, nothing else. */
function checkOutline(file: string, png: PNG, where: string, issues: PackageIssue[]): void {
  let transparent = 0;
  let visible = 0;
  let coloured = 0;
  let firstColoured = '';
  for (let i = 0; i < png.width * png.height; i++) {
    const [r, g, b, a] = [png.data[i * 4]!, png.data[i * 4 + 1]!, png.data[i * 4 + 2]!, png.data[i * 4 + 3]!];
    if (a === 0) {
      transparent++;
      continue;
    }
    visible++;
    if (r !== 255 || g !== 255 || b !== 255) {
      if (coloured++ === 0) {
        firstColoured = `(${i % png.width}, ${Math.floor(i / png.width)}) is rgba(${r}, ${g}, ${b}, ${a})`;
      }
    }
  }
  if (coloured > 0) {
    issues.push({
      path: where,
      message: `${file} must contain only white and transparent pixels; ${coloured} pixel(s) are coloured, e.g. ${firstColoured}`,
    });
  }
  if (transparent === 0) {
    issues.push({
      path: where,
      message: `${file} has no transparent pixel; the outline needs a transparent background`,
    });
  }
  if (visible === 0) issues.push({ path: where, message: `${file} is fully transparent` });
}

function checkImages(manifest: Json, files: Record<string, Uint8Array>, issues: PackageIssue[]): void {
  const icons = isRecord(manifest.icons) ? manifest.icons : {};
  for (const [key, side] of Object.entries(ICON_SIZES)) {
    const file = str(icons[key]);
    if (file === undefined) continue; // a required icon that is absent is reported by the schema
    const where = `manifest.json/icons/${key}`;
    const bytes = files[file];
    if (!bytes) {
      issues.push({ path: where, message: `names "${file}", which is not in the package` });
      continue;
    }
    const png = checkPng(file, bytes, where, { width: side, height: side }, issues);
    if (png && key === 'outline') checkOutline(file, png, where, issues);
  }
  records(manifest.configurableTabs).forEach((tab, i) => {
    const file = str(tab.sharePointPreviewImage);
    if (file === undefined) return;
    const where = `manifest.json/configurableTabs/${i}/sharePointPreviewImage`;
    const bytes = files[file];
    if (!bytes) issues.push({ path: where, message: `names "${file}", which is not in the package` });
    else checkPng(file, bytes, where, SHAREPOINT_PREVIEW_SIZE, issues);
  });
}

function checkUrls(manifest: Json, validDomains: string[], issues: PackageIssue[]): void {
  validDomains.forEach((entry, i) => {
    if (!DOMAIN_ENTRY.test(entry)) {
      issues.push({
        path: `manifest.json/validDomains/${i}`,
        message: `"${entry}" is not a host name: write the host (and port) only, no scheme or path`,
      });
    }
  });

  const check = (where: string, value: unknown, mustBeInValidDomains: boolean) => {
    const raw = str(value);
    if (raw === undefined) return;
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      issues.push({ path: where, message: `"${raw}" is not an absolute URL` });
      return;
    }
    if (url.protocol !== 'https:' && !LOOPBACK.has(url.hostname)) {
      issues.push({ path: where, message: `"${raw}" must use https (only a loopback host may use http)` });
    }
    if (mustBeInValidDomains && !hostAllowed(url, validDomains)) {
      issues.push({
        path: where,
        message: `"${raw}" is on ${url.host}, which is not in validDomains (${validDomains.join(', ') || 'empty'})`,
      });
    }
  };

  records(manifest.staticTabs).forEach((tab, i) => {
    for (const key of ['contentUrl', 'websiteUrl', 'searchUrl']) {
      check(`manifest.json/staticTabs/${i}/${key}`, tab[key], true);
    }
  });
  records(manifest.configurableTabs).forEach((tab, i) => {
    check(`manifest.json/configurableTabs/${i}/configurationUrl`, tab.configurationUrl, true);
  });
  const developer = isRecord(manifest.developer) ? manifest.developer : {};
  for (const key of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl']) {
    check(`manifest.json/developer/${key}`, developer[key], false);
  }
}

function checkIdentity(
  manifest: Json,
  validDomains: string[],
  expected: ValidateOptions['expected'],
  issues: PackageIssue[],
): void {
  const same = (where: string, actual: unknown, wanted: string, what: string) => {
    if (actual !== wanted) {
      issues.push({
        path: where,
        message: `is ${JSON.stringify(actual)}; it must be the configured ${what} ${JSON.stringify(wanted)}`,
      });
    }
  };
  const bots = records(manifest.bots);
  const app = isRecord(manifest.webApplicationInfo) ? manifest.webApplicationInfo : undefined;
  if (expected) {
    same('manifest.json/id', manifest.id, expected.teamsAppId, 'Teams app id (TEAMS_APP_ID)');
    if (bots.length === 0) issues.push({ path: 'manifest.json/bots', message: 'declares no bot' });
    bots.forEach((bot, i) =>
      same(`manifest.json/bots/${i}/botId`, bot.botId, expected.botId, 'bot id (BOT_ID)'),
    );
    if (!app) issues.push({ path: 'manifest.json/webApplicationInfo', message: 'is missing' });
    else {
      same('manifest.json/webApplicationInfo/id', app.id, expected.clientId, 'client id (CLIENT_ID)');
      same(
        'manifest.json/webApplicationInfo/resource',
        app.resource,
        expected.apiIdUri,
        'API id URI (API_ID_URI)',
      );
    }
  }
  if (!app) return;

  // Teams SSO needs api://<tab domain>/<client id> (or api://<client id>): the domain and id must agree.
  const resource = str(app.resource);
  const match = resource ? /^api:\/\/([^/]+)(?:\/(.+))?$/.exec(resource) : null;
  if (resource && !match) {
    issues.push({
      path: 'manifest.json/webApplicationInfo/resource',
      message: `"${resource}" must start with api://`,
    });
  } else if (match) {
    const [, first = '', rest] = match;
    const clientInUri = GUID.test(first) ? first : rest;
    if (!GUID.test(first) && !hostListed(first, validDomains)) {
      issues.push({
        path: 'manifest.json/webApplicationInfo/resource',
        message: `"${resource}" names the domain ${first}, which is not in validDomains (Teams SSO requires it)`,
      });
    }
    if (clientInUri !== undefined && clientInUri.toLowerCase() !== String(app.id).toLowerCase()) {
      issues.push({
        path: 'manifest.json/webApplicationInfo/resource',
        message: `"${resource}" names the client id ${clientInUri}, not webApplicationInfo.id ${String(app.id)}`,
      });
    }
  }

  records(app.nestedAppAuthInfo).forEach((naa, i) => {
    const where = `manifest.json/webApplicationInfo/nestedAppAuthInfo/${i}`;
    const redirect = str(naa.redirectUri) ?? '';
    const host = redirect.startsWith('brk-multihub://')
      ? redirect.slice('brk-multihub://'.length)
      : undefined;
    if (host === undefined || host === '' || host.includes('/')) {
      issues.push({
        path: `${where}/redirectUri`,
        message: `"${redirect}" must be brk-multihub://<tab domain>`,
      });
    } else if (!hostListed(host, validDomains)) {
      issues.push({
        path: `${where}/redirectUri`,
        message: `"${redirect}" names ${host}, which is not in validDomains`,
      });
    }
    const scopes = Array.isArray(naa.scopes) ? naa.scopes : [];
    if (scopes.length === 0)
      issues.push({ path: `${where}/scopes`, message: 'must name at least one scope' });
    scopes.forEach((scope, j) => {
      if (
        resource &&
        typeof scope === 'string' &&
        scope.includes('://') &&
        !scope.startsWith(`${resource}/`)
      ) {
        issues.push({
          path: `${where}/scopes/${j}`,
          message: `"${scope}" is not a scope of this app's API ${resource}`,
        });
      }
    });
  });
}

// --- localisation --------------------------------------------------------------------------------------------

/** `bots[0].commandLists[1].commands[0].title` → ['bots', 0, 'commandLists', 1, 'commands', 0, 'title']. */
export function parseLocalisationKey(key: string): Array<string | number> | undefined {
  const segments: Array<string | number> = [];
  for (const part of key.split('.')) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) return undefined;
    segments.push(m[1]!);
    for (const index of m[2]!.matchAll(/\[(\d+)\]/g)) segments.push(Number(index[1]));
  }
  return segments;
}

function lookup(root: unknown, segments: Array<string | number>): unknown {
  let node = root;
  for (const segment of segments) {
    if (typeof segment === 'number') node = Array.isArray(node) ? node[segment] : undefined;
    else node = isRecord(node) ? node[segment] : undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

/** The manifest's strings that each localisation file must translate. */
function localisableKeys(manifest: Json): string[] {
  const keys: string[] = [];
  const name = isRecord(manifest.name) ? manifest.name : {};
  const description = isRecord(manifest.description) ? manifest.description : {};
  for (const k of ['short', 'full']) if (typeof name[k] === 'string') keys.push(`name.${k}`);
  for (const k of ['short', 'full']) if (typeof description[k] === 'string') keys.push(`description.${k}`);
  records(manifest.staticTabs).forEach((tab, i) => {
    if (typeof tab.name === 'string') keys.push(`staticTabs[${i}].name`);
  });
  records(manifest.bots).forEach((bot, b) => {
    records(bot.commandLists).forEach((list, l) => {
      records(list.commands).forEach((command, c) => {
        for (const k of ['title', 'description']) {
          if (typeof command[k] === 'string') keys.push(`bots[${b}].commandLists[${l}].commands[${c}].${k}`);
        }
      });
    });
  });
  return keys;
}

const NOT_TRANSLATIONS = new Set(['$schema', 'localizationKeys']);

function checkLocalisations(
  manifest: Json,
  files: Record<string, Uint8Array>,
  version: string,
  issues: PackageIssue[],
): void {
  const info = isRecord(manifest.localizationInfo) ? manifest.localizationInfo : undefined;
  if (!info) return;
  const entries: Array<{ file: string; tag: string; where: string }> = [];
  const defaultFile = str(info.defaultLanguageFile);
  if (defaultFile) {
    entries.push({
      file: defaultFile,
      tag: String(info.defaultLanguageTag),
      where: 'localizationInfo/defaultLanguageFile',
    });
  }
  records(info.additionalLanguages).forEach((language, i) => {
    const file = str(language.file);
    if (file)
      entries.push({
        file,
        tag: String(language.languageTag),
        where: `localizationInfo/additionalLanguages/${i}/file`,
      });
  });

  const seenTags = new Set([String(info.defaultLanguageTag).toLowerCase()]);
  records(info.additionalLanguages).forEach((language, i) => {
    const tag = String(language.languageTag).toLowerCase();
    if (seenTags.has(tag)) {
      issues.push({
        path: `manifest.json/localizationInfo/additionalLanguages/${i}/languageTag`,
        message: `language "${tag}" is already covered by the default language or an earlier entry`,
      });
    }
    seenTags.add(tag);
  });

  const validate = schemaValidator(version, 'MicrosoftTeams.Localization.schema.json');
  const wanted = localisableKeys(manifest);
  for (const { file, where } of entries) {
    if (!files[file]) {
      issues.push({
        path: `manifest.json/${where}`,
        message: `names "${file}", which is not in the package`,
      });
      continue;
    }
    const strings = parseJson(file, files[file], issues);
    if (!strings) continue;
    issues.push(...schemaIssues(file, validate, strings));

    // Teams requires the same schema version in the manifest and its localisation files.
    const schemaUrl = str(strings.$schema);
    if (schemaUrl && !schemaUrl.endsWith(`/v${version}/MicrosoftTeams.Localization.schema.json`)) {
      issues.push({
        path: `${file}/$schema`,
        message: `"${schemaUrl}" is not the v${version} localisation schema`,
      });
    }
    for (const key of Object.keys(strings)) {
      if (NOT_TRANSLATIONS.has(key)) continue;
      const segments = parseLocalisationKey(key);
      if (!segments) {
        issues.push({
          path: `${file}: ${key}`,
          message: 'is not a manifest path such as staticTabs[0].name',
        });
      } else if (typeof lookup(manifest, segments) !== 'string') {
        issues.push({
          path: `${file}: ${key}`,
          message: 'translates a string that the manifest does not have',
        });
      }
    }
    for (const key of wanted) {
      if (!(key in strings))
        issues.push({
          path: `${file}: ${key}`,
          message: 'is missing: every manifest string needs a translation',
        });
    }
  }
}

// --- entry point ---------------------------------------------------------------------------------------------

/** Validates an (unzipped) app package; an empty list means Teams should accept it. */
export function validateAppPackage(
  files: Record<string, Uint8Array>,
  options: ValidateOptions = {},
): PackageIssue[] {
  const version = options.manifestVersion ?? MANIFEST_VERSION;
  const issues: PackageIssue[] = [];
  const manifest = parseJson('manifest.json', files['manifest.json'], issues);
  if (!manifest) return issues;

  if (manifest.manifestVersion !== version) {
    issues.push({
      path: 'manifest.json/manifestVersion',
      message: `is ${JSON.stringify(manifest.manifestVersion)}; this package targets manifest schema ${version}`,
    });
  }
  issues.push(
    ...schemaIssues('manifest.json', schemaValidator(version, 'MicrosoftTeams.schema.json'), manifest),
  );

  const schemaUrl = str(manifest.$schema);
  if (schemaUrl && !schemaUrl.endsWith(`/v${version}/MicrosoftTeams.schema.json`)) {
    issues.push({
      path: 'manifest.json/$schema',
      message: `"${schemaUrl}" is not the v${version} manifest schema`,
    });
  }
  const appVersion = manifest.version;
  if (typeof appVersion !== 'string' || !SEMVER.test(appVersion)) {
    issues.push({
      path: 'manifest.json/version',
      message: `is ${JSON.stringify(appVersion)}; it must be MAJOR.MINOR.PATCH, e.g. 1.0.0 (Teams rejects pre-release tags)`,
    });
  }

  const validDomains = Array.isArray(manifest.validDomains)
    ? manifest.validDomains.filter((d) => typeof d === 'string')
    : [];
  checkImages(manifest, files, issues);
  checkUrls(manifest, validDomains, issues);
  checkIdentity(manifest, validDomains, options.expected, issues);
  checkLocalisations(manifest, files, version, issues);
  return issues;
}

/** One readable line per issue, for the CLI and test failures. */
export function formatIssues(issues: PackageIssue[]): string {
  return issues.map((issue) => `${issue.path}: ${issue.message}`).join('\n');
}
