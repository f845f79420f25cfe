import { describe, expect, it } from "vitest";
import {
  barIndexAt,
  drawdownOf,
  lineData,
  placeIndicator,
  tradeMarkers,
  visibleMarkers,
} from "./chart-model.ts";
import { NOT_KNOWN, pct, ratio, signedPct, utc } from "./format.ts";
import { metricCards } from "./MetricCards.tsx";
import type { CandleSeries, TradeRow } from "./result-types.ts";
import { NO_FILTER, tradeRows } from "./trade-table-model.ts";

const HOUR = 3_600_000;
const trade = (over: Partial<TradeRow>): TradeRow => ({
  symbol: "BTC/USDT",
  side: "long",
  entryTime: 0,
  entryPrice: 100,
  exitTime: HOUR,
  exitPrice: 110,
  quantity: 1,
  fees: 0.2,
  pnl: 9.8,
  returnPct: 0.098,
  rMultiple: null,
  exitReason: "signal",
  barsHeld: 1,
  ambiguous: false,
  entryNodeId: "long_1",
  ...over,
});

describe("chart model", () => {
  it("finds the bar at or before a time", () => {
    const time = [0, HOUR, 2 * HOUR, 5 * HOUR];
    expect(barIndexAt(time, -1)).toBe(-1);
    expect(barIndexAt(time, 0)).toBe(0);
    expect(barIndexAt(time, 2 * HOUR)).toBe(2);
    expect(barIndexAt(time, 4 * HOUR)).toBe(2);
    expect(barIndexAt(time, 9 * HOUR)).toBe(3);
    expect(barIndexAt([], 0)).toBe(-1);
  });

  it("puts entry and exit markers on the fill bars, in time order", () => {
    const markers = tradeMarkers([
      trade({ entryTime: 5 * HOUR, exitTime: 7 * HOUR, pnl: -3, returnPct: -0.03, exitReason: "stopLoss" }),
      trade({ side: "short", entryTime: HOUR, exitTime: 2 * HOUR }),
    ]);
    expect(markers.map((m) => m.time)).toEqual([3600, 7200, 18000, 25200]);
    expect(markers[0]).toMatchObject({ shape: "arrowDown", position: "aboveBar", text: "Short" });
    expect(markers[3]).toMatchObject({ text: "stopLoss -3.0%" });
  });

  it("labels markers only when asked, but always singles out the selected trade", () => {
    const markers = tradeMarkers([
      trade({ entryTime: HOUR, exitTime: 2 * HOUR }),
      trade({ entryTime: 3 * HOUR, exitTime: 4 * HOUR }),
    ]);
    const zoomedOut = visibleMarkers(markers, false, 1);
    expect(zoomedOut.map((m) => m.text)).toEqual([undefined, undefined, "Buy", markers[3]!.text]);
    expect(zoomedOut.filter((m) => m.size === 2).map((m) => m.id)).toEqual(["entry-1", "exit-1"]);
    expect(visibleMarkers(markers, true, null)).toEqual(markers);
  });

  it("overlays price-like indicators and gives oscillators their own pane", () => {
    const candles: CandleSeries = {
      time: [0, 1, 2],
      open: [100, 101, 102],
      high: [105, 106, 107],
      low: [95, 96, 97],
      close: [101, 102, 103],
      volume: [1, 1, 1],
    };
    expect(placeIndicator([Number.NaN, 100, 101], candles)).toBe("price");
    expect(placeIndicator([30, 55, 70], candles)).toBe("pane");
    expect(placeIndicator([Number.NaN, Number.NaN, Number.NaN], candles)).toBe("pane");
  });

  it("measures drawdown from the running peak and turns NaN into gaps", () => {
    expect(drawdownOf([100, 120, 90, 130])).toEqual([0, 0, -0.25, 0]);
    expect(lineData([0, 1000], [Number.NaN, 5])).toEqual([{ time: 0 }, { time: 1, value: 5 }]);
  });
});

describe("trade table", () => {
  const trades = [
    trade({ pnl: 5, returnPct: 0.05, entryTime: 3 }),
    trade({ side: "short", pnl: -2, returnPct: -0.02, entryTime: 1, exitReason: "stopLoss", rMultiple: -1 }),
    trade({ pnl: 1, returnPct: 0.01, entryTime: 2, rMultiple: 0.5 }),
  ];

  it("sorts by a column either way, keeping original indices", () => {
    const byPnl = tradeRows(trades, NO_FILTER, { key: "pnl", descending: true });
    expect(byPnl.map((r) => r.index)).toEqual([0, 2, 1]);
    const byEntry = tradeRows(trades, NO_FILTER, { key: "entryTime", descending: false });
    expect(byEntry.map((r) => r.index)).toEqual([1, 2, 0]);
    const byR = tradeRows(trades, NO_FILTER, { key: "rMultiple", descending: true });
    expect(byR.map((r) => r.index)).toEqual([2, 1, 0]);
  });

  it("filters by side, outcome and exit reason", () => {
    const sort = { key: "entryTime" as const, descending: false };
    expect(tradeRows(trades, { ...NO_FILTER, side: "short" }, sort).map((r) => r.index)).toEqual([1]);
    expect(tradeRows(trades, { ...NO_FILTER, outcome: "winners" }, sort).map((r) => r.index)).toEqual([2, 0]);
    expect(tradeRows(trades, { ...NO_FILTER, exitReason: "signal" }, sort).map((r) => r.index)).toEqual([
      2, 0,
    ]);
  });
});

describe("metric formatting", () => {
  it("shows unknown values as not known, never as zero", () => {
    expect(pct(null)).toBe(NOT_KNOWN);
    expect(ratio(Number.NaN)).toBe(NOT_KNOWN);
    expect(signedPct(0.1234)).toBe("+12.34%");
    expect(utc(Date.UTC(2024, 0, 2, 3, 4))).toBe("2024-01-02 03:04");
    expect(metricCards(null).every((c) => c.value === NOT_KNOWN)).toBe(true);
    const cards = metricCards({
      initialEquity: 10_000,
      finalEquity: 11_000,
      totalReturn: 0.1,
      buyAndHoldReturn: 0.25,
      maxDrawdown: 0.08,
      sharpe: null,
      sortino: 1.5,
      winRate: 0.5,
      profitFactor: null,
      trades: 4,
      feesPaid: 12.5,
    });
    const value = (label: string) => cards.find((c) => c.label === label)?.value;
    expect(value("vs buy & hold")).toBe("-15.00%");
    expect(value("Sharpe")).toBe(NOT_KNOWN);
    expect(value("Profit factor")).toBe(NOT_KNOWN);
    expect(value("Fees paid (USDT)")).toBe("12.50");
  });
});
