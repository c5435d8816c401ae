import type { ThrottlingSettings } from '../config';

/**
 * Per-app resource-unit limits by tenant licence count ("Avoid getting throttled or blocked in SharePoint Online",
 * application limits table, 2025 revision). The first and last bands are the published figures; the middle ones
 * follow the same linear steps (docs/emulator.md).
 */
const BANDS = [
  { upTo: 1000, perMinute: 1250, perDay: 1_200_000 },
  { upTo: 5000, perMinute: 2500, perDay: 2_400_000 },
  { upTo: 15000, perMinute: 3750, perDay: 3_600_000 },
  { upTo: 50000, perMinute: 5000, perDay: 4_800_000 },
  { upTo: Infinity, perMinute: 6250, perDay: 6_000_000 },
] as const;

export function licenseBand(licenses: number): { perMinute: number; perDay: number } {
  const band = BANDS.find((b) => licenses <= b.upTo) ?? BANDS[BANDS.length - 1]!;
  return { perMinute: band.perMinute, perDay: band.perDay };
}

/** Applies a partial update; a new licence count re-derives the per-app figures unless they are given too. */
export function mergeThrottling(
  current: ThrottlingSettings,
  patch: Partial<ThrottlingSettings>,
): ThrottlingSettings {
  const next = { ...current, ...patch };
  if (patch.licenses !== undefined) {
    const band = licenseBand(patch.licenses);
    if (patch.appResourceUnitsPerMinute === undefined) next.appResourceUnitsPerMinute = band.perMinute;
    if (patch.appResourceUnitsPerDay === undefined) next.appResourceUnitsPerDay = band.perDay;
  }
  return next;
}

/** Validates an admin PUT body; returns the error message, or the patch. */
export function parseThrottlingPatch(body: unknown): Partial<ThrottlingSettings> | string {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'Expected a JSON object.';
  const out: Partial<ThrottlingSettings> = {};
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    if (k === 'enabled') {
      if (typeof v !== 'boolean') return `'enabled' must be a boolean.`;
      out.enabled = v;
    } else if (
      k === 'licenses' ||
      k === 'appResourceUnitsPerMinute' ||
      k === 'appResourceUnitsPerDay' ||
      k === 'userRequestsPerFiveMinutes'
    ) {
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) return `'${k}' must be a number >= 0.`;
      out[k] = v;
    } else return `Unknown setting '${k}'.`;
  }
  return out;
}
