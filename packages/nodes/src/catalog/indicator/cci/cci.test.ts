import { expect, it } from "vitest";
import { runNode } from "../../../testing/run-node.ts";
import { btc } from "../test-data.ts";
import { cciNode } from "./definition.ts";

it("CCI(20) = (typical − mean) / (0.015 × mean absolute deviation)", () => {
  const { out } = runNode(cciNode, { period: 20 }, { candles: btc });
  const typical = btc.close.map((c, i) => (btc.high[i]! + btc.low[i]! + c) / 3);
  expect(out.value[18]).toBeNaN();
  for (const i of [19, 120, 299]) {
    const window = Array.from(typical.subarray(i - 19, i + 1));
    const m = window.reduce((a, b) => a + b, 0) / 20;
    const deviation = window.reduce((a, b) => a + Math.abs(b - m), 0) / 20;
    expect(out.value[i]).toBeCloseTo((typical[i]! - m) / (0.015 * deviation), 7);
  }
});
