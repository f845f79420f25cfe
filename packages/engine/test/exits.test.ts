/** Protective exits on real candles, expected prices worked out by hand from the bundled data. */
import { describe, expect, it } from "vitest";
import { runBacktest } from "../src/run-backtest.ts";
import { windowColumns } from "../src/timeline.ts";
import { bundled, scripted, slice } from "./helpers.ts";

const BTC = "binance_BTCUSDT_1h.csv.gz";
const half = { mode: "fixedQuantity", quantity: 0.5 } as const;

describe("stop and target inside one bar", () => {
  // BTC/USDT 1h 2025-07-16T15:00Z (index 65965): open 119056.81, high 119794.8, low 118328.48.
  // Signal at the 14:00 bar; entry at 119056.81; stop −0.5% = 118461.52595, target +0.5% = 119652.09405.
  const hourly = slice(BTC, 65960, 65970);
  // 0.1 BTC at ~119k needs more than the default 10,000 cash.
  const rich = { initialCash: 20_000 };
  const entry = scripted({
    4: [
      {
        action: "enterLong",
        sizing: { mode: "fixedQuantity", quantity: 0.1 },
        exits: [
          { kind: "stopLoss", percent: 0.005 },
          { kind: "takeProfit", percent: 0.005 },
        ],
      },
    ],
  });

  it("assumes the stop (worse) filled, counts the ambiguous bar and reports the optimistic result", () => {
    const result = runBacktest({ candles: { "BTC/USDT": hourly }, createStrategy: entry, settings: rich });
    const trade = result.trades[0]!;
    expect(trade.entryPrice).toBe(119056.81);
    expect(trade.exitReason).toBe("stopLoss");
    expect(trade.exitPrice).toBeCloseTo(118461.52595, 6);
    expect(trade.ambiguous).toBe(true);
    // 0.1 × (118461.52595 − 119056.81) − 0.0001 × (119056.81 + 118461.52595) = −59.528405 − 23.751833595
    expect(trade.pnl).toBeCloseTo(-83.280238595, 6);
    // had the target filled: 0.1 × 595.28405 − 0.0001 × (119056.81 + 119652.09405) = 59.528405 − 23.870890405
    expect(trade.optimisticPnl).toBeCloseTo(35.657514595, 6);
    expect(trade.rMultiple).toBeCloseTo(-83.280238595 / 59.528405, 9);
    expect(result.metrics.ambiguousBars).toBe(1);
    expect(result.metrics.optimisticTotalReturn - result.metrics.totalReturn).toBeCloseTo(
      (35.657514595 + 83.280238595) / 20_000,
      9,
    );
  });

  it("resolves the path with 1-minute candles: the target traded first (15:05Z)", () => {
    const minutes = windowColumns(
      bundled("binance_BTCUSDT_1m.csv.gz"),
      hourly.time[0]!,
      hourly.time[9]! + 3_600_000,
    );
    const result = runBacktest({
      candles: { "BTC/USDT": hourly },
      finerCandles: { "BTC/USDT": minutes },
      createStrategy: entry,
      settings: rich,
    });
    const trade = result.trades[0]!;
    expect(trade.exitReason).toBe("takeProfit");
    expect(trade.exitPrice).toBeCloseTo(119652.09405, 6);
    expect(trade.ambiguous).toBe(false);
    expect(trade.pnl).toBeCloseTo(35.657514595, 6);
    expect(result.metrics.ambiguousBars).toBe(0);
  });
});

describe("gaps", () => {
  // BNB/USDT 1h around the 2018-01-04 04:00Z outage (indices 74..76):
  //   74 close 9.225 | 75 open 9.2335 low 9.2335 close 9.2335 | (05:00 missing) | 76 open 9.2015
  it("fills a stop jumped by a gap at the gap's open, not at the stop price", () => {
    const candles = { "BNB/USDT": slice("binance_BNBUSDT_1h.csv.gz", 70, 80) };
    const result = runBacktest({
      candles,
      createStrategy: scripted({
        4: [
          {
            action: "enterLong",
            sizing: { mode: "fixedQuantity", quantity: 100 },
            exits: [{ kind: "stopLoss", distance: 0.01 }],
          },
        ],
      }),
    });
    const trade = result.trades[0]!;
    expect(trade.entryPrice).toBe(9.2335); // stop at 9.2235, above bar 75's low
    expect(trade.exitPrice).toBe(9.2015); // bar 76 opened below the stop
    expect(trade.exitReason).toBe("stopLoss");
    // 100 × (9.2015 − 9.2335) − 0.1 × (9.2335 + 9.2015) = −3.2 − 1.8435
    expect(trade.pnl).toBeCloseTo(-5.0435, 9);
    expect(trade.rMultiple).toBeCloseTo(-5.0435, 6); // risk 100 × 0.01 = 1
  });
});

