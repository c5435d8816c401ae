import type { EmulatorContext } from '../context';
import { loadDemoDirectory } from '../demo-directory';
import { GraphError } from '../http/errors';
import type { EmuRequest, EmuResponse } from '../http/types';
import { countUsers, getUser, listUsers, type DirectoryUser } from '../identity/directory-store';
import {
  FULL_PROFILE_SCOPES,
  granted,
  insufficientPrivileges,
  meId,
  USER_READ_ALL,
  USER_READ_SELF,
} from './permissions';
import {
  matchesFilter,
  matchesSearch,
  parseFilter,
  parseSearch,
  parseSelect,
  projectUser,
  validateFilter,
} from './user-query';

const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 999;

export const userNotFound = (id: string): GraphError =>
  new GraphError(
    404,
    'Request_ResourceNotFound',
    `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
  );

const eventual = (req: EmuRequest) => (req.headers.consistencylevel ?? '').toLowerCase() === 'eventual';

const contextUrl = (req: EmuRequest, select: string[] | undefined, entity: boolean) =>
  `${req.graphBase}/$metadata#users${select ? `(${select.join(',')})` : ''}${entity ? '/$entity' : ''}`;

/** A delegated caller with only User.ReadBasic.All sees the basic profile of other users (not of themselves). */
const basicOnlyFor = (req: EmuRequest, target: DirectoryUser) =>
  req.principal.kind === 'user' &&
  req.principal.oid !== target.id &&
  !req.principal.scopes.some((s) => FULL_PROFILE_SCOPES.includes(s));

function decodeSkipToken(token: string): number {
  try {
    const { o } = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown };
    if (typeof o === 'number' && Number.isInteger(o) && o >= 0) return o;
  } catch {
    /* fall through */
  }
  throw new GraphError(
    400,
    'Request_BadRequest',
    `The specified page token value has expired or is invalid.`,
  );
}

/** The next page's URL repeats every query option of this one, with a new $skiptoken, as the service does. */
function nextLink(req: EmuRequest, offset: number): string {
  const parts: string[] = [];
  for (const [k, v] of req.query) if (k !== '$skiptoken') parts.push(`${k}=${encodeURIComponent(v)}`);
  parts.push(`$skiptoken=${Buffer.from(JSON.stringify({ o: offset })).toString('base64url')}`);
  return `${req.graphBase}/users?${parts.join('&')}`;
}

/** Users of the local tenant: /users (list, filter, search, count, paging), /users/{id|upn} and /me. */
export function directoryModule(ctx: EmulatorContext): void {
  if (ctx.config.demoDirectory && countUsers(ctx.db) === 0) loadDemoDirectory(ctx);

  /** Users matching $filter / $search, in the service's stable order; also answers /users/$count. */
  const query = (req: EmuRequest): DirectoryUser[] => {
    const advanced = eventual(req) && (req.query.get('$count') ?? '').toLowerCase() === 'true';
    let users = listUsers(ctx.db);
    const search = req.query.get('$search');
    if (search !== null) {
      if (!eventual(req))
        throw new GraphError(
          400,
          'Request_UnsupportedQuery',
          "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
        );
      const s = parseSearch(search);
      users = users.filter((u) => matchesSearch(u, s));
    }
    const filter = req.query.get('$filter');
    if (filter !== null && filter.trim() !== '') {
      const f = parseFilter(filter);
      validateFilter(f, advanced);
      users = users.filter((u) => matchesFilter(u, f));
    }
    const orderBy = req.query.get('$orderby');
    if (orderBy) {
      const m = /^\s*(displayName|userPrincipalName)\s*(asc|desc)?\s*$/i.exec(orderBy);
      if (!m)
        throw new GraphError(400, 'Request_UnsupportedQuery', `Sorting on '${orderBy}' is not supported.`);
      const key = m[1]!.toLowerCase() === 'displayname' ? 'displayName' : 'userPrincipalName';
      const dir = (m[2] ?? 'asc').toLowerCase() === 'desc' ? -1 : 1;
      users = [...users].sort((a, b) => dir * a[key].localeCompare(b[key], 'en', { sensitivity: 'base' }));
    }
    return users;
  };

  const requireList = (req: EmuRequest) => {
    if (!granted(req.principal, USER_READ_ALL)) throw insufficientPrivileges();
  };

  ctx.graph.get('/users/$count', (req) => {
    requireList(req);
    if (!eventual(req)) throw new GraphError(400, 'Request_BadRequest', 'Count is not currently supported.');
    return {
      status: 200,
      headers: { 'content-type': 'text/plain;charset=utf-8' },
      body: Buffer.from(String(query(req).length)),
    };
  });

  ctx.graph.get('/users', (req): EmuResponse => {
    requireList(req);
    const select = parseSelect(req.query.get('$select'));
    const count = (req.query.get('$count') ?? '').toLowerCase();
    if (count !== '' && count !== 'true' && count !== 'false')
      throw new GraphError(400, 'Request_BadRequest', `Invalid value '${count}' for $count.`);
    if (count === 'true' && !eventual(req))
      throw new GraphError(400, 'Request_BadRequest', '$count is not currently supported.');
    const topRaw = req.query.get('$top');
    let top = DEFAULT_PAGE_SIZE;
    if (topRaw !== null) {
      top = Number(topRaw);
      if (!Number.isInteger(top) || top < 1 || top > MAX_PAGE_SIZE)
        throw new GraphError(
          400,
          'Request_BadRequest',
          `Invalid page size specified: '${topRaw}'. Must be between 1 and ${MAX_PAGE_SIZE} inclusive.`,
        );
    }
    const skip = req.query.get('$skiptoken');
    const offset = skip ? decodeSkipToken(skip) : 0;
    const all = query(req);
    const page = all.slice(offset, offset + top);
    const body: Record<string, unknown> = { '@odata.context': contextUrl(req, select, false) };
    if (count === 'true') body['@odata.count'] = all.length;
    if (offset + top < all.length) body['@odata.nextLink'] = nextLink(req, offset + top);
    body.value = page.map((u) => projectUser(u, select, basicOnlyFor(req, u)));
    return { status: 200, body };
  });

  ctx.graph.get('/users/{id}', (req, { id }) => {
    const user = getUser(ctx.db, id!);
    const self = req.principal.kind === 'user' && user?.id === req.principal.oid;
    if (!(self ? granted(req.principal, USER_READ_SELF) : granted(req.principal, USER_READ_ALL)))
      throw insufficientPrivileges();
    if (!user) throw userNotFound(id!);
    const select = parseSelect(req.query.get('$select'));
    return {
      status: 200,
      body: {
        '@odata.context': contextUrl(req, select, true),
        ...projectUser(user, select, basicOnlyFor(req, user)),
      },
    };
  });

  ctx.graph.get('/me', (req) => {
    const id = meId(req.principal);
    if (!granted(req.principal, USER_READ_SELF)) throw insufficientPrivileges();
    const user = getUser(ctx.db, id);
    if (!user) throw userNotFound(id);
    const select = parseSelect(req.query.get('$select'));
    return {
      status: 200,
      body: { '@odata.context': contextUrl(req, select, true), ...projectUser(user, select, false) },
    };
  });
}
