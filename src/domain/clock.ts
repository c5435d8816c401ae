/** The domain never reads the time itself: callers pass a clock (the real one, or a test's). */
export interface Clock {
  now(): Date;
}

export const fixedClock = (iso: string): Clock => {
  const at = new Date(iso);
  return { now: () => new Date(at.getTime()) };
};
