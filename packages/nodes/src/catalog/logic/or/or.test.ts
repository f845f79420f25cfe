import { describe, expect, it } from "vitest";
import { loadBundledCandles } from "../../../testing/load-candles.ts";
import { runNode, sliceCandles } from "../../../testing/run-node.ts";
import { orNode } from "./definition.ts";

const c = sliceCandles(loadBundledCandles("binance_BTCUSDT_1h.csv.gz"), 65_000, 65_500);
const green = c.close.map((x, i) => (x > c.open[i]! ? 1 : 0));
const busy = c.volume.map((v, i) => (i === 0 ? Number.NaN : v > c.volume[i - 1]! ? 1 : 0));

describe("or", () => {
  it("is true when any condition is true, not ready while any is not ready", () => {
    const out = runNode(orNode, {}, { conditions: [green, busy] }).out.result;
    expect(out[0]).toBeNaN();
    for (let i = 1; i < 500; i++) expect(out[i]).toBe(green[i] === 1 || busy[i] === 1 ? 1 : 0);
  });
});
