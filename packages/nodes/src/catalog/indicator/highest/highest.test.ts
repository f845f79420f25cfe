import { expect, it } from "vitest";
import { runNode } from "../../../testing/run-node.ts";
import { btc } from "../test-data.ts";
import { highestNode } from "./definition.ts";

it("highest over 24 bars is the max of the last 24 real highs, current bar included", () => {
  const { out } = runNode(highestNode, { period: 24 }, { source: btc.high });
  expect(out.value[22]).toBeNaN();
  for (let i = 23; i < 300; i++) expect(out.value[i]).toBe(Math.max(...btc.high.subarray(i - 23, i + 1)));
});
