/** Candle time for messages: ISO minute in UTC, e.g. 2025-05-20T00:00Z. */
export function formatTime(time: number): string {
  if (!Number.isFinite(time)) return String(time);
  const iso = new Date(time).toISOString();
  return iso.endsWith(":00.000Z") ? `${iso.slice(0, 16)}Z` : iso;
}