describe("trailing, break-even and time stops", () => {
  const candles = { "BTC/USDT": slice(BTC, 0, 12) };

  it("trails 1% below the highest high and exits when the next bar opens under it", () => {
    // Entry at bar 4's open 13434.98 (stop 13300.6302, bar 4's low 13322.15 holds). Bar 4 high 13623.29 →
    // stop 13487.0571; bar 5 high 13699 → stop 13562.01; bar 6 opens at 13539, under it → exit at 13539.
    const source = {
      nodeId: "trail",
      ruleAt: () => ({ kind: "trailingStop" as const, percent: 0.01, source }),
    };
    const result = runBacktest({
      candles,
      createStrategy: scripted({
        3: [{ action: "enterLong", sizing: half, exits: [{ kind: "trailingStop", percent: 0.01, source }] }],
      }),
    });
    const trade = result.trades[0]!;
    expect(trade.exitReason).toBe("trailingStop");
    expect(trade.exitTime).toBe(candles["BTC/USDT"].time[6]);
    expect(trade.exitPrice).toBe(13539);
    // 0.5 × (13539 − 13434.98) − 0.0005 × (13434.98 + 13539) = 52.01 − 13.48699
    expect(trade.pnl).toBeCloseTo(38.52301, 9);
  });

  it("closes at the next open once the time stop's bars are held", () => {
    const result = runBacktest({
      candles,
      createStrategy: scripted({
        0: [{ action: "enterLong", sizing: half, exits: [{ kind: "timeStop", maxBars: 3 }] }],
      }),
    });
    const trade = result.trades[0]!;
    // held bars 1, 2, 3 → exit at bar 4's open
    expect(trade.exitReason).toBe("timeStop");
    expect(trade.exitPrice).toBe(13434.98);
    expect(trade.barsHeld).toBe(3);
    expect(trade.pnl).toBeCloseTo(-60.486985, 9);
  });

  it("moves the stop to entry + offset after the trigger and exits there", () => {
    // Entry at bar 4's open 13434.98; bar 4's high 13623.29 is +1.40% → stop to 13434.98 × 1.001 = 13448.41498.
    // Bars 5..7 lows 13526.5, 13510, 13555.02 hold; bar 8's low 13400 reaches it.
    const result = runBacktest({
      candles,
      createStrategy: scripted({
        3: [
          {
            action: "enterLong",
            sizing: half,
            exits: [{ kind: "breakEven", triggerPercent: 0.01, offsetPercent: 0.001 }],
          },
        ],
      }),
    });
    const trade = result.trades[0]!;
    expect(trade.exitReason).toBe("breakEven");
    expect(trade.exitTime).toBe(candles["BTC/USDT"].time[8]);
    expect(trade.exitPrice).toBeCloseTo(13448.41498, 9);
    // 0.5 × 13.43498 − 0.0005 × (13434.98 + 13448.41498) = 6.71749 − 13.44169749
    expect(trade.pnl).toBeCloseTo(-6.72420749, 9);
  });
});

describe("positions", () => {
  const candles = { "BTC/USDT": slice(BTC, 0, 10) };

  it("stops and reverses when a short entry arrives while long (long/short on)", () => {
    const result = runBacktest({
      candles,
      createStrategy: scripted({
        0: [{ action: "enterLong", sizing: half }],
        3: [{ action: "enterShort", sizing: half }],
        6: [{ action: "exit" }],
      }),
      settings: { positions: "longShort" },
    });
    expect(result.trades.map((t) => [t.side, t.exitReason])).toEqual([
      ["long", "reverse"],
      ["short", "signal"],
    ]);
    const [long, short] = result.trades;
    expect(long!.pnl).toBeCloseTo(-60.486985, 9);
    expect(short!.entryPrice).toBe(13434.98);
    expect(short!.exitPrice).toBe(13780); // bar 7's open
    // 0.5 × (13434.98 − 13780) − 0.0005 × (13434.98 + 13780) = −172.51 − 13.60749
    expect(short!.pnl).toBeCloseTo(-186.11749, 9);
    expect(result.metrics.finalEquity).toBeCloseTo(10_000 - 60.486985 - 186.11749, 9);
  });

  it("takes profit on a short when price falls to the target (limit, maker fee)", () => {
    const result = runBacktest({
      candles,
      createStrategy: scripted({
        0: [
          {
            action: "enterShort",
            sizing: half,
            exits: [
              { kind: "stopLoss", percent: 0.01 },
              { kind: "takeProfit", percent: 0.01 },
            ],
          },
        ],
      }),
      settings: { positions: "longShort" },
    });
    const trade = result.trades[0]!;
    // short at bar 1's open 13528.99: stop 13664.2799 (bar 1 high 13595.89 stays under), target 13393.7001
    // (bar 1 low 13155.38 trades through it)
    expect(trade.side).toBe("short");
    expect(trade.exitReason).toBe("takeProfit");
    expect(trade.exitPrice).toBeCloseTo(13393.7001, 9);
    // 0.5 × (13528.99 − 13393.7001) − 0.0005 × (13528.99 + 13393.7001) = 67.64495 − 13.46134505
    expect(trade.pnl).toBeCloseTo(54.18360495, 9);
  });

  it("long-only: a short entry only closes the long", () => {
    const result = runBacktest({
      candles,
      createStrategy: scripted({
        0: [{ action: "enterLong", sizing: half }],
        3: [{ action: "enterShort", sizing: half }],
      }),
    });
    expect(result.trades).toHaveLength(1);
    expect(result.trades[0]!.side).toBe("long");
    expect(result.trades[0]!.pnl).toBeCloseTo(-60.486985, 9);
  });

  it("closes an open position at the last bar's close when the run ends", () => {
    const result = runBacktest({
      candles,
      createStrategy: scripted({ 0: [{ action: "enterLong", sizing: half }] }),
    });
    const trade = result.trades[0]!;
    expect(trade.exitReason).toBe("endOfRun");
    expect(trade.exitPrice).toBe(13616.99); // bar 9's close
    // 0.5 × (13616.99 − 13528.99) − 0.0005 × (13528.99 + 13616.99) = 44 − 13.57299
    expect(trade.pnl).toBeCloseTo(30.42701, 9);
  });

  it("leaves the position open without the end-of-run close", () => {
    const result = runBacktest({
      candles,
      createStrategy: scripted({ 0: [{ action: "enterLong", sizing: half }] }),
      settings: { closeAtEnd: false },
    });
    expect(result.trades).toHaveLength(0);
    // 10000 − 6764.495 − 6.764495 + 0.5 × 13616.99
    expect(result.metrics.finalEquity).toBeCloseTo(10_037.235505, 9);
  });
});
