import { expect, it } from "vitest";
import { runNode } from "../../../testing/run-node.ts";
import { emaNode } from "../ema/definition.ts";
import { btc } from "../test-data.ts";
import { demaNode } from "./definition.ts";

it("DEMA(10) = 2 × EMA − EMA of that EMA, first at bar 18", () => {
  const { out } = runNode(demaNode, { period: 10 }, { source: btc.close });
  const e1 = runNode(emaNode, { period: 10 }, { source: btc.close }).out.value;
  const e2 = runNode(emaNode, { period: 10 }, { source: e1 }).out.value;
  expect(out.value[17]).toBeNaN();
  for (let i = 18; i < 300; i++) expect(out.value[i]).toBeCloseTo(2 * e1[i]! - e2[i]!, 8);
});
