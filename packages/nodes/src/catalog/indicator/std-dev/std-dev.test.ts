import { expect, it } from "vitest";
import { runNode } from "../../../testing/run-node.ts";
import { btc, mean } from "../test-data.ts";
import { stdDevNode } from "./definition.ts";

it("standard deviation(20) equals the two-pass population formula on real closes", () => {
  const { out } = runNode(stdDevNode, { period: 20, multiplier: 1 }, { source: btc.close });
  expect(out.value[18]).toBeNaN();
  for (let i = 19; i < 300; i++) {
    const m = mean(btc.close, i - 19, i);
    let squares = 0;
    for (let j = i - 19; j <= i; j++) squares += (btc.close[j]! - m) ** 2;
    expect(out.value[i]! / Math.sqrt(squares / 20)).toBeCloseTo(1, 9);
  }
});
