/**
 * A sliding-window sum kept in fixed buckets (a ring), so adding and reading cost O(1) amortised whatever the
 * request rate: SharePoint's limits are "in any 60-second window", not per calendar minute.
 */
export class SlidingCounter {
  private readonly ring: Float64Array;
  private total = 0;
  private last: number | undefined;

  constructor(
    private readonly bucketMs: number,
    private readonly buckets: number,
  ) {
    this.ring = new Float64Array(buckets);
  }

  get windowMs(): number {
    return this.bucketMs * this.buckets;
  }

  private advance(nowMs: number): number {
    const idx = Math.floor(nowMs / this.bucketMs);
    if (this.last === undefined || idx < this.last) {
      // First use, or the emulator's clock was moved back: old counts no longer mean anything.
      this.ring.fill(0);
      this.total = 0;
      this.last = idx;
      return idx;
    }
    const steps = Math.min(idx - this.last, this.buckets);
    for (let i = 1; i <= steps; i++) {
      const slot = (this.last + i) % this.buckets;
      this.total -= this.ring[slot]!;
      this.ring[slot] = 0;
    }
    this.last = idx;
    return idx;
  }

  add(nowMs: number, amount: number): void {
    const idx = this.advance(nowMs);
    this.ring[idx % this.buckets]! += amount;
    this.total += amount;
  }

  sum(nowMs: number): number {
    this.advance(nowMs);
    return this.total;
  }

  /** Milliseconds until the window's sum drops to `target` or below, as old buckets slide out. */
  msUntilAtMost(nowMs: number, target: number): number {
    const idx = this.advance(nowMs);
    let remaining = this.total;
    if (remaining <= target) return 0;
    for (let age = this.buckets - 1; age >= 0; age--) {
      const bucketIdx = idx - age;
      remaining -= this.ring[((bucketIdx % this.buckets) + this.buckets) % this.buckets]!;
      if (remaining <= target) return (bucketIdx + this.buckets) * this.bucketMs - nowMs;
    }
    return this.windowMs;
  }
}
