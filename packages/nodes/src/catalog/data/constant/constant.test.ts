import { describe, expect, it } from "vitest";
import { runNode } from "../../../testing/run-node.ts";
import { constantNode } from "./definition.ts";

describe("constant", () => {
  it("repeats its value on every bar", () => {
    const out = runNode(constantNode, { value: 70 }, {}, { length: 50 }).out.value;
    expect(out.every((v) => v === 70)).toBe(true);
  });

  it("rejects a value that is not a finite number", () => {
    expect(constantNode.params.safeParse({ value: Number.POSITIVE_INFINITY }).success).toBe(false);
    expect(constantNode.params.safeParse({ value: "70" }).success).toBe(false);
  });
});
