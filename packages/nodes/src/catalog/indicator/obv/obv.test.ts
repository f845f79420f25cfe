import { expect, it } from "vitest";
import { runNode } from "../../../testing/run-node.ts";
import { btc } from "../test-data.ts";
import { obvNode } from "./definition.ts";

it("OBV starts at the first bar's volume and adds/subtracts volume as the close rises/falls", () => {
  const { out } = runNode(obvNode, {}, { candles: btc });
  let obv = btc.volume[0]!;
  expect(out.value[0]).toBe(obv);
  for (let i = 1; i < 300; i++) {
    const move = Math.sign(btc.close[i]! - btc.close[i - 1]!);
    obv += move * btc.volume[i]!;
    expect(out.value[i]).toBeCloseTo(obv, 6);
  }
});
