/** The example graphs in examples/ compile and run on bundled real candles through the plan evaluator. */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GraphCompileError } from "../src/plan-strategy.ts";
import { runBacktest } from "../src/run-backtest.ts";
import { slice } from "./helpers.ts";

const examplesDir = new URL("../../../examples/", import.meta.url);
const readExample = (file: string): unknown => JSON.parse(readFileSync(new URL(file, examplesDir), "utf8"));
// 2021-2022 BTC/USDT hourly: a bull top and a bear market, 12,000 bars.
const candles = { "BTC/USDT": slice("binance_BTCUSDT_1h.csv.gz", 26_000, 38_000) };

describe("examples", () => {
  const files = readdirSync(examplesDir).filter((f) => f.endsWith(".json"));

  it("has the five strategies traders asked for", () => {
    expect(files.sort()).toEqual([
      "atr-trailing-stop.json",
      "bollinger-bounce.json",
      "ema-trend-confirmed.json",
      "rsi-mean-reversion.json",
      "sma-crossover.json",
    ]);
  });

  for (const file of files) {
    it(`${file} compiles and trades on BTC/USDT 1h`, () => {
      const result = runBacktest({ graph: readExample(file), candles });
      expect(result.metrics.trades).toBeGreaterThan(0);
      expect(result.metrics.feesPaid).toBeGreaterThan(0);
      for (const trade of result.trades) expect(trade.entryTime).toBeLessThanOrEqual(trade.exitTime);
      expect(Number.isFinite(result.metrics.finalEquity)).toBe(true);
    });
  }

  it("runs the SMA 20/50 crossover exactly like a hand-written loop over the same closes", () => {
    const result = runBacktest({
      graph: readExample("sma-crossover.json"),
      candles,
      settings: { closeAtEnd: false },
    });
    const { close, open, time } = candles["BTC/USDT"];
    const sma = (period: number, i: number) => {
      let sum = 0;
      for (let k = i - period + 1; k <= i; k++) sum += close[k]!;
      return sum / period;
    };
    // Cross over: fast > slow now and fast <= slow on the previous bar. Fill at the next bar's open.
    const entries: number[] = [];
    const exits: number[] = [];
    let long = false;
    for (let i = 50; i < close.length - 1; i++) {
      const fast = sma(20, i) - sma(50, i);
      const before = sma(20, i - 1) - sma(50, i - 1);
      if (!long && fast > 0 && before <= 0) {
        entries.push(time[i + 1]!);
        long = true;
      } else if (long && fast < 0 && before >= 0) {
        exits.push(time[i + 1]!);
        long = false;
      }
    }
    expect(entries.length).toBeGreaterThan(50);
    expect(result.trades.map((t) => t.entryTime)).toEqual(entries.slice(0, exits.length));
    expect(result.trades.map((t) => t.exitTime)).toEqual(exits);
    const first = result.trades[0]!;
    expect(first.entryPrice).toBe(open[time.indexOf(first.entryTime)]);
  });

  it("reports every compile problem of a broken graph by node and port", () => {
    const graph = readExample("sma-crossover.json") as { edges: { to: { node: string } }[] };
    graph.edges = graph.edges.filter((edge) => edge.to.node !== "buy");
    expect(() => runBacktest({ graph, candles })).toThrow(GraphCompileError);
    expect(() => runBacktest({ graph, candles })).toThrow(/buy\.when/);
  });
});
