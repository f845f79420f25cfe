import { expect, it } from "vitest";
import { runNode } from "../../../testing/run-node.ts";
import { btc, mean } from "../test-data.ts";
import { bollingerNode } from "./definition.ts";

it("Bollinger(20, 2): SMA ± 2 population standard deviations (two-pass), with %B and width", () => {
  const { out } = runNode(bollingerNode, { period: 20, deviations: 2 }, { source: btc.close });
  expect(out.middle[18]).toBeNaN();
  for (const i of [19, 77, 299]) {
    const m = mean(btc.close, i - 19, i);
    let squares = 0;
    for (let j = i - 19; j <= i; j++) squares += (btc.close[j]! - m) ** 2;
    const sd = Math.sqrt(squares / 20);
    expect(out.middle[i]).toBeCloseTo(m, 8);
    expect(out.upper[i]! / (m + 2 * sd)).toBeCloseTo(1, 9);
    expect(out.lower[i]! / (m - 2 * sd)).toBeCloseTo(1, 9);
    expect(out.percentB[i]).toBeCloseTo((btc.close[i]! - (m - 2 * sd)) / (4 * sd), 6);
    expect(out.width[i]).toBeCloseTo((4 * sd) / m, 9);
  }
});
