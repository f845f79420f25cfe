import { describe, expect, it } from "vitest";
import { loadBundledCandles } from "../../../testing/load-candles.ts";
import { gateOf, proposeLong } from "../../../testing/order-harness.ts";
import { flatAccount } from "../../../testing/run-node.ts";
import { dailyLossLimitGate } from "./definition.ts";

const btc = loadBundledCandles("binance_BTCUSDT_1h.csv.gz", 1000);
const order = proposeLong(btc, 500, 0.01);

describe("daily loss limit gate", () => {
  const gate = gateOf(dailyLossLimitGate, { maxDailyLossPercent: 3 });

  it("allows entries while today's loss is under 3%", () => {
    expect(gate.check(order, flatAccount({ dayStartEquity: 10_000, equity: 9750 }), 500)).toEqual({
      allowed: true,
    });
  });

  it("refuses entries once today's loss reaches 3%", () => {
    const verdict = gate.check(order, flatAccount({ dayStartEquity: 10_000, equity: 9700 }), 500);
    expect(verdict).toEqual({ allowed: false, reason: "today's loss 3.00% reached the 3% daily limit" });
  });

  it("measures from the day's start, so earlier losses do not count", () => {
    expect(
      gate.check(order, flatAccount({ initialEquity: 20_000, dayStartEquity: 9000, equity: 8900 }), 500),
    ).toEqual({
      allowed: true,
    });
  });
});
