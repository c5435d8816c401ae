import { GraphError } from './errors';
import type { Handler } from './types';

interface Route {
  method: string;
  regex: RegExp;
  names: string[];
  handler: Handler;
}

/**
 * Graph's path grammar does not fit express-style routers: ids contain commas, and path-based addressing uses
 * colons (`/sites/host:/sites/Stages:/lists`, `/drives/{id}/root:/a/b.pdf:/content`). Patterns here use `{name}`
 * for one segment and `{name*}` for a greedy run that may contain slashes; a RegExp with named groups also works.
 */
export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string | RegExp, handler: Handler): this {
    if (pattern instanceof RegExp) {
      this.routes.push({ method, regex: pattern, names: [], handler });
      return this;
    }
    const names: string[] = [];
    const source = pattern
      .split(/(\{[a-zA-Z]+\*?\})/)
      .map((part) => {
        const m = /^\{([a-zA-Z]+)(\*?)\}$/.exec(part);
        if (!m) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(m[1]!);
        return m[2] ? '(.+?)' : '([^/]+?)';
      })
      .join('');
    this.routes.push({ method, regex: new RegExp(`^${source}/?$`, 'i'), names, handler });
    return this;
  }

  get(p: string | RegExp, h: Handler) {
    return this.add('GET', p, h);
  }
  post(p: string | RegExp, h: Handler) {
    return this.add('POST', p, h);
  }
  patch(p: string | RegExp, h: Handler) {
    return this.add('PATCH', p, h);
  }
  put(p: string | RegExp, h: Handler) {
    return this.add('PUT', p, h);
  }
  delete(p: string | RegExp, h: Handler) {
    return this.add('DELETE', p, h);
  }

  /** Finds the handler for a path; 405 when the path exists for another method, 400 like Graph otherwise. */
  match(method: string, path: string): { handler: Handler; params: Record<string, string> } {
    let pathMatched = false;
    for (const route of this.routes) {
      const m = route.regex.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      const params: Record<string, string> = { ...(m.groups ?? {}) };
      route.names.forEach((name, i) => {
        params[name] = m[i + 1] ?? '';
      });
      return { handler: route.handler, params };
    }
    if (pathMatched)
      throw new GraphError(405, 'Request_BadRequest', `Method ${method} is not allowed on this resource.`);
    throw new GraphError(
      400,
      'BadRequest',
      `Resource not found for the segment '${path.split('/').filter(Boolean)[0] ?? ''}'.`,
    );
  }
}
