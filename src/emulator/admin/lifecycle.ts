import type { EmulatorContext } from '../context';

/**
 * Start-up and data hooks, published on ctx.ports.lifecycle. Modules that keep anything in memory derived from
 * their tables register `onDataReplaced`, which runs after a reset or a snapshot restore swapped the data.
 */
export interface LifecyclePort {
  /** Run once, after every module has registered (in registration order). */
  afterStart: (() => void | Promise<void>)[];
  onDataReplaced: (() => void)[];
}

export function lifecycle(ctx: EmulatorContext): LifecyclePort {
  ctx.ports.lifecycle ??= { afterStart: [], onDataReplaced: [] } satisfies LifecyclePort;
  return ctx.ports.lifecycle as LifecyclePort;
}

/** The emulator's clock offset (tests and the local clock control move time forward), on ctx.ports.clock. */
export interface ClockPort {
  offsetMs(): number;
  setOffsetMs(ms: number): void;
  /** Re-reads the persisted offset (after a snapshot restore). */
  reload(): void;
}

export const clockPort = (ctx: EmulatorContext): ClockPort => ctx.ports.clock as ClockPort;
