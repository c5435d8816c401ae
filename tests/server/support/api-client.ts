import type { LocalStack } from '../../../scripts/lib/local-stack';
import { LOCAL_API_ID_URI } from '../../../src/emulator/config';
import type { DemoUser } from '../../../src/emulator/demo-directory';
import { userToken } from '../../emulator/support';

export interface CallOptions {
  /** Sent as is (an upload's bytes); the caller sets any content type in `headers`. */
  raw?: BodyInit;
  /** Sent as JSON with its content type. */
  json?: unknown;
  ifMatch?: string;
  headers?: Record<string, string>;
  /** The caller's language (`x-stagemap-locale`), English unless told. */
  lang?: string;
}

export interface CallResult<T> {
  status: number;
  /** The parsed answer, or `{}` when it is not JSON (a 204, an HTML error page): the status tells those apart. */
  json: T;
  etag: string | null;
}

/**
 * Calls the `/api` of the `npm start` stack as a demo user, with a token from the emulator's sign-in (one per
 * user, fetched once). The stack is a getter because the tests start it in `beforeAll`.
 */
export function apiClient(stack: () => LocalStack) {
  const tokens = new Map<string, Promise<string>>();

  const token = (u: DemoUser): Promise<string> => {
    let t = tokens.get(u.id);
    if (!t) {
      t = userToken(stack().emulator, u.userPrincipalName, `${LOCAL_API_ID_URI}/access_as_user`);
      tokens.set(u.id, t);
    }
    return t;
  };

  async function call<T = unknown>(
    u: DemoUser,
    method: string,
    path: string,
    opts: CallOptions = {},
  ): Promise<CallResult<T>> {
    const res = await fetch(`${stack().stagemap.url}/api${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await token(u)}`,
        'x-stagemap-locale': opts.lang ?? 'en',
        ...(opts.json !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(opts.ifMatch ? { 'if-match': opts.ifMatch } : {}),
        ...opts.headers,
      },
      ...(opts.raw !== undefined ? { body: opts.raw } : {}),
      ...(opts.json !== undefined ? { body: JSON.stringify(opts.json) } : {}),
    });
    return {
      status: res.status,
      json: (await res.json().catch(() => ({}))) as T,
      etag: res.headers.get('etag'),
    };
  }

  return { token, call };
}
