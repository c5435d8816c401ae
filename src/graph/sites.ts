import type { Graph } from './client';
import { segment } from './odata';

export interface SiteRef {
  id: string;
  name?: string;
  displayName?: string;
  webUrl?: string;
}

/**
 * `/sites/{id}` for a site id (`host,siteGuid,webGuid` or a bare guid), `/sites/{host}:/{path}` for a URL
 * (Graph's server-relative addressing); the root site of a host is `/sites/{host}`.
 */
export function sitePath(ref: string): string {
  const r = ref.trim();
  if (/^https?:\/\//i.test(r)) {
    const u = new URL(r);
    const path = u.pathname.replace(/\/+$/, '');
    if (path === '') return `/sites/${segment(u.hostname)}`;
    const encoded = path
      .split('/')
      .filter(Boolean)
      .map((s) => segment(decodeURIComponent(s)))
      .join('/');
    return `/sites/${segment(u.hostname)}:/${encoded}`;
  }
  return `/sites/${segment(r)}`;
}

export const resolveSite = (graph: Graph, ref: string): Promise<SiteRef> =>
  graph.get<SiteRef>(`${sitePath(ref)}?$select=id,name,displayName,webUrl`);
