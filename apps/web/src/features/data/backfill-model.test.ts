import type { BackfillView } from "@tradegraph/contracts";
import { describe, expect, it } from "vitest";
import {
  defaultBackfillValues,
  describeBackfill,
  outcomeLine,
  progressLabel,
  progressPercent,
  refusalMessage,
  toBackfillInput,
} from "./backfill-model.ts";

const view = (over: Partial<BackfillView>): BackfillView => ({
  jobId: "backfill-1",
  exchange: "binanceus",
  symbol: "ETH/USD",
  timeframe: "1h",
  from: Date.UTC(2024, 0, 1),
  to: Date.UTC(2024, 1, 1),
  state: "running",
  fetched: 0,
  expected: 0,
  stored: null,
  error: null,
  createdAt: 0,
  finishedAt: null,
  ...over,
});

describe("backfill form → input", () => {
  it("sends UTC midnights with the To day included, symbol upper-cased", () => {
    const input = toBackfillInput({
      exchange: "kraken",
      symbol: " btc/usd ",
      timeframe: "4h",
      from: "2024-01-01",
      to: "2024-01-31",
    });
    expect(input).toEqual({
      exchange: "kraken",
      symbol: "BTC/USD",
      timeframe: "4h",
      from: Date.UTC(2024, 0, 1),
      to: Date.UTC(2024, 1, 1),
    });
  });
  it("names the field that is wrong", () => {
    const ok = defaultBackfillValues(Date.UTC(2025, 5, 15, 13));
    expect(() => toBackfillInput({ ...ok, symbol: "BTCUSDT" })).toThrow(/^Symbol: /);
    expect(() => toBackfillInput({ ...ok, from: "01/02/2024" })).toThrow(/^From: /);
    expect(() => toBackfillInput({ ...ok, from: "2025-06-02", to: "2025-06-01" })).toThrow(/on or before To/);
  });
  it("defaults to the last 30 full UTC days", () => {
    expect(defaultBackfillValues(Date.UTC(2025, 5, 15, 13))).toMatchObject({
      from: "2025-05-16",
      to: "2025-06-14",
    });
  });
});

describe("backfill progress", () => {
  it("fills the bar by candles stored of expected, full once done", () => {
    expect(progressPercent(view({ fetched: 1000, expected: 2500 }))).toBe(40);
    expect(progressPercent(view({ fetched: 0, expected: 0 }))).toBe(0);
    expect(progressPercent(view({ state: "succeeded", fetched: 700, expected: 744 }))).toBe(100);
  });
  it("labels fetched / expected candles, and the steps before the total is known", () => {
    expect(progressLabel(view({ fetched: 12_000, expected: 43_200 }))).toBe("12,000 / 43,200 candles");
    expect(progressLabel(view({ state: "queued" }))).toBe("waiting for a runner");
    expect(progressLabel(view({ expected: 0 }))).toBe("asking the exchange…");
  });
  it("says how many candles the exchange did not have, and shows the runner's error", () => {
    expect(outcomeLine(view({ state: "succeeded", fetched: 740, expected: 744, stored: 740 }))).toBe(
      "740 new candles stored, 740 of 744 in range (4 the exchange does not have)",
    );
    expect(outcomeLine(view({ state: "failed", error: "kraken has no market FOO/BAR" }))).toBe(
      "kraken has no market FOO/BAR",
    );
  });
  it("describes the series with the exchange's name and an inclusive end day", () => {
    expect(describeBackfill(view({}))).toBe("ETH/USD 1h · Binance US · 2024-01-01 → 2024-01-31");
  });
});

describe("server refusals", () => {
  it("shows each field's message under the form's label, else the server's sentence", () => {
    expect(
      refusalMessage({
        message: "Some inputs are not valid: to: That range holds 2,859,840 1m candles.",
        fieldErrors: { to: ["That range holds 2,859,840 1m candles."] },
      }),
    ).toBe("To: That range holds 2,859,840 1m candles.");
    expect(refusalMessage({ message: "The start date is in the future.", fieldErrors: {} })).toBe(
      "The start date is in the future.",
    );
  });
});
