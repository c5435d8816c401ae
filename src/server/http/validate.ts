import type { Request } from 'express';
import type { z } from 'zod';
import { validate } from '../../domain/validation';
import { invalidInput } from './api-error';

/** Validates a request body with a domain schema, answering 400 with field errors in the caller's language. */
export function bodyOf<S extends z.ZodType>(req: Request, schema: S): z.output<S> {
  const r = validate(schema, req.body, req.locale);
  if (!r.ok) throw invalidInput(r.errors);
  return r.value;
}

/** The ETag the client read, from If-Match; writes without it are refused (no silent last-writer-wins). */
export function ifMatchOf(req: Request): string {
  const v = req.header('if-match');
  if (!v) throw invalidInput([{ path: 'If-Match', message: REQUIRED_IF_MATCH[req.locale] }]);
  return v;
}

const REQUIRED_IF_MATCH = {
  nl: 'De versie die u bewerkte ontbreekt (If-Match). Laad de pagina opnieuw.',
  fr: 'La version modifiée manque (If-Match). Rechargez la page.',
  de: 'Die bearbeitete Version fehlt (If-Match). Laden Sie die Seite neu.',
  en: 'The version you edited is missing (If-Match). Reload the page.',
} as const;
