import { describe, expect, it } from "vitest";
import { equityColumns, timeframeName } from "./from-run-result.ts";

describe("run result adapter", () => {
  it("reads equity stored as columns (runner) or as points (engine JSON)", () => {
    const columns = { time: [1, 2], equity: [100, 101], drawdown: [0, 0] };
    expect(equityColumns(columns)).toEqual({ time: [1, 2], value: [100, 101] });
    const points = [
      { time: 1, equity: 100, drawdown: 0 },
      { time: 2, equity: 101, drawdown: 0 },
    ];
    expect(equityColumns(points)).toEqual({ time: [1, 2], value: [100, 101] });
  });
  it("names timeframes", () => {
    expect(timeframeName(3_600_000)).toBe("1h");
    expect(timeframeName(120_000)).toBe("2m");
  });
});
