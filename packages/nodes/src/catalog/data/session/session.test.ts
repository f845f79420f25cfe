import { describe, expect, it } from "vitest";
import { loadBundledCandles } from "../../../testing/load-candles.ts";
import { runNode, sliceCandles } from "../../../testing/run-node.ts";
import { sessionNode } from "./definition.ts";

const c = sliceCandles(loadBundledCandles("binance_BTCUSDT_1h.csv.gz"), 50_000, 51_000);

describe("session / day filter", () => {
  it("is true for weekday bars opening 13:00–20:59 UTC", () => {
    const out = runNode(
      sessionNode,
      { weekdays: ["mon", "tue", "wed", "thu", "fri"], startHour: 13, endHour: 21 },
      { candles: c },
    ).out.active;
    for (let i = 0; i < 1000; i++) {
      const d = new Date(c.time[i]!);
      const expected =
        d.getUTCDay() >= 1 && d.getUTCDay() <= 5 && d.getUTCHours() >= 13 && d.getUTCHours() < 21;
      expect(out[i], d.toISOString()).toBe(expected ? 1 : 0);
    }
  });

  it("wraps past midnight when the end is before the start (22:00–02:00)", () => {
    const out = runNode(sessionNode, { startHour: 22, endHour: 2 }, { candles: c }).out.active;
    for (let i = 0; i < 1000; i++) {
      const h = new Date(c.time[i]!).getUTCHours();
      expect(out[i]).toBe(h >= 22 || h < 2 ? 1 : 0);
    }
  });

  it("can select weekends only", () => {
    const out = runNode(sessionNode, { weekdays: ["sat", "sun"] }, { candles: c }).out.active;
    const weekendBars = out.reduce((n, v) => n + v, 0);
    expect(weekendBars).toBeGreaterThan(250);
    expect(weekendBars).toBeLessThan(320);
  });
});
