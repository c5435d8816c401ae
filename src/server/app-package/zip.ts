import { unzipSync, zipSync } from 'fflate';

/**
 * The package is a flat zip: Teams reads `manifest.json` and the files it names from the root, not from a folder.
 * A fixed timestamp makes the same sources give the same bytes, so two builds can be compared.
 */
const FIXED_MTIME = new Date('2020-01-01T00:00:00Z');

export function zipAppPackage(files: Record<string, Uint8Array>): Uint8Array {
  const entries = Object.fromEntries(
    Object.keys(files)
      .sort()
      .map((name) => [name, files[name]!] as const),
  );
  return zipSync(entries, { level: 9, mtime: FIXED_MTIME });
}

export function unzipAppPackage(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}
