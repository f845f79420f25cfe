import { describe, expect, it } from "vitest";
import { loadBundledCandles } from "../../../testing/load-candles.ts";
import { runNode, sliceCandles } from "../../../testing/run-node.ts";
import { notNode } from "./definition.ts";

const c = sliceCandles(loadBundledCandles("binance_BTCUSDT_1h.csv.gz"), 65_000, 65_300);
const rising = c.close.map((x, i) => (i === 0 ? Number.NaN : x > c.close[i - 1]! ? 1 : 0));

describe("not", () => {
  it("inverts true/false and keeps not-ready", () => {
    const out = runNode(notNode, {}, { condition: rising }).out.result;
    expect(out[0]).toBeNaN();
    for (let i = 1; i < 300; i++) expect(out[i]).toBe(1 - rising[i]!);
  });
});
