import { describe, expect, it } from "vitest";
import { runNode } from "../../../testing/run-node.ts";
import { allInSizeNode } from "./definition.ts";

describe("size: all in", () => {
  it("uses fractional units by default (crypto) and whole units on request", () => {
    expect(runNode(allInSizeNode, {}, {}, { length: 0 }).out.size.sizingAt(0)).toEqual({
      mode: "allIn",
      wholeUnits: false,
    });
    expect(runNode(allInSizeNode, { wholeUnits: true }, {}, { length: 0 }).out.size.sizingAt(0)).toEqual({
      mode: "allIn",
      wholeUnits: true,
    });
  });
});
