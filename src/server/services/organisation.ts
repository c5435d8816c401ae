import type { Actor } from '../../domain/access';
import type { Locale } from '../../domain/i18n';
import type { OrganisationSettings } from '../../domain/records';
import type { Stored } from '../../graph/repositories/list-repository';
import type { SettingsRepository } from '../../graph/repositories/settings';
import type { CallerIdentity } from '../auth/token-validator';

/**
 * The organisation's settings, read once a minute at most: every request needs the coordinators and service heads
 * to know the caller's roles, and reading SharePoint for that on every request would double the traffic.
 */
export class Organisation {
  private cached: { at: number; value: Stored<OrganisationSettings> } | undefined;

  constructor(
    private readonly settings: SettingsRepository,
    private readonly now: () => number = () => Date.now(),
    private readonly ttlMs = 60_000,
  ) {}

  async current(): Promise<Stored<OrganisationSettings>> {
    if (this.cached && this.now() - this.cached.at < this.ttlMs) return this.cached.value;
    const { settings } = await this.settings.read();
    this.cached = { at: this.now(), value: settings };
    return settings;
  }

  /** After a write: the next read goes to SharePoint. */
  invalidate(): void {
    this.cached = undefined;
  }

  async actorFor(caller: CallerIdentity): Promise<Actor> {
    const s = await this.current();
    return {
      userId: caller.oid,
      isCoordinator: s.coordinatorOids.includes(caller.oid),
      headOfServices: s.services.filter((x) => x.headOid === caller.oid).map((x) => x.key),
    };
  }

  serviceName(s: OrganisationSettings, key: string, locale: Locale): string {
    const svc = s.services.find((x) => x.key === key);
    return svc?.name[locale] ?? svc?.name[s.defaultLanguage] ?? svc?.name.en ?? key;
  }

  organisationName(s: OrganisationSettings, locale: Locale): string {
    return s.name[locale] ?? s.name[s.defaultLanguage] ?? s.name.en ?? 'Stagemap';
  }
}
