import { expect, it } from "vitest";
import { runNode } from "../../../testing/run-node.ts";
import { btc, mean } from "../test-data.ts";
import { relativeVolumeNode } from "./definition.ts";

it("relative volume(20) = this bar's volume / mean volume of the 20 bars before it", () => {
  const { out } = runNode(relativeVolumeNode, { period: 20 }, { candles: btc });
  expect(out.value[19]).toBeNaN();
  for (let i = 20; i < 300; i++)
    expect(out.value[i]).toBeCloseTo(btc.volume[i]! / mean(btc.volume, i - 20, i - 1), 9);
});
