import type { LocalStack } from '../../scripts/lib/local-stack';
import { LOCAL_API_ID_URI } from '../../src/emulator/config';
import type { DemoUser } from '../../src/emulator/demo-directory';
import { userToken } from '../emulator/support';

/** A caller of Stagemap's API over HTTP, with a real token from the emulator's identity endpoint. */
export interface ApiCaller {
  call(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{
    status: number;
    body: Record<string, unknown> & { error?: ApiErrorBody };
    etag: string | null;
  }>;
}

export interface ApiErrorBody {
  code: string;
  message: string;
  fields?: { path: string; message: string }[];
  reasons?: { code: string; message: string }[];
  current?: unknown;
}

export async function callerFor(stack: LocalStack, user: DemoUser, locale = 'en'): Promise<ApiCaller> {
  const token = await userToken(stack.emulator, user.userPrincipalName, `${LOCAL_API_ID_URI}/access_as_user`);
  return {
    async call(method, path, body, headers = {}) {
      const res = await fetch(`${stack.stagemap.url}/api${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          'x-stagemap-locale': locale,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
      return { status: res.status, body: json, etag: res.headers.get('etag') };
    },
  };
}

/** Strings that would break an OData filter, HTML or a JSON/CSV consumer if anything along the way built text. */
export const INJECTIONS = [
  `<img src=x onerror="alert(1)">`,
  `O'Brien' or fields/Status eq 'published`,
  `"}); DROP TABLE Applications; --`,
  `{{constructor.constructor('alert(1)')()}} & ${'$'}{7*7}`,
] as const;
