import { LOCAL_API_ID_URI } from '../../src/emulator/config';
import type { DemoUser } from '../../src/emulator/demo-directory';
import type { LocalStack } from '../../scripts/lib/local-stack';
import { userToken } from '../emulator/support';

/**
 * Calls Stagemap's API over HTTP as a demo user, with a token from the emulator's identity endpoint (checked by the
 * server's production validator): what the tab does, minus the browser.
 */
export interface ApiResponse {
  status: number;
  headers: Headers;
  // Tests assert on response bodies field by field; typing every body would only restate the views.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: () => Promise<any>;
  bytes: () => Promise<Buffer>;
}

export interface ApiCaller {
  (
    method: string,
    path: string,
    opts?: { body?: unknown; ifMatch?: string; locale?: string },
  ): Promise<ApiResponse>;
}

export async function apiAs(stack: LocalStack, user: DemoUser): Promise<ApiCaller> {
  const token = await userToken(stack.emulator, user.userPrincipalName, `${LOCAL_API_ID_URI}/access_as_user`);
  return async (method, path, opts = {}) => {
    const res = await fetch(`${stack.stagemap.url}/api${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        'x-stagemap-locale': opts.locale ?? 'en',
        ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(opts.ifMatch === undefined ? {} : { 'if-match': opts.ifMatch }),
      },
      ...(opts.body === undefined ? {} : { body: JSON.stringify(opts.body) }),
    });
    const buf = Buffer.from(await res.arrayBuffer());
    return {
      status: res.status,
      headers: res.headers,
      json: async () => JSON.parse(buf.toString('utf8')),
      bytes: async () => buf,
    };
  };
}
