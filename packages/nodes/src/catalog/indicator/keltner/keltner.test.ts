import { expect, it } from "vitest";
import { runNode } from "../../../testing/run-node.ts";
import { atrNode } from "../atr/definition.ts";
import { emaNode } from "../ema/definition.ts";
import { btc } from "../test-data.ts";
import { keltnerNode } from "./definition.ts";

it("Keltner(20, ATR 10, ×2) = EMA(close) ± 2 × ATR, first when both are ready", () => {
  const { out } = runNode(keltnerNode, { period: 20, atrPeriod: 10, multiplier: 2 }, { candles: btc });
  const ema = runNode(emaNode, { period: 20 }, { source: btc.close }).out.value;
  const atr = runNode(atrNode, { period: 10 }, { candles: btc }).out.value;
  expect(out.middle[18]).toBeNaN();
  for (let i = 19; i < 300; i++) {
    expect(out.middle[i]).toBe(ema[i]);
    expect(out.upper[i]).toBeCloseTo(ema[i]! + 2 * atr[i]!, 8);
    expect(out.lower[i]).toBeCloseTo(ema[i]! - 2 * atr[i]!, 8);
  }
});
