import { expect, it } from "vitest";
import { runNode } from "../../../testing/run-node.ts";
import { btc } from "../test-data.ts";
import { rsiNode } from "./definition.ts";

it("RSI(14): plain average gain/loss of the first 14 changes, then Wilder smoothing", () => {
  const { out } = runNode(rsiNode, { period: 14 }, { source: btc.close });
  let gain = 0;
  let loss = 0;
  for (let i = 1; i <= 14; i++) {
    const change = btc.close[i]! - btc.close[i - 1]!;
    if (change > 0) gain += change;
    else loss -= change;
  }
  gain /= 14;
  loss /= 14;
  expect(out.value[13]).toBeNaN();
  expect(out.value[14]).toBeCloseTo((100 * gain) / (gain + loss), 9);
  for (let i = 15; i < 60; i++) {
    const change = btc.close[i]! - btc.close[i - 1]!;
    gain = (gain * 13 + Math.max(change, 0)) / 14;
    loss = (loss * 13 + Math.max(-change, 0)) / 14;
    expect(out.value[i]).toBeCloseTo((100 * gain) / (gain + loss), 8);
  }
});
