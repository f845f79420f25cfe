import { describe, expect, it } from "vitest";
import { loadBundledCandles } from "../../../testing/load-candles.ts";
import { gateOf, proposeLong } from "../../../testing/order-harness.ts";
import { flatAccount } from "../../../testing/run-node.ts";
import { maxExposureGate } from "./definition.ts";

const btc = loadBundledCandles("binance_BTCUSDT_1h.csv.gz", 1000);
const i = 900;
const price = btc.close[i]!;

describe("max open positions / exposure gate", () => {
  const gate = gateOf(maxExposureGate, { maxOpenPositions: 2, maxExposurePercent: 50 });

  it("refuses a new position when two are already open elsewhere", () => {
    expect(
      gate.check(proposeLong(btc, i, 0.01), flatAccount({ openPositions: 2, exposure: 0.3 }), i),
    ).toEqual({
      allowed: false,
      reason: "2 positions already open (limit 2)",
    });
  });

  it("caps the quantity to the exposure left (50% − 30% = 20% of equity)", () => {
    const verdict = gate.check(proposeLong(btc, i, 1), flatAccount({ openPositions: 1, exposure: 0.3 }), i);
    expect(verdict).toEqual({ allowed: true, maxQuantity: (0.2 * 10_000) / price });
  });

  it("refuses when exposure is already at the limit", () => {
    expect(
      gate.check(proposeLong(btc, i, 0.01), flatAccount({ openPositions: 1, exposure: 0.5 }), i),
    ).toEqual({
      allowed: false,
      reason: "exposure 50.00% is at the 50% limit",
    });
  });
});
