import { describe, expect, it } from "vitest";
import { loadBundledCandles } from "../../../testing/load-candles.ts";
import { gateOf, proposeLong } from "../../../testing/order-harness.ts";
import { flatAccount } from "../../../testing/run-node.ts";
import { maxTradesPerDayGate } from "./definition.ts";

const btc = loadBundledCandles("binance_BTCUSDT_1h.csv.gz", 1000);
const order = proposeLong(btc, 300, 0.01);

describe("max trades per day gate", () => {
  const gate = gateOf(maxTradesPerDayGate, { maxTrades: 2 });

  it("allows the first two entries of the day", () => {
    expect(gate.check(order, flatAccount({ entriesToday: 0 }), 300)).toEqual({ allowed: true });
    expect(gate.check(order, flatAccount({ entriesToday: 1 }), 300)).toEqual({ allowed: true });
  });

  it("refuses the third", () => {
    expect(gate.check(order, flatAccount({ entriesToday: 2 }), 300)).toEqual({
      allowed: false,
      reason: "2 entries today already (limit 2)",
    });
  });
});
