import { expect, it } from "vitest";
import { runNode } from "../../../testing/run-node.ts";
import { btc } from "../test-data.ts";
import { atrNode } from "./definition.ts";

const trueRange = (i: number) =>
  Math.max(
    btc.high[i]! - btc.low[i]!,
    Math.abs(btc.high[i]! - btc.close[i - 1]!),
    Math.abs(btc.low[i]! - btc.close[i - 1]!),
  );

it("ATR(14): mean of the true ranges of bars 1..14, then Wilder smoothing", () => {
  const { out } = runNode(atrNode, { period: 14 }, { candles: btc });
  let atr = 0;
  for (let i = 1; i <= 14; i++) atr += trueRange(i);
  atr /= 14;
  expect(out.value[13]).toBeNaN();
  expect(out.value[14]).toBeCloseTo(atr, 9);
  for (let i = 15; i < 100; i++) {
    atr = (atr * 13 + trueRange(i)) / 14;
    expect(out.value[i]).toBeCloseTo(atr, 8);
  }
});
