import { expect, it } from "vitest";
import { runNode } from "../../../testing/run-node.ts";
import { btc, mean } from "../test-data.ts";
import { zScoreNode } from "./definition.ts";

it("z-score(20) = (close − mean) / population std dev of the last 20 closes", () => {
  const { out } = runNode(zScoreNode, { period: 20 }, { source: btc.close });
  expect(out.value[18]).toBeNaN();
  for (let i = 19; i < 300; i++) {
    const m = mean(btc.close, i - 19, i);
    let squares = 0;
    for (let j = i - 19; j <= i; j++) squares += (btc.close[j]! - m) ** 2;
    expect(out.value[i]).toBeCloseTo((btc.close[i]! - m) / Math.sqrt(squares / 20), 7);
  }
});

it("reads 0 on a flat window instead of dividing by zero", () => {
  const flat = new Float64Array(30).fill(btc.close[0]!);
  const { out } = runNode(zScoreNode, { period: 20 }, { source: flat });
  expect(out.value[25]).toBe(0);
});
