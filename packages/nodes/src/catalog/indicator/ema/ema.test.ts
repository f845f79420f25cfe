import { expect, it } from "vitest";
import { runNode } from "../../../testing/run-node.ts";
import { btc, mean } from "../test-data.ts";
import { emaNode } from "./definition.ts";

it("EMA(10) starts at the SMA of the first 10 closes, then moves k = 2/11 toward each close", () => {
  const { out } = runNode(emaNode, { period: 10 }, { source: btc.close });
  expect(out.value[8]).toBeNaN();
  let ema = mean(btc.close, 0, 9);
  expect(out.value[9]).toBeCloseTo(ema, 9);
  for (let i = 10; i < 40; i++) {
    ema += (btc.close[i]! - ema) * (2 / 11);
    expect(out.value[i]).toBeCloseTo(ema, 8);
  }
});
