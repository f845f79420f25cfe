import { describe, expect, it } from "vitest";
import { loadBundledCandles } from "../../../testing/load-candles.ts";
import { gateOf, proposeLong } from "../../../testing/order-harness.ts";
import { flatAccount } from "../../../testing/run-node.ts";
import { minProfitAfterFeesGate } from "./definition.ts";

const btc = loadBundledCandles("binance_BTCUSDT_1h.csv.gz", 1000);
const i = 800;
const price = btc.close[i]!;

describe("fee-aware minimum profit gate", () => {
  const gate = gateOf(minProfitAfterFeesGate, { marginPercent: 0.2 });

  it("refuses a target 0.3% away when fees are 0.1% a side and the margin 0.2%", () => {
    const verdict = gate.check(proposeLong(btc, i, 0.01, { targetPrice: price * 1.003 }), flatAccount(), i);
    expect(verdict.allowed).toBe(false);
    if (!verdict.allowed)
      expect(verdict.reason).toBe("target 0.30% away does not clear fees + margin (0.40%)");
  });

  it("allows a target 0.5% away", () => {
    expect(gate.check(proposeLong(btc, i, 0.01, { targetPrice: price * 1.005 }), flatAccount(), i)).toEqual({
      allowed: true,
    });
  });

  it("uses the order's fee rate: with 0.02% maker-like fees 0.3% clears", () => {
    const order = proposeLong(btc, i, 0.01, { targetPrice: price * 1.003, feeRate: 0.0002 });
    expect(gate.check(order, flatAccount(), i)).toEqual({ allowed: true });
  });

  it("refuses an entry without a take-profit", () => {
    expect(gate.check(proposeLong(btc, i, 0.01), flatAccount(), i).allowed).toBe(false);
  });
});
