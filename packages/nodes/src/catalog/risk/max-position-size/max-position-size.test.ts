import { describe, expect, it } from "vitest";
import { loadBundledCandles } from "../../../testing/load-candles.ts";
import { gateOf, proposeLong } from "../../../testing/order-harness.ts";
import { flatAccount } from "../../../testing/run-node.ts";
import { maxPositionSizeGate } from "./definition.ts";

const btc = loadBundledCandles("binance_BTCUSDT_1h.csv.gz", 50_000);
const i = 40_000;
const price = btc.close[i]!;

describe("max position size gate", () => {
  const gate = gateOf(maxPositionSizeGate, { maxPercent: 25 });

  it("lets an entry under 25% of equity through unchanged", () => {
    const quantity = 2000 / price; // 20% of 10,000
    expect(gate.check(proposeLong(btc, i, quantity), flatAccount(), i)).toEqual({ allowed: true });
  });

  it("caps a larger entry to exactly 25% of equity at the signal close", () => {
    const verdict = gate.check(proposeLong(btc, i, 10_000 / price), flatAccount(), i);
    expect(verdict).toEqual({ allowed: true, maxQuantity: 2500 / price });
  });

  it("follows current equity, not the initial equity", () => {
    const verdict = gate.check(proposeLong(btc, i, 10_000 / price), flatAccount({ equity: 8000 }), i);
    expect(verdict).toEqual({ allowed: true, maxQuantity: 2000 / price });
  });
});
