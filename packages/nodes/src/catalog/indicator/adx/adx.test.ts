import { expect, it } from "vitest";
import { runNode } from "../../../testing/run-node.ts";
import { btc } from "../test-data.ts";
import { adxNode } from "./definition.ts";

it("ADX(14): Wilder DM/TR sums, DI from bar 14, ADX = mean of the first 14 DX at bar 27", () => {
  const { out } = runNode(adxNode, { period: 14 }, { candles: btc });
  let plusDM = 0;
  let minusDM = 0;
  let tr = 0;
  const dx: number[] = [];
  for (let i = 1; i <= 27; i++) {
    const up = btc.high[i]! - btc.high[i - 1]!;
    const down = btc.low[i - 1]! - btc.low[i]!;
    const range = Math.max(
      btc.high[i]! - btc.low[i]!,
      Math.abs(btc.high[i]! - btc.close[i - 1]!),
      Math.abs(btc.low[i]! - btc.close[i - 1]!),
    );
    const p = up > down && up > 0 ? up : 0;
    const m = down > up && down > 0 ? down : 0;
    if (i < 14) {
      plusDM += p;
      minusDM += m;
      tr += range;
      continue;
    }
    plusDM = plusDM - plusDM / 14 + p;
    minusDM = minusDM - minusDM / 14 + m;
    tr = tr - tr / 14 + range;
    const plusDI = (100 * plusDM) / tr;
    const minusDI = (100 * minusDM) / tr;
    expect(out.plusDI[i]).toBeCloseTo(plusDI, 8);
    expect(out.minusDI[i]).toBeCloseTo(minusDI, 8);
    dx.push((100 * Math.abs(plusDI - minusDI)) / (plusDI + minusDI));
  }
  expect(out.plusDI[13]).toBeNaN();
  expect(out.adx[26]).toBeNaN();
  expect(out.adx[27]).toBeCloseTo(dx.reduce((a, b) => a + b, 0) / 14, 8);
});
