import { expect, it } from "vitest";
import { runNode } from "../../../testing/run-node.ts";
import { btc } from "../test-data.ts";
import { wmaNode } from "./definition.ts";

it("WMA(5) weighs the newest close 5 and the oldest 1, over 15", () => {
  const { out } = runNode(wmaNode, { period: 5 }, { source: btc.close });
  expect(out.value[3]).toBeNaN();
  for (const i of [4, 5, 100, 299]) {
    let weighted = 0;
    for (let w = 1; w <= 5; w++) weighted += w * btc.close[i - 5 + w]!;
    expect(out.value[i]).toBeCloseTo(weighted / 15, 8);
  }
});
