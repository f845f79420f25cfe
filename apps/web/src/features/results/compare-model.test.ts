import { describe, expect, it } from "vitest";
import { compareMetrics, percentReturn } from "./compare-model.ts";
import type { RunMetrics } from "./result-types.ts";

const metrics = (over: Partial<RunMetrics>): RunMetrics => ({
  initialEquity: 10_000,
  finalEquity: 11_000,
  totalReturn: 0.1,
  buyAndHoldReturn: 0.05,
  maxDrawdown: 0.08,
  sharpe: 1.2,
  sortino: 1.5,
  winRate: 0.5,
  profitFactor: 1.4,
  trades: 20,
  feesPaid: 50,
  ...over,
});

const row = (rows: ReturnType<typeof compareMetrics>, label: string) => rows.find((r) => r.label === label)!;

describe("comparing two runs' metrics", () => {
  it("gives B − A in percentage points for rates and names the better run", () => {
    const rows = compareMetrics(metrics({}), metrics({ totalReturn: 0.04, maxDrawdown: 0.05 }));
    expect(row(rows, "Return")).toEqual({
      label: "Return",
      a: "+10.00%",
      b: "+4.00%",
      difference: "-6.00 pp",
      winner: "a",
    });
    // A smaller drawdown is better.
    expect(row(rows, "Max drawdown")).toMatchObject({ difference: "-3.00 pp", winner: "b" });
    expect(row(rows, "Sharpe")).toMatchObject({ difference: "0.00", winner: null });
  });

  it("lower fees win; trade count has no winner", () => {
    const rows = compareMetrics(metrics({}), metrics({ feesPaid: 80, trades: 30 }));
    expect(row(rows, "Fees paid (USDT)")).toMatchObject({ b: "80.00", difference: "+30.00", winner: "a" });
    expect(row(rows, "Trades")).toMatchObject({ a: "20", b: "30", difference: "+10", winner: null });
  });

  it("shows not known, never a number, when either side lacks the metric", () => {
    const rows = compareMetrics(metrics({ profitFactor: null }), null);
    expect(row(rows, "Profit factor")).toMatchObject({
      a: "not known yet",
      b: "not known yet",
      difference: "not known yet",
      winner: null,
    });
    expect(row(rows, "Return")).toMatchObject({
      a: "+10.00%",
      b: "not known yet",
      difference: "not known yet",
    });
  });
});

describe("equity as percent return", () => {
  it("starts at 0 % and scales by the first point", () => {
    const growth = percentReturn([200, 210, 180]);
    expect(growth).toHaveLength(3);
    for (const [i, expected] of [0, 5, -10].entries()) expect(growth[i]).toBeCloseTo(expected, 9);
    expect(percentReturn([])).toEqual([]);
  });
});
