import { describe, expect, it } from "vitest";
import { runNode } from "../../../testing/run-node.ts";
import { riskPerTradeSizeNode } from "./definition.ts";

describe("size: risk per trade", () => {
  it("outputs the equity fraction to lose at the stop", () => {
    const size = runNode(riskPerTradeSizeNode, { riskPercent: 0.75 }, {}, { length: 0 }).out.size;
    expect(size.sizingAt(0)).toEqual({ mode: "riskPerTrade", riskPercent: 0.0075 });
  });

  it("refuses risking more than 20% per trade", () => {
    expect(riskPerTradeSizeNode.params.safeParse({ riskPercent: 25 }).success).toBe(false);
  });
});
