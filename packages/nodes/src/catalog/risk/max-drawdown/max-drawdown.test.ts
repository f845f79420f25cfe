import { describe, expect, it } from "vitest";
import { loadBundledCandles } from "../../../testing/load-candles.ts";
import { gateOf, proposeLong } from "../../../testing/order-harness.ts";
import { flatAccount } from "../../../testing/run-node.ts";
import { maxDrawdownGate } from "./definition.ts";

const btc = loadBundledCandles("binance_BTCUSDT_1h.csv.gz", 1000);
const order = proposeLong(btc, 700, 0.01);

describe("max drawdown gate", () => {
  const gate = gateOf(maxDrawdownGate, { maxDrawdownPercent: 20 });

  it("allows entries while equity is less than 20% below its peak", () => {
    expect(gate.check(order, flatAccount({ peakEquity: 12_000, equity: 9700 }), 700)).toEqual({
      allowed: true,
    });
  });

  it("refuses entries at 20% below the peak", () => {
    expect(gate.check(order, flatAccount({ peakEquity: 12_500, equity: 10_000 }), 700)).toEqual({
      allowed: false,
      reason: "drawdown 20.00% reached the 20% limit",
    });
  });
});
