export interface RequestLogEntry {
  time: Date;
  method: string;
  /** Path with query string, as received. */
  path: string;
  /** HTTP status, or 'RESET' when the connection was dropped on purpose (fault injection). */
  status: number | 'RESET';
  ms: number;
  requestId: string;
  /** Id of the $batch sub-request, when the line is about one. */
  batchId?: string;
}

/**
 * One readable line per request: `time method path → status ms request-id`. $batch sub-requests follow their
 * envelope's line, indented, so a 429 inside a batch is visible in the log.
 */
export function formatRequestLine(e: RequestLogEntry): string {
  const prefix = e.batchId === undefined ? '' : `  ↳ [${e.batchId}] `;
  return `${prefix}${e.time.toISOString()} ${e.method} ${e.path} → ${e.status} ${e.ms.toFixed(1)}ms ${e.requestId}`;
}
