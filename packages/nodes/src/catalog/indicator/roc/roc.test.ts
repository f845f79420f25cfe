import { expect, it } from "vitest";
import { runNode } from "../../../testing/run-node.ts";
import { btc } from "../test-data.ts";
import { rocNode } from "./definition.ts";

it("ROC(10) is the percent change from the close 10 bars ago", () => {
  const { out } = runNode(rocNode, { period: 10 }, { source: btc.close });
  expect(out.value[9]).toBeNaN();
  for (const i of [10, 11, 299])
    expect(out.value[i]).toBeCloseTo((btc.close[i]! / btc.close[i - 10]! - 1) * 100, 9);
});
