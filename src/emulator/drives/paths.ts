import { badRequest } from '../http/errors';

/**
 * A request below a drive, split the way Graph addresses drive items: `/root` or `/items/{id}`, optionally a
 * path relative to it (`/root:/a/b.pdf:` — names cannot contain ':' so the colons delimit it unambiguously),
 * then the segments after it (`/children`, `/content`, `/permissions/{id}`, ...).
 */
export interface ItemAddress {
  /** undefined for the drive itself. */
  base?: { kind: 'root' } | { kind: 'id'; id: string };
  /** Names below the base item, from the path part. */
  path: string[];
  /** Remaining segments, e.g. ['permissions', 'aTow...']. */
  segments: string[];
}

export function parseDriveRest(rest: string | undefined): ItemAddress {
  const r = rest ?? '';
  if (r === '' || r === '/') return { path: [], segments: [] };
  const m = /^\/(?:(?<root>root)|items\/(?<id>[^/:]+))(?<tail>.*)$/i.exec(r);
  if (!m?.groups)
    throw badRequest(`Resource not found for the segment '${r.split('/')[1] ?? ''}'.`, 'BadRequest');
  const id = m.groups.id;
  const base =
    m.groups.root || id?.toLowerCase() === 'root'
      ? { kind: 'root' as const }
      : { kind: 'id' as const, id: id! };
  let tail = m.groups.tail ?? '';
  let path: string[] = [];
  if (tail.startsWith(':')) {
    const pm = /^:(?<path>[^:]*)(?::(?<after>.*))?$/.exec(tail);
    if (!pm?.groups) throw badRequest('The provided path is not valid.', 'invalidRequest');
    path = (pm.groups.path ?? '').split('/').filter((s) => s.length > 0);
    tail = pm.groups.after ?? '';
  }
  const segments = tail.split('/').filter((s) => s.length > 0);
  return { base, path, segments };
}
