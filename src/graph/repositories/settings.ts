import { SCHEMA_VERSION_KEY } from '../schema';
import { organisationSettingsSchema, type OrganisationSettings } from '../../domain/records';
import { readText, type Fields } from './fields';
import { ListRepository, type RepositoryContext, type Stored } from './list-repository';
import { RepositoryConflictError } from './repository-errors';

/**
 * The Settings list holds small JSON documents by key; the organisation's settings are one of them, validated with
 * zod on every read (someone may edit the item by hand in SharePoint). An invalid document does not take the app
 * down: the read reports the problems and falls back to the defaults for what is invalid.
 */

export const ORGANISATION_SETTINGS_KEY = 'organisation';

interface SettingsEntry {
  id: string;
  key: string;
  value: string;
}

export class InvalidSettingsError extends Error {
  constructor(
    readonly issues: { path: string; message: string }[],
    readonly raw: string,
  ) {
    super(`invalid organisation settings: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    this.name = 'InvalidSettingsError';
  }
}

export interface SettingsRead {
  settings: Stored<OrganisationSettings> & { itemId?: string };
  /** Problems found in the stored document (the defaults were used for those parts); empty when valid. */
  issues: { path: string; message: string }[];
}

class SettingsEntries extends ListRepository<SettingsEntry> {
  constructor(ctx: RepositoryContext) {
    super(ctx, {
      list: 'Settings',
      columns: ['Value'],
      fromFields: (id: string, f: Fields) => ({
        id,
        key: readText(f, 'Key') ?? '',
        value: readText(f, 'Value') ?? '',
      }),
      toFields: (v: Partial<SettingsEntry>) => ({
        ...('key' in v ? { Title: v.key } : {}),
        ...('value' in v ? { Value: v.value } : {}),
      }),
    });
  }
}

export class SettingsRepository {
  private readonly entries: SettingsEntries;
  constructor(ctx: RepositoryContext) {
    this.entries = new SettingsEntries(ctx);
  }

  static defaults(): OrganisationSettings {
    return organisationSettingsSchema.parse({});
  }

  /** Parses a stored document; strict on the shape, lenient on the failure (see the file header). */
  static parse(raw: string): { value: OrganisationSettings; issues: { path: string; message: string }[] } {
    let json: unknown;
    try {
      json = raw ? JSON.parse(raw) : {};
    } catch {
      return { value: SettingsRepository.defaults(), issues: [{ path: '', message: 'not JSON' }] };
    }
    const parsed = organisationSettingsSchema.safeParse(json);
    if (parsed.success) return { value: parsed.data, issues: [] };
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    // Keep every top-level section that is valid on its own; default the broken ones.
    const bad = new Set(parsed.error.issues.map((i) => String(i.path[0] ?? '')));
    const kept = Object.fromEntries(
      Object.entries((json ?? {}) as Record<string, unknown>).filter(([k]) => !bad.has(k)),
    );
    const retry = organisationSettingsSchema.safeParse(kept);
    return { value: retry.success ? retry.data : SettingsRepository.defaults(), issues };
  }

  /** The schema version provisioning recorded on the site (readiness: the app expects SCHEMA_VERSION). */
  async schemaVersion(): Promise<number | undefined> {
    const entry = await this.entries.getByKey(SCHEMA_VERSION_KEY);
    const n = Number(entry?.value);
    return entry && Number.isInteger(n) ? n : undefined;
  }

  async read(): Promise<SettingsRead> {
    const entry = await this.entries.getByKey(ORGANISATION_SETTINGS_KEY);
    const { value, issues } = SettingsRepository.parse(entry?.value ?? '');
    return {
      settings: { ...value, etag: entry?.etag ?? '', ...(entry ? { itemId: entry.id } : {}) },
      issues,
    };
  }

  /** Strict read: throws InvalidSettingsError instead of falling back. */
  async readStrict(): Promise<Stored<OrganisationSettings>> {
    const entry = await this.entries.getByKey(ORGANISATION_SETTINGS_KEY);
    const { value, issues } = SettingsRepository.parse(entry?.value ?? '');
    if (issues.length > 0) throw new InvalidSettingsError(issues, entry?.value ?? '');
    return { ...value, etag: entry?.etag ?? '' };
  }

  /**
   * Writes the settings (validated first: bad input changes nothing). `current` is what the caller read: its ETag
   * guards the write, and a concurrent change surfaces as RepositoryConflictError with the current settings.
   */
  async write(
    next: OrganisationSettings,
    current?: Stored<OrganisationSettings>,
  ): Promise<Stored<OrganisationSettings>> {
    const value = organisationSettingsSchema.parse(next);
    const json = JSON.stringify(value);
    const entry = await this.entries.getByKey(ORGANISATION_SETTINGS_KEY);
    if (!entry) {
      const created = await this.entries.create({ key: ORGANISATION_SETTINGS_KEY, value: json });
      return { ...SettingsRepository.parse(created.value).value, etag: created.etag };
    }
    try {
      const updated = await this.entries.update(
        { ...entry, etag: current?.etag || entry.etag },
        { value: json },
      );
      return { ...SettingsRepository.parse(updated.value).value, etag: updated.etag };
    } catch (e) {
      if (e instanceof RepositoryConflictError && e.current) {
        const now = e.current as Stored<SettingsEntry>;
        throw new RepositoryConflictError<OrganisationSettings>(e.list, e.key, {
          ...SettingsRepository.parse(now.value).value,
          etag: now.etag,
        });
      }
      throw e;
    }
  }
}
