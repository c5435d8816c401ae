export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  /** The goal as a comparison, e.g. "<= 200" or ">= 2000". */
  goal?: string;
}

/** Percentile of already collected samples (nearest-rank). */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? NaN;
}

export const round = (n: number, digits = 2): number => Number(n.toFixed(digits));
