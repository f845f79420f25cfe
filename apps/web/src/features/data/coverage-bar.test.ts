import { describe, expect, it } from "vitest";
import { completeness, gapSegments } from "./coverage-bar.ts";

const HOUR = 3_600_000;

describe("coverage bar", () => {
  it("places the 2018-02-08 33-hour outage at its share of a 2018 series", () => {
    const first = Date.UTC(2018, 0, 1);
    const last = Date.UTC(2018, 11, 31, 23);
    const after = Date.UTC(2018, 1, 8);
    const [gap] = gapSegments(first, last, [{ after, resumesAt: after + 34 * HOUR, missing: 33 }]);
    expect(gap!.leftPct).toBeCloseTo(((after - first) / (last - first)) * 100, 10);
    expect(gap!.widthPct).toBeCloseTo(((34 * HOUR) / (last - first)) * 100, 10);
    expect(gap!.title).toBe("33 candles missing after 2018-02-08 00:00 UTC");
  });

  it("keeps a one-candle gap visible and inside the bar", () => {
    const [gap] = gapSegments(0, 1000 * HOUR, [
      { after: 999 * HOUR - HOUR, resumesAt: 999 * HOUR + HOUR, missing: 1 },
    ]);
    expect(gap!.widthPct).toBeGreaterThanOrEqual(0.2);
    expect(gap!.leftPct + gap!.widthPct).toBeLessThanOrEqual(100);
    expect(gap!.title).toMatch(/^1 candle missing/);
  });

  it("reports completeness from stored and missing candles", () => {
    expect(completeness(72_834, 33)).toBeCloseTo(72_834 / 72_867, 12);
    expect(completeness(0, 0)).toBe(0);
    expect(gapSegments(5, 5, [])).toEqual([]);
  });
});
