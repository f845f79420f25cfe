// @vitest-environment node
import { describe, expect, it } from "vitest";
import { loadRealCandles } from "../testing/real-candles.ts";
import { smaCrossStrategy } from "../testing/sample-graphs.ts";
import { evaluateNodeValues } from "./node-values.ts";
import { validateGraph } from "./validate-graph.ts";

const HOUR = 3_600_000;

describe("node values for charts and the debugger", () => {
  const candles = loadRealCandles("binance_BTCUSDT_1h.csv.gz", 500);
  const doc = smaCrossStrategy(20);

  it("the sample strategy compiles cleanly", () => {
    expect(validateGraph(doc)).toEqual([]);
  });

  it("computes each node's column on real candles, equal to the textbook formula", () => {
    const values = evaluateNodeValues(doc, candles, "BTC/USDT", HOUR, 10_000);
    const sma = values.columns.find((c) => c.nodeId === "sma_1");
    expect(sma?.kind).toBe("number");
    expect(sma?.values.length).toBe(500);
    expect(Number.isNaN(sma!.values[18]!)).toBe(true);
    let sum = 0;
    for (let i = 81; i <= 100; i++) sum += candles.close[i]!;
    expect(sma!.values[100]).toBeCloseTo(sum / 20, 8);
    const crossed = values.columns.find((c) => c.nodeId === "crossOver_1");
    expect(crossed?.kind).toBe("boolean");
  });

  it("valuesAt(i) gives every node's value at one bar, matching the columns", () => {
    const values = evaluateNodeValues(doc, candles, "BTC/USDT", HOUR, 10_000);
    const at = values.valuesAt(250);
    const sma = values.columns.find((c) => c.nodeId === "sma_1")!;
    expect(at["sma_1"]?.["value"]).toBe(sma.values[250]);
    expect(at["price_1"]?.["value"]).toBe(candles.close[250]);
  });

  it("refuses a graph that does not compile, naming the node", () => {
    const broken = smaCrossStrategy(0);
    expect(() => evaluateNodeValues(broken, candles, "BTC/USDT", HOUR, 10_000)).toThrow(/sma_1/);
  });
});
