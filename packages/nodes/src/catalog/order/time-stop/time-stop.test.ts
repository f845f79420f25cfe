import { describe, expect, it } from "vitest";
import { runNode } from "../../../testing/run-node.ts";
import { timeStopNode } from "./definition.ts";

describe("time stop", () => {
  it("outputs the maximum bars held", () => {
    const source = runNode(timeStopNode, { maxBars: 24 }, {}, { length: 0 }).out.rule;
    expect(source.ruleAt(5)).toEqual({ kind: "timeStop", maxBars: 24 });
  });

  it("accepts whole bars only", () => {
    expect(timeStopNode.params.safeParse({ maxBars: 2.5 }).success).toBe(false);
    expect(timeStopNode.params.safeParse({ maxBars: 0 }).success).toBe(false);
  });
});
