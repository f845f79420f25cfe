import { expect, it } from "vitest";
import { runNode } from "../../../testing/run-node.ts";
import { btc } from "../test-data.ts";
import { lowestNode } from "./definition.ts";

it("lowest over 24 bars is the min of the last 24 real lows, current bar included", () => {
  const { out } = runNode(lowestNode, { period: 24 }, { source: btc.low });
  expect(out.value[22]).toBeNaN();
  for (let i = 23; i < 300; i++) expect(out.value[i]).toBe(Math.min(...btc.low.subarray(i - 23, i + 1)));
});
