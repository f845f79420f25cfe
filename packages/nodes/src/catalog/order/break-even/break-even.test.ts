import { describe, expect, it } from "vitest";
import { runNode } from "../../../testing/run-node.ts";
import { breakEvenNode } from "./definition.ts";

describe("break-even stop", () => {
  it("outputs the trigger and offset as fractions, the same frozen rule on every bar", () => {
    const source = runNode(breakEvenNode, { triggerPercent: 1.5, offsetPercent: 0.25 }, {}, { length: 0 }).out
      .rule;
    const rule = source.ruleAt(0);
    expect(rule).toEqual({ kind: "breakEven", triggerPercent: 0.015, offsetPercent: 0.0025 });
    expect(source.ruleAt(1000)).toBe(rule);
    expect(Object.isFrozen(rule)).toBe(true);
  });

  it("rejects a negative offset", () => {
    expect(breakEvenNode.params.safeParse({ offsetPercent: -1 }).success).toBe(false);
  });
});
