import { describe, expect, it } from "vitest";
import { loadBundledCandles } from "../../../testing/load-candles.ts";
import { gateOf, proposeLong } from "../../../testing/order-harness.ts";
import { flatAccount } from "../../../testing/run-node.ts";
import { tradingHoursGate } from "./definition.ts";

const btc = loadBundledCandles("binance_BTCUSDT_1h.csv.gz", 2000);
const HOUR = 3_600_000;

describe("allowed trading hours gate", () => {
  const gate = gateOf(
    tradingHoursGate,
    { weekdays: ["mon", "tue", "wed", "thu", "fri"], startHour: 13, endHour: 21 },
    {},
    { timeframeMs: HOUR },
  );

  it("allows exactly the weekday orders sent between 13:00 and 20:59 UTC (order sent at the bar's close)", () => {
    let allowed = 0;
    for (let i = 0; i < 2000; i++) {
      const sentAt = new Date(btc.time[i]! + HOUR);
      const expected =
        sentAt.getUTCDay() >= 1 &&
        sentAt.getUTCDay() <= 5 &&
        sentAt.getUTCHours() >= 13 &&
        sentAt.getUTCHours() < 21;
      const verdict = gate.check(proposeLong(btc, i, 0.01), flatAccount(), i);
      expect(verdict.allowed, sentAt.toISOString()).toBe(expected);
      if (expected) allowed++;
    }
    expect(allowed).toBeGreaterThan(400);
  });
});
