import { describe, expect, it } from "vitest";
import { runNode } from "../../../testing/run-node.ts";
import { percentEquitySizeNode } from "./definition.ts";

describe("size: % of equity", () => {
  it("turns the percent into a fraction of equity", () => {
    const size = runNode(percentEquitySizeNode, { percent: 12.5 }, {}, { length: 0 }).out.size;
    expect(size.sizingAt(3)).toEqual({ mode: "percentEquity", percent: 0.125 });
  });

  it("refuses more than 100%", () => {
    expect(percentEquitySizeNode.params.safeParse({ percent: 150 }).success).toBe(false);
  });
});
