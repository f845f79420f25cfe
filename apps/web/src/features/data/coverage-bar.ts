/** One missing stretch of a series drawn on its coverage bar, as percentages of the bar's width. */
export interface GapSegment {
  leftPct: number;
  widthPct: number;
  title: string;
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace("T", " ");

/**
 * Places each gap (after = last candle before it, resumesAt = first candle after it) on a bar spanning
 * first → last open time. Tiny gaps get a minimum width so a one-candle outage stays visible.
 */
export function gapSegments(
  first: number,
  last: number,
  gaps: { after: number; resumesAt: number; missing: number }[],
  minWidthPct = 0.3,
): GapSegment[] {
  const span = last - first;
  if (span <= 0) return [];
  return gaps.map((g) => {
    const leftPct = ((g.after - first) / span) * 100;
    const widthPct = Math.max(minWidthPct, ((g.resumesAt - g.after) / span) * 100);
    return {
      leftPct,
      widthPct: Math.min(widthPct, 100 - leftPct),
      title: `${g.missing} candle${g.missing === 1 ? "" : "s"} missing after ${iso(g.after)} UTC`,
    };
  });
}

/** Share of the expected candles between first and last that are stored. */
export function completeness(rows: number, missing: number): number {
  const expected = rows + missing;
  return expected === 0 ? 0 : rows / expected;
}

export function formatDay(ms: number | null): string {
  return ms === null ? "–" : new Date(ms).toISOString().slice(0, 10);
}
