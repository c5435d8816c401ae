import type { Request } from 'express';
import { LOCALES, type LocalizedText } from '../../domain/i18n';
import { tooLargeText } from '../../domain/uploads';
import { ApiError } from './api-error';

const TOO_LARGE: LocalizedText = Object.fromEntries(
  LOCALES.map((l) => [l, tooLargeText(l)]),
) as unknown as LocalizedText;

/**
 * Reads a raw request body into memory, refusing it (413) as soon as it passes the limit. The Graph upload needs
 * the whole content (it slices it into upload-session chunks), and 50 MB per request is bounded.
 */
export async function readBody(req: Request, limit: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      // Let the rest drain in the background so the client reads our answer instead of a reset connection.
      req.resume();
      throw new ApiError(413, 'tooLarge', TOO_LARGE, { fields: [] });
    }
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks, size));
}
