import { expect, it } from "vitest";
import { runNode } from "../../../testing/run-node.ts";
import { btc } from "../test-data.ts";
import { ichimokuNode } from "./definition.ts";

const midpoint = (from: number, to: number) =>
  (Math.max(...btc.high.subarray(from, to + 1)) + Math.min(...btc.low.subarray(from, to + 1))) / 2;

it("outputs each line as known at the bar; the cloud under bar i is the senkou of bar i − 26", () => {
  const { out } = runNode(ichimokuNode, {}, { candles: btc });
  for (const i of [51, 100, 299]) {
    const tenkan = midpoint(i - 8, i);
    const kijun = midpoint(i - 25, i);
    expect(out.tenkan[i]).toBe(tenkan);
    expect(out.kijun[i]).toBe(kijun);
    expect(out.senkouA[i]).toBe((tenkan + kijun) / 2);
    expect(out.senkouB[i]).toBe(midpoint(i - 51, i));
    expect(out.chikou[i]).toBe(btc.close[i]);
  }
  for (const i of [77, 150, 299]) {
    expect(out.cloudA[i]).toBe(out.senkouA[i - 26]);
    expect(out.cloudB[i]).toBe(out.senkouB[i - 26]);
  }
  expect(out.tenkan[7]).toBeNaN();
  expect(out.cloudB[76]).toBeNaN();
});
