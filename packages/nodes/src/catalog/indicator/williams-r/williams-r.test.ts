import { expect, it } from "vitest";
import { runNode } from "../../../testing/run-node.ts";
import { btc } from "../test-data.ts";
import { williamsRNode } from "./definition.ts";

it("Williams %R(14) = −100 × (highest high − close) / (highest high − lowest low)", () => {
  const { out } = runNode(williamsRNode, { period: 14 }, { candles: btc });
  expect(out.value[12]).toBeNaN();
  for (const i of [13, 14, 299]) {
    const high = Math.max(...btc.high.subarray(i - 13, i + 1));
    const low = Math.min(...btc.low.subarray(i - 13, i + 1));
    expect(out.value[i]).toBeCloseTo((-100 * (high - btc.close[i]!)) / (high - low), 9);
  }
});
