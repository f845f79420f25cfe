import { describe, expect, it } from "vitest";
import { runNode } from "../../../testing/run-node.ts";
import { kellySizeNode } from "./definition.ts";

describe("size: capped Kelly", () => {
  it("outputs fraction, cap, minimum trades and fallback (percents as fractions)", () => {
    const size = runNode(
      kellySizeNode,
      { fraction: 0.25, maxPercent: 15, minTrades: 30, fallbackPercent: 2 },
      {},
      { length: 0 },
    ).out.size;
    expect(size.sizingAt(0)).toEqual({
      mode: "kelly",
      fraction: 0.25,
      maxPercent: 0.15,
      minTrades: 30,
      fallbackPercent: 0.02,
    });
  });

  it("defaults to half Kelly capped at 20%", () => {
    expect(runNode(kellySizeNode, {}, {}, { length: 0 }).out.size.sizingAt(0)).toMatchObject({
      fraction: 0.5,
      maxPercent: 0.2,
    });
  });
});
