import type { Graph, RequestOptions } from './client';

/**
 * Largest page we ask for. Graph documents no explicit `$top` ceiling for SharePoint list items; the service
 * serves list item pages up to the list view threshold of 5,000 items, which is the practical maximum (beyond it
 * SharePoint refuses un-indexed queries anyway). Other collections (lists, columns, drive children) cap lower
 * and simply answer with fewer items plus a nextLink, which `pageAll` follows.
 */
export const LIST_ITEMS_MAX_TOP = 5000;

interface Page<T> {
  value?: T[];
  '@odata.nextLink'?: string;
}

export interface PageOptions extends RequestOptions {
  /** Page size; added as `$top` unless the URL already has one. */
  top?: number;
  /** Safety stop against a server that keeps returning nextLinks. */
  maxPages?: number;
}

const withTop = (url: string, top: number | undefined): string =>
  top === undefined || /[?&]\$top=/.test(url) ? url : `${url}${url.includes('?') ? '&' : '?'}$top=${top}`;

/** Every page of a collection, following `@odata.nextLink` verbatim (it carries the server's skip token). */
export async function* pages<T>(graph: Graph, url: string, opts: PageOptions = {}): AsyncGenerator<T[]> {
  const { top, maxPages = 10_000, ...req } = opts;
  let next: string | undefined = withTop(url, top);
  for (let n = 0; next !== undefined; n++) {
    if (n >= maxPages) throw new Error(`pageAll: more than ${maxPages} pages at ${url}`);
    const page: Page<T> = await graph.get<Page<T>>(next, req);
    yield page.value ?? [];
    next = page['@odata.nextLink'];
  }
}

export async function pageAll<T>(graph: Graph, url: string, opts: PageOptions = {}): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages<T>(graph, url, opts)) out.push(...page);
  return out;
}
