import { expect, it } from "vitest";
import { runNode } from "../../../testing/run-node.ts";
import { rsiNode } from "../rsi/definition.ts";
import { btc, mean } from "../test-data.ts";
import { stochRsiNode } from "./definition.ts";

it("Stochastic RSI places the RSI in its 14-bar range; %D is the 3-bar mean of %K", () => {
  const { out } = runNode(stochRsiNode, { rsiPeriod: 14, kPeriod: 14, dPeriod: 3 }, { source: btc.close });
  const rsi = runNode(rsiNode, { period: 14 }, { source: btc.close }).out.value;
  const k = new Float64Array(300).fill(Number.NaN);
  for (let i = 27; i < 300; i++) {
    const window = rsi.subarray(i - 13, i + 1);
    const high = Math.max(...window);
    const low = Math.min(...window);
    k[i] = high === low ? 0 : (100 * (rsi[i]! - low)) / (high - low);
  }
  expect(out.k[28]).toBeNaN();
  for (let i = 29; i < 300; i++) {
    expect(out.k[i]).toBeCloseTo(k[i]!, 8);
    expect(out.d[i]).toBeCloseTo(mean(k, i - 2, i), 8);
  }
});
