import type { Stored } from './list-repository';

/**
 * An update (or delete) sent with the item's ETag found the item changed by someone else (412). It carries the
 * current version as a domain value, so the caller can show it, merge, or re-apply its change on top of it;
 * `current` is undefined when the item was deleted meanwhile.
 */
export class RepositoryConflictError<T> extends Error {
  constructor(
    readonly list: string,
    readonly key: string,
    readonly current: Stored<T> | undefined,
    override readonly cause?: unknown,
  ) {
    super(`${list} item ${key} was changed by someone else`);
    this.name = 'RepositoryConflictError';
  }
}

/** A create or update the service refused for a reason other than a conflict; keeps the Graph error as cause. */
export class RepositoryWriteError extends Error {
  constructor(
    readonly list: string,
    readonly key: string,
    override readonly cause: unknown,
  ) {
    super(`${list} item ${key}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'RepositoryWriteError';
  }
}
