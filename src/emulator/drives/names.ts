import { badRequest } from '../http/errors';

/**
 * File and folder name rules of SharePoint Online / OneDrive for Business ("Restrictions and limitations in
 * OneDrive and SharePoint"): no `" * : < > ? / \ |`, no leading or trailing spaces, not a reserved device name,
 * no `_vti_` anywhere, not starting with `~$`. The service answers 400 invalidRequest; the messages are the
 * ones it gives (see docs/emulator-drives.md).
 */
const ILLEGAL = /["*:<>?/\\|]/;
const RESERVED = new Set([
  '.lock',
  'con',
  'prn',
  'aux',
  'nul',
  ...Array.from({ length: 10 }, (_, i) => `com${i}`),
  ...Array.from({ length: 10 }, (_, i) => `lpt${i}`),
  'desktop.ini',
]);
export const MAX_NAME_LENGTH = 255;

export function validateName(name: unknown): string {
  if (typeof name !== 'string' || name.length === 0)
    throw badRequest('The name of the item is missing.', 'invalidRequest');
  if (ILLEGAL.test(name) || [...name].some((c) => c.charCodeAt(0) < 0x20))
    throw badRequest('The provided name cannot contain any illegal characters.', 'invalidRequest');
  if (name !== name.trim())
    throw badRequest('The provided name cannot contain leading, or trailing, spaces.', 'invalidRequest');
  const lower = name.toLowerCase();
  const stem = lower.includes('.') ? lower.slice(0, lower.indexOf('.')) : lower;
  if (RESERVED.has(lower) || RESERVED.has(stem) || lower.includes('_vti_') || lower.startsWith('~$'))
    throw badRequest(`The provided name is reserved: '${name}'.`, 'invalidRequest');
  if (name.length > MAX_NAME_LENGTH) throw badRequest('The provided name is too long.', 'invalidRequest');
  return name;
}

/** "report.pdf" → "report 1.pdf", "Folder" → "Folder 1": the names the service picks on conflictBehavior=rename. */
export function renamedCandidate(name: string, n: number, isFolder: boolean): string {
  const dot = name.lastIndexOf('.');
  if (isFolder || dot <= 0) return `${name} ${n}`;
  return `${name.slice(0, dot)} ${n}${name.slice(dot)}`;
}

export type ConflictBehavior = 'fail' | 'replace' | 'rename';

export function parseConflictBehavior(value: unknown, fallback: ConflictBehavior): ConflictBehavior {
  if (value === undefined || value === null || value === '') return fallback;
  if (value === 'fail' || value === 'replace' || value === 'rename') return value;
  throw badRequest(
    `Invalid value '${String(value)}' for @microsoft.graph.conflictBehavior.`,
    'invalidRequest',
  );
}

const MIME: Record<string, string> = {
  pdf: 'application/pdf',
  txt: 'text/plain',
  csv: 'text/csv',
  json: 'application/json',
  xml: 'application/xml',
  html: 'text/html',
  htm: 'text/html',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  zip: 'application/zip',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  msg: 'application/vnd.ms-outlook',
  eml: 'message/rfc822',
};

/** SharePoint derives file.mimeType from the extension, not from the upload's Content-Type. */
export function mimeTypeFor(name: string): string {
  const dot = name.lastIndexOf('.');
  return (dot >= 0 && MIME[name.slice(dot + 1).toLowerCase()]) || 'application/octet-stream';
}
