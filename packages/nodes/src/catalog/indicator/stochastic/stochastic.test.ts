import { expect, it } from "vitest";
import { runNode } from "../../../testing/run-node.ts";
import { btc, mean } from "../test-data.ts";
import { stochasticNode } from "./definition.ts";

it("slow stochastic (14, 3, 3): fast %K from the 14-bar range, smoothed twice by 3-bar means", () => {
  const { out } = runNode(stochasticNode, { kPeriod: 14, kSmoothing: 3, dPeriod: 3 }, { candles: btc });
  const fastK = new Float64Array(300).fill(Number.NaN);
  for (let i = 13; i < 300; i++) {
    const high = Math.max(...btc.high.subarray(i - 13, i + 1));
    const low = Math.min(...btc.low.subarray(i - 13, i + 1));
    fastK[i] = (100 * (btc.close[i]! - low)) / (high - low);
  }
  const slowK = fastK.map((_, i) => (i >= 15 ? mean(fastK, i - 2, i) : Number.NaN));
  expect(out.k[16]).toBeNaN();
  for (let i = 17; i < 300; i++) {
    expect(out.k[i]).toBeCloseTo(slowK[i]!, 8);
    expect(out.d[i]).toBeCloseTo(mean(slowK, i - 2, i), 8);
    expect(out.k[i]).toBeGreaterThanOrEqual(0);
    expect(out.k[i]).toBeLessThanOrEqual(100);
  }
});
