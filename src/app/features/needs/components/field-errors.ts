import { ApiRequestError } from '../../../lib/api-client';

/** The localized message the API gave for one field (by dotted path), for a Field's validationMessage. */
export function fieldError(error: unknown, path: string): string | undefined {
  if (!(error instanceof ApiRequestError)) return undefined;
  return error.fields.find((f) => f.path === path)?.message;
}

/** Messages that belong to no shown field (and the general one), for a message bar. */
export function otherErrors(error: unknown, shown: readonly string[]): string[] {
  if (!error) return [];
  if (!(error instanceof ApiRequestError)) return [String((error as Error).message ?? error)];
  const rest = error.fields.filter((f) => !shown.includes(f.path)).map((f) => f.message);
  return [error.message, ...rest, ...error.reasons.map((r) => r.message)];
}
