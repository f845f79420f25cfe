import { describe, expect, it } from "vitest";
import { loadBundledCandles } from "../../../testing/load-candles.ts";
import { gateOf, proposeLong } from "../../../testing/order-harness.ts";
import { flatAccount } from "../../../testing/run-node.ts";
import { cooldownGate } from "./definition.ts";

const btc = loadBundledCandles("binance_BTCUSDT_1h.csv.gz", 1000);
const i = 600;
const order = proposeLong(btc, i, 0.01);

describe("cooldown gate", () => {
  const gate = gateOf(cooldownGate, { bars: 6 }, {}, { timeframeMs: 3_600_000 });

  it("allows entries when nothing has been exited yet", () => {
    expect(gate.check(order, flatAccount(), i)).toEqual({ allowed: true });
  });

  it("refuses an entry 5 bars after the last exit and allows it after 6", () => {
    expect(gate.check(order, flatAccount({ lastExitTime: btc.time[i - 5]! }), i)).toEqual({
      allowed: false,
      reason: "last exit was 5 bars ago (cooldown 6 bars)",
    });
    expect(gate.check(order, flatAccount({ lastExitTime: btc.time[i - 6]! }), i)).toEqual({ allowed: true });
  });
});
