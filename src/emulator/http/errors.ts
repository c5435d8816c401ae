import type { EmuResponse } from './types';

/**
 * A Graph error as the service returns it:
 * {"error":{"code":"itemNotFound","message":"...","innerError":{"date","request-id","client-request-id"}}}.
 * The innerError is completed by the dispatcher, which knows the request ids.
 */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const notFound = (message = 'The resource could not be found.') =>
  new GraphError(404, 'itemNotFound', message);
export const badRequest = (message: string, code = 'invalidRequest') => new GraphError(400, code, message);
export const accessDenied = (message = 'Access denied') => new GraphError(403, 'accessDenied', message);
export const conflict = (message: string, code = 'nameAlreadyExists') => new GraphError(409, code, message);
export const preconditionFailed = (
  message = 'The resource has changed since the caller last read it; usually an eTag mismatch',
) => new GraphError(412, 'resourceModified', message);

export function errorResponse(err: GraphError, requestId: string, clientRequestId?: string): EmuResponse {
  return {
    status: err.status,
    headers: { ...err.headers },
    body: {
      error: {
        code: err.code,
        message: err.message,
        innerError: {
          date: new Date().toISOString().replace(/\.\d{3}Z$/, ''),
          'request-id': requestId,
          'client-request-id': clientRequestId ?? requestId,
        },
      },
    },
  };
}
