import { describe, expect, it } from "vitest";
import { loadBundledCandles } from "../../../testing/load-candles.ts";
import { runNode, sliceCandles } from "../../../testing/run-node.ts";
import { arithmeticNode } from "./definition.ts";

const c = sliceCandles(loadBundledCandles("binance_ADAUSDT_1h.csv.gz"), 20_000, 20_300);

describe("arithmetic", () => {
  it("computes each operation per bar on two real series", () => {
    const cases = {
      add: (a: number, b: number) => a + b,
      subtract: (a: number, b: number) => a - b,
      multiply: (a: number, b: number) => a * b,
      divide: (a: number, b: number) => a / b,
      min: Math.min,
      max: Math.max,
      absDifference: (a: number, b: number) => Math.abs(a - b),
    } as const;
    for (const [operation, f] of Object.entries(cases)) {
      const out = runNode(arithmeticNode, { operation }, { a: c.close, b: c.open }).out.value;
      for (let i = 0; i < 300; i++) expect(out[i], operation).toBe(f(c.close[i]!, c.open[i]!));
    }
  });

  it("uses the fixed value when B is not connected", () => {
    const out = runNode(arithmeticNode, { operation: "multiply", value: 1.02 }, { a: c.close }).out.value;
    expect(out[10]).toBe(c.close[10]! * 1.02);
  });

  it("gives not-ready on division by zero and propagates not-ready inputs", () => {
    expect(runNode(arithmeticNode, { operation: "divide", value: 0 }, { a: c.close }).out.value[0]).toBeNaN();
    const gap = c.close.slice();
    gap[5] = Number.NaN;
    expect(runNode(arithmeticNode, { operation: "max" }, { a: gap, b: c.open }).out.value[5]).toBeNaN();
  });
});
