import { describe, expect, it } from "vitest";
import { loadBundledCandles } from "../../../testing/load-candles.ts";
import { runNode, sliceCandles } from "../../../testing/run-node.ts";
import { compareNode } from "./definition.ts";

const c = sliceCandles(loadBundledCandles("binance_BTCUSDT_1h.csv.gz"), 70_000, 70_500);

describe("compare", () => {
  it("compares two real series per bar with each operator", () => {
    const ops = {
      ">": (a: number, b: number) => a > b,
      ">=": (a: number, b: number) => a >= b,
      "<": (a: number, b: number) => a < b,
      "<=": (a: number, b: number) => a <= b,
      "==": (a: number, b: number) => a === b,
      "!=": (a: number, b: number) => a !== b,
    };
    for (const [operator, f] of Object.entries(ops)) {
      const out = runNode(compareNode, { operator }, { a: c.close, b: c.open }).out.result;
      for (let i = 0; i < 500; i++) expect(out[i], operator).toBe(f(c.close[i]!, c.open[i]!) ? 1 : 0);
    }
  });

  it("compares with a fixed level when B is not connected, and is not ready on NaN", () => {
    const level = c.close[250]!;
    const out = runNode(compareNode, { operator: ">=", value: level }, { a: c.close }).out.result;
    expect(out[250]).toBe(1);
    const gap = c.close.slice();
    gap[3] = Number.NaN;
    expect(runNode(compareNode, {}, { a: gap, b: c.open }).out.result[3]).toBeNaN();
  });
});
