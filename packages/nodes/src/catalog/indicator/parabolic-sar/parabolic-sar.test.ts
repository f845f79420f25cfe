import { expect, it } from "vitest";
import { runNode } from "../../../testing/run-node.ts";
import { btc } from "../test-data.ts";
import { parabolicSarNode } from "./definition.ts";

it("starts from bar 0's extreme and never sits inside the bar it trails, except on a reversal", () => {
  const { out } = runNode(parabolicSarNode, {}, { candles: btc });
  expect(out.value[0]).toBeNaN();
  // The first side comes from bar 1's directional movement: short if the low fell more than the high rose.
  const down = btc.low[0]! - btc.low[1]!;
  const up = btc.high[1]! - btc.high[0]!;
  const startsShort = down > 0 && up < down;
  expect(startsShort).toBe(true); // 1 Jan 2018, 01:00 UTC
  expect(out.isLong[1]).toBe(0);
  expect(out.value[1]).toBe(Math.max(btc.high[0]!, btc.high[1]!));
  let reversals = 0;
  for (let i = 2; i < 300; i++) {
    const flipped = out.isLong[i] !== out.isLong[i - 1];
    if (flipped) reversals++;
    else if (out.isLong[i] === 1)
      expect(out.value[i]!).toBeLessThanOrEqual(Math.min(btc.low[i - 1]!, btc.low[i]!) + 1e-9);
    else expect(out.value[i]!).toBeGreaterThanOrEqual(Math.max(btc.high[i - 1]!, btc.high[i]!) - 1e-9);
  }
  expect(reversals).toBeGreaterThan(5);
});
