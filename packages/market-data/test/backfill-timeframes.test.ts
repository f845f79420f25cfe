import { BACKFILL_TIMEFRAME_MS } from "@tradegraph/contracts";
import { describe, expect, it } from "vitest";
import { TIMEFRAME_MS } from "../src/timeframes.ts";

describe("backfill form timeframes", () => {
  it("the contracts' backfill timeframes are exactly the store's, with the same lengths", () => {
    expect(BACKFILL_TIMEFRAME_MS).toEqual(TIMEFRAME_MS);
  });
});
