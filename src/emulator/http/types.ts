/** Who is calling, as read from a validated bearer token (laid out like Entra ID's claims). */
export interface Principal {
  kind: 'user' | 'app';
  /** Object id: the user's, or the app's service principal. */
  oid: string;
  /** Client application id (azp/appid). */
  appId: string;
  tid: string;
  /** Delegated scopes (scp), for user tokens. */
  scopes: string[];
  /** Application permissions (roles), for app tokens: e.g. Sites.Selected. */
  roles: string[];
  upn?: string;
}

/** A Graph request as the emulator's handlers see it: the same for a direct call and a $batch sub-request. */
export interface EmuRequest {
  method: string;
  /** Path after the version segment, decoded, e.g. "/sites/root/lists". */
  path: string;
  query: URLSearchParams;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: Buffer;
  principal: Principal;
  /** Absolute URL of the version root, e.g. "http://127.0.0.1:5100/v1.0", for nextLink/deltaLink. */
  graphBase: string;
  requestId: string;
  /** Set on $batch sub-requests. */
  batchId?: string;
}

export interface EmuResponse {
  status: number;
  headers?: Record<string, string>;
  /** A JSON value, a Buffer (sent as is), or undefined for an empty body. */
  body?: unknown;
  /** Fault injection: drop the connection instead of answering (the client sees a reset). */
  reset?: boolean;
}

/** Wraps Graph dispatch (throttling, fault injection): each direct call and each $batch sub-request passes here. */
export type GraphMiddleware = (req: EmuRequest, next: () => Promise<EmuResponse>) => Promise<EmuResponse>;

export type Handler = (req: EmuRequest, params: Record<string, string>) => EmuResponse | Promise<EmuResponse>;
