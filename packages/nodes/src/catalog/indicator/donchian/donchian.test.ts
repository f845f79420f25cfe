import { expect, it } from "vitest";
import { runNode } from "../../../testing/run-node.ts";
import { btc } from "../test-data.ts";
import { donchianNode } from "./definition.ts";

it("Donchian(20): highest high, lowest low and their midpoint over the last 20 bars", () => {
  const { out } = runNode(donchianNode, { period: 20 }, { candles: btc });
  expect(out.upper[18]).toBeNaN();
  for (let i = 19; i < 300; i++) {
    const upper = Math.max(...btc.high.subarray(i - 19, i + 1));
    const lower = Math.min(...btc.low.subarray(i - 19, i + 1));
    expect(out.upper[i]).toBe(upper);
    expect(out.lower[i]).toBe(lower);
    expect(out.middle[i]).toBe((upper + lower) / 2);
  }
});
