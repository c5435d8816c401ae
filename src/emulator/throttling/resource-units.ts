import type { EmuRequest, EmuResponse } from '../http/types';

/**
 * Requests served by SharePoint Online / OneDrive, the only ones charged against SharePoint's resource-unit
 * budget. Directory and mail requests have their own (Entra ID, Outlook) limits, which the emulator does not model.
 */
export function isSharePointRequest(path: string): boolean {
  return (
    /^\/(sites|drives|shares)(\/|\(|$)/i.test(path) ||
    /^\/(me|users\/[^/]+|groups\/[^/]+)\/drives?(\/|$)/i.test(path)
  );
}

const PERMISSION_SEGMENT = /\/(permissions|invite|createLink|grant|revokeGrants)(\/|$|\()/i;

/**
 * Resource units of one Graph request, as SharePoint prices them ("Avoid getting throttled or blocked in
 * SharePoint Online", table "Resource units per request"):
 * 1 = single item query, delta with a token, file download; 2 = multi-item query (list children…), delta without a
 * token, create, update, delete, upload; 5 = any permission operation, including $expand=permissions.
 * Without the response (a request refused before its handler ran) the shape of the path decides.
 */
export function resourceUnits(req: Pick<EmuRequest, 'method' | 'path' | 'query'>, res?: EmuResponse): number {
  const expand = req.query.get('$expand') ?? '';
  if (PERMISSION_SEGMENT.test(req.path) || /(^|,)\s*permissions\b/i.test(expand)) return 5;
  if (/\/delta(\(\))?$/i.test(req.path)) {
    const token = req.query.get('token') ?? req.query.get('$deltatoken') ?? req.query.get('$skiptoken');
    return token ? 1 : 2;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return 2;
  if (/\/content$/i.test(req.path)) return 1;
  if (res) {
    const body = res.body as { value?: unknown } | undefined;
    return body && typeof body === 'object' && !Buffer.isBuffer(body) && Array.isArray(body.value) ? 2 : 1;
  }
  return 1;
}
