import type { Graph } from './client';
import { DeltaExpiredError, GraphRequestError } from './errors';
import { buildQuery } from './odata';

export interface DeltaItem {
  id: string;
  /** Present on deleted items (Graph's `deleted` facet) … */
  deleted?: { state?: string };
  /** … or as the OData removed annotation, depending on the resource. */
  '@removed'?: { reason?: string };
  fields?: Record<string, unknown>;
  eTag?: string;
  [k: string]: unknown;
}

export interface DeltaResult<T extends DeltaItem = DeltaItem> {
  changes: T[];
  /** Opaque token for the next call; store it with the data it describes. */
  token: string;
}

interface DeltaPage<T> {
  value?: T[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

export const isDeleted = (item: DeltaItem): boolean =>
  item.deleted !== undefined || item['@removed'] !== undefined;

/** The `token` parameter of a deltaLink; the whole link when it has none (kept opaque either way). */
function tokenOf(deltaLink: string): string {
  const q = deltaLink.indexOf('?');
  if (q === -1) return deltaLink;
  return new URLSearchParams(deltaLink.slice(q + 1)).get('token') ?? deltaLink;
}

/**
 * Changes of a list since `token` (all items when absent), over `…/items/delta`, following nextLinks until the
 * deltaLink. A token the service no longer knows (410 Gone, `resyncRequired`) becomes DeltaExpiredError: the
 * caller must drop its state and call again without a token.
 */
export async function delta<T extends DeltaItem = DeltaItem>(
  graph: Graph,
  listPath: string,
  token?: string,
  opts: { expandFields?: boolean } = {},
): Promise<DeltaResult<T>> {
  const base = `${listPath.replace(/\/+$/, '')}/items/delta`;
  const first = token?.includes('://')
    ? token
    : `${base}${buildQuery({ ...(opts.expandFields === false ? {} : { expand: 'fields' }), extra: { token } })}`;
  const changes: T[] = [];
  let next: string | undefined = first;
  try {
    while (next !== undefined) {
      const page: DeltaPage<T> = await graph.get<DeltaPage<T>>(next);
      changes.push(...(page.value ?? []));
      if (page['@odata.deltaLink']) return { changes, token: tokenOf(page['@odata.deltaLink']) };
      next = page['@odata.nextLink'];
    }
  } catch (e) {
    if (e instanceof GraphRequestError && !(e instanceof DeltaExpiredError) && e.code === 'resyncRequired')
      throw new DeltaExpiredError({ ...e, message: e.message });
    throw e;
  }
  throw new Error(`delta at ${listPath} ended without a deltaLink`);
}
