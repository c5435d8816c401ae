import type { Locale } from '../../domain/i18n';
import type { FieldError } from '../../domain/validation';
import type { TokenProvider } from '../auth/token-provider';

/** An error answered by Stagemap's API: stable code, message already in the user's language, field errors. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
    readonly reasons: { code: string; message: string }[] = [],
    /** On 409: the version that is in SharePoint now, so the user can compare and choose. */
    readonly current?: unknown,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

export interface ApiClient {
  get<T>(path: string): Promise<T>;
  send<T>(
    method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<T>;
  upload<T>(
    path: string,
    file: Blob,
    fields: Record<string, string>,
    onProgress?: (fraction: number) => void,
  ): Promise<T>;
}

/** The tab's only way to the server: bearer token, the user's language, errors turned into ApiRequestError. */
export function createApiClient(base: string, tokens: TokenProvider, locale: () => Locale): ApiClient {
  async function request<T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    const res = await fetch(`${base}/api${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await tokens.getToken()}`,
        'x-stagemap-locale': locale(),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (res.status === 204) return undefined as T;
    const json = (await res.json().catch(() => ({}))) as {
      error?: {
        code: string;
        message: string;
        fields?: FieldError[];
        reasons?: { code: string; message: string }[];
        current?: unknown;
      };
    };
    if (!res.ok) {
      const e = json.error;
      throw new ApiRequestError(
        res.status,
        e?.code ?? 'unknown',
        e?.message ?? res.statusText,
        e?.fields,
        e?.reasons,
        e?.current,
      );
    }
    return json as T;
  }

  return {
    get: (path) => request('GET', path),
    send: (method, path, body, headers) => request(method, path, body, headers),
    async upload<T>(
      path: string,
      file: Blob,
      fields: Record<string, string>,
      onProgress?: (f: number) => void,
    ) {
      // XMLHttpRequest: fetch has no upload progress events, and long uploads must show progress.
      const token = await tokens.getToken();
      return new Promise<T>((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        const q = new URLSearchParams(fields).toString();
        xhr.open('PUT', `${base}/api${path}${q ? `?${q}` : ''}`);
        xhr.setRequestHeader('authorization', `Bearer ${token}`);
        xhr.setRequestHeader('x-stagemap-locale', locale());
        xhr.setRequestHeader('content-type', file.type || 'application/octet-stream');
        xhr.upload.onprogress = (e) => e.lengthComputable && onProgress?.(e.loaded / e.total);
        xhr.onload = () => {
          const json = (() => {
            try {
              return JSON.parse(xhr.responseText) as { error?: { code: string; message: string } };
            } catch {
              return {};
            }
          })();
          if (xhr.status >= 200 && xhr.status < 300) resolve(json as T);
          else
            reject(
              new ApiRequestError(
                xhr.status,
                json.error?.code ?? 'unknown',
                json.error?.message ?? xhr.statusText,
              ),
            );
        };
        xhr.onerror = () => reject(new ApiRequestError(0, 'network', 'Network error'));
        xhr.send(file);
      });
    },
  };
}
