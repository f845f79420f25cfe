/** UTC calendar days, for session-anchored indicators (VWAP, pivot points). */
export const DAY_MS = 86_400_000;

/** Day number (days since 1970-01-01 UTC) of a candle open time. */
export function utcDay(time: number): number {
  return Math.floor(time / DAY_MS);
}

/** True when the candle opens exactly at 00:00 UTC, i.e. its day is seen from the start. */
export function opensDay(time: number): boolean {
  return time % DAY_MS === 0;
}
