import { readInstant, readText, writeInstant, type Fields } from '../graph/repositories/fields';
import { ListRepository, type RepositoryContext, type Stored } from '../graph/repositories/list-repository';
import { RepositoryConflictError } from '../graph/repositories/repository-errors';

/**
 * One sweep at a time across scheduler instances: an item of the Leases list (Key = the job's name) holds who
 * has the job and until when. Taking and renewing are ETag-guarded writes, so of two instances that read the same
 * expired lease only one write succeeds (the other gets 412). A holder that dies simply lets the lease expire; an
 * instance restarted with the same `holder` id may take its own lease back at once (its previous life is over).
 */
export interface LeaseRecord {
  id: string;
  key: string;
  holder: string;
  expiresAt: string;
}

class LeasesRepository extends ListRepository<LeaseRecord> {
  constructor(ctx: RepositoryContext) {
    super(ctx, {
      list: 'Leases',
      columns: ['Holder', 'ExpiresAt'],
      fromFields: (id: string, f: Fields) => ({
        id,
        key: readText(f, 'Key') ?? '',
        holder: readText(f, 'Holder') ?? '',
        expiresAt: readInstant(f, 'ExpiresAt') ?? new Date(0).toISOString(),
      }),
      toFields: (v: Partial<LeaseRecord>) => ({
        ...('key' in v ? { Title: v.key } : {}),
        ...('holder' in v ? { Holder: v.holder } : {}),
        ...('expiresAt' in v ? { ExpiresAt: writeInstant(v.expiresAt) } : {}),
      }),
    });
  }
}

export class Lease {
  private readonly repo: LeasesRepository;
  private held: Stored<LeaseRecord> | undefined;

  constructor(
    ctx: RepositoryContext,
    private readonly name: string,
    private readonly holder: string,
    private readonly ttlMs: number,
    private readonly now: () => Date,
  ) {
    this.repo = new LeasesRepository(ctx);
  }

  private until(): string {
    return new Date(this.now().getTime() + this.ttlMs).toISOString();
  }

  /** True when this instance holds the lease now (taken or renewed). */
  async acquire(): Promise<boolean> {
    let current = await this.repo.getByKey(this.name);
    if (!current) {
      const created = await this.repo.create({
        key: this.name,
        holder: this.holder,
        expiresAt: this.until(),
      });
      // The create was idempotent: if another instance created it first we got theirs back.
      if (created.holder === this.holder) {
        this.held = created;
        return true;
      }
      current = created;
    }
    const free =
      current.holder === this.holder || new Date(current.expiresAt).getTime() <= this.now().getTime();
    if (!free) return false;
    return this.write(current);
  }

  /** Extends the lease; false when someone else took it meanwhile (the sweep must stop). */
  async renew(): Promise<boolean> {
    if (!this.held) return this.acquire();
    return this.write(this.held);
  }

  private async write(base: Stored<LeaseRecord>): Promise<boolean> {
    try {
      this.held = await this.repo.update(base, { holder: this.holder, expiresAt: this.until() });
      return true;
    } catch (e) {
      if (e instanceof RepositoryConflictError) {
        this.held = undefined;
        return false;
      }
      throw e;
    }
  }

  /** Gives the lease up (expires now) so another instance need not wait; best effort. */
  async release(): Promise<void> {
    if (!this.held) return;
    try {
      await this.repo.update(this.held, { expiresAt: this.now().toISOString() });
    } catch {
      // Expiry will free it.
    }
    this.held = undefined;
  }
}
