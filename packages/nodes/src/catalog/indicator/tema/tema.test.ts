import { expect, it } from "vitest";
import { runNode } from "../../../testing/run-node.ts";
import { emaNode } from "../ema/definition.ts";
import { btc } from "../test-data.ts";
import { temaNode } from "./definition.ts";

it("TEMA(10) = 3·EMA1 − 3·EMA2 + EMA3, first at bar 27", () => {
  const { out } = runNode(temaNode, { period: 10 }, { source: btc.close });
  const e1 = runNode(emaNode, { period: 10 }, { source: btc.close }).out.value;
  const e2 = runNode(emaNode, { period: 10 }, { source: e1 }).out.value;
  const e3 = runNode(emaNode, { period: 10 }, { source: e2 }).out.value;
  expect(out.value[26]).toBeNaN();
  for (let i = 27; i < 300; i++) expect(out.value[i]).toBeCloseTo(3 * e1[i]! - 3 * e2[i]! + e3[i]!, 7);
});
