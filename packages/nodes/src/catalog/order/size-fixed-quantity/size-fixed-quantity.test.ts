import { describe, expect, it } from "vitest";
import { runNode } from "../../../testing/run-node.ts";
import { fixedQuantitySizeNode } from "./definition.ts";

describe("size: fixed quantity", () => {
  it("sizes every entry with the same quantity", () => {
    const size = runNode(fixedQuantitySizeNode, { quantity: 0.05 }, {}, { length: 0 }).out.size;
    expect(size.sizingAt(0)).toEqual({ mode: "fixedQuantity", quantity: 0.05 });
    expect(size.sizingAt(9999)).toBe(size.sizingAt(0));
  });

  it("rejects a zero quantity", () => {
    expect(fixedQuantitySizeNode.params.safeParse({ quantity: 0 }).success).toBe(false);
  });
});
