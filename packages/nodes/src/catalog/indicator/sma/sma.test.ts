import { expect, it } from "vitest";
import { runNode } from "../../../testing/run-node.ts";
import { btc, mean } from "../test-data.ts";
import { smaNode } from "./definition.ts";

it("SMA(20) is the mean of the last 20 real closes, first at bar 19", () => {
  const { out } = runNode(smaNode, { period: 20 }, { source: btc.close });
  expect(out.value[18]).toBeNaN();
  for (const i of [19, 20, 150, 299]) expect(out.value[i]).toBeCloseTo(mean(btc.close, i - 19, i), 8);
});
