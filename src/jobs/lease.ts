import { readInstant, readText, writeInstant, type Fields } from '../graph/repositories/fields';
import { ListRepository, type RepositoryContext, type Stored } from '../graph/repositories/list-repository';
import { RepositoryConflictError } from '../graph/repositories/repository-errors';

/**
 * One sweep at a time across scheduler instances: an item of the Leases list (Key = the job's name) holds who
 * has the job and until when. Taking and renewing are ETag-guarded writes, so of two instances that read the same
 * expired lease only one write succeeds (the other gets 412). A holder that dies simply lets the lease expire; an
 * instance restarted with the same `holder` id may take its own lease back at once (its previous life is over).
 *
 * The lease also carries the holder's write-ahead record (`Pending`, docs/scheduler.md "Exactly once"): the cards
 * it is about to send. It rides on the writes that take and renew the lease anyway, so it costs no request of its
 * own; whoever takes the lease next reads what the previous holder may have left half-done.
 */
export interface LeaseRecord {
  id: string;
  key: string;
  holder: string;
  expiresAt: string;
  pending: string;
}

class LeasesRepository extends ListRepository<LeaseRecord> {
  constructor(ctx: RepositoryContext) {
    super(ctx, {
      list: 'Leases',
      columns: ['Holder', 'ExpiresAt', 'Pending'],
      fromFields: (id: string, f: Fields) => ({
        id,
        key: readText(f, 'Key') ?? '',
        holder: readText(f, 'Holder') ?? '',
        expiresAt: readInstant(f, 'ExpiresAt') ?? new Date(0).toISOString(),
        pending: readText(f, 'Pending') ?? '',
      }),
      toFields: (v: Partial<LeaseRecord>) => ({
        ...('key' in v ? { Title: v.key } : {}),
        ...('holder' in v ? { Holder: v.holder } : {}),
        ...('expiresAt' in v ? { ExpiresAt: writeInstant(v.expiresAt) } : {}),
        ...('pending' in v ? { Pending: v.pending } : {}),
      }),
    });
  }
}

export class Lease {
  private readonly repo: LeasesRepository;
  private held: Stored<LeaseRecord> | undefined;
  private seen: Stored<LeaseRecord> | undefined;
  private renewing: Promise<boolean> | undefined;

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

  private isFree(r: LeaseRecord): boolean {
    return r.holder === this.holder || new Date(r.expiresAt).getTime() <= this.now().getTime();
  }

  /**
   * Reads the lease without taking it: undefined when another instance holds it, else what the last holder left
   * in `Pending` ('' when it finished cleanly). `acquire` then takes exactly this version (ETag).
   */
  async peek(): Promise<{ pending: string } | undefined> {
    this.seen = await this.repo.getByKey(this.name);
    if (this.seen && !this.isFree(this.seen)) return undefined;
    return { pending: this.seen?.pending ?? '' };
  }

  /**
   * True when this instance holds the lease now. After `peek`, the write is guarded by the version peeked at:
   * if anyone took the lease in between, this fails rather than overrule them.
   */
  async acquire(pending?: string): Promise<boolean> {
    let current = this.seen ?? (await this.repo.getByKey(this.name));
    this.seen = undefined;
    if (!current) {
      const created = await this.repo.create({
        key: this.name,
        holder: this.holder,
        expiresAt: this.until(),
        pending: pending ?? '',
      });
      // The create was idempotent: if another instance created it first we got theirs back, and its pending
      // record is not the one this sweep planned with: leave the lease to the next sweep's peek.
      if (created.holder !== this.holder) return false;
      if (created.pending === (pending ?? '')) {
        this.held = created;
        return true;
      }
      current = created;
    }
    if (!this.isFree(current)) return false;
    return this.write(current, pending);
  }

  /**
   * True when this instance still holds the lease for more than `marginMs`, renewing it first when less is left
   * (one renewal at a time, however many senders ask). Asked before every send: a holder that was paused past
   * its expiry never sends after another instance may have taken over.
   */
  async ensure(marginMs: number): Promise<boolean> {
    if (!this.held) return false;
    if (Date.parse(this.held.expiresAt) - this.now().getTime() > marginMs) return true;
    this.renewing ??= this.write(this.held, undefined).finally(() => {
      this.renewing = undefined;
    });
    return this.renewing;
  }

  /** Extends the lease (and replaces the pending record when given); false when someone else took it meanwhile. */
  async renew(pending?: string): Promise<boolean> {
    if (!this.held) return this.acquire(pending);
    return this.write(this.held, pending);
  }

  private async write(base: Stored<LeaseRecord>, pending: string | undefined): Promise<boolean> {
    try {
      this.held = await this.repo.update(base, {
        holder: this.holder,
        expiresAt: this.until(),
        ...(pending !== undefined ? { pending } : {}),
      });
      return true;
    } catch (e) {
      if (e instanceof RepositoryConflictError) {
        this.held = undefined;
        return false;
      }
      throw e;
    }
  }

  /**
   * Gives the lease up (expires now) so another instance need not wait; best effort. `pending` replaces the
   * record only when given: after a failed sweep the record must stay for the next holder.
   */
  async release(pending?: string): Promise<void> {
    if (!this.held) return;
    try {
      await this.repo.update(this.held, {
        expiresAt: this.now().toISOString(),
        ...(pending !== undefined ? { pending } : {}),
      });
    } catch {
      // Expiry will free it.
    }
    this.held = undefined;
  }
}
