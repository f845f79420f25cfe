import { expect, it } from "vitest";
import { runNode } from "../../../testing/run-node.ts";
import { btc } from "../test-data.ts";
import { mfiNode } from "./definition.ts";

it("MFI(14): share of up money flow (typical × volume) in the last 14 bars", () => {
  const { out } = runNode(mfiNode, { period: 14 }, { candles: btc });
  const typical = btc.close.map((c, i) => (btc.high[i]! + btc.low[i]! + c) / 3);
  expect(out.value[13]).toBeNaN();
  for (const i of [14, 15, 200, 299]) {
    let up = 0;
    let down = 0;
    for (let j = i - 13; j <= i; j++) {
      const flow = typical[j]! * btc.volume[j]!;
      if (typical[j]! > typical[j - 1]!) up += flow;
      else if (typical[j]! < typical[j - 1]!) down += flow;
    }
    expect(out.value[i]).toBeCloseTo((100 * up) / (up + down), 8);
  }
});
