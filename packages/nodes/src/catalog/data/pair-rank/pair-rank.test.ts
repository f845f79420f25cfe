import { describe, expect, it } from "vitest";
import type { UniverseView } from "../../../runtime-types.ts";
import { loadBundledCandles } from "../../../testing/load-candles.ts";
import { flatAccount, runNode, sliceCandles } from "../../../testing/run-node.ts";
import { pairRankNode } from "./definition.ts";

const c = sliceCandles(loadBundledCandles("binance_BTCUSDT_1h.csv.gz"), 0, 10);

describe("pair rank", () => {
  it("scores volatility × liquidity over the lookback (3 bars, BTC/USDT 2018-01-01, by hand)", () => {
    const { out } = runNode(pairRankNode, { lookback: 3 }, { candles: c });
    // returns of bars 1..3: 13203.06/13529.01 − 1, 13330.18/13203.06 − 1, 13410.03/13330.18 − 1
    const r = [13203.06 / 13529.01 - 1, 13330.18 / 13203.06 - 1, 13410.03 / 13330.18 - 1];
    const mean = (r[0]! + r[1]! + r[2]!) / 3;
    const volatility = Math.sqrt(r.reduce((s, x) => s + (x - mean) ** 2, 0) / 3);
    // quote volume of bars 1..3: close × volume
    const liquidity = (13203.06 * 383.697006 + 13330.18 * 429.064572 + 13410.03 * 420.08703) / 3;
    expect(Number.isNaN(out.score[2]!)).toBe(true);
    expect(out.score[3]).toBeCloseTo(volatility * liquidity, 6);
    // alone, the symbol is its own top 1
    expect(out.rank[3]).toBe(0);
    expect(out.top[3]).toBe(1);
  });

  it("ranks against the universe board's scores of earlier bars", () => {
    const published: [string, number, number][] = [];
    const universe: UniverseView = {
      publish: (symbol, time, score) => {
        published.push([symbol, time, score]);
      },
      rankBefore: () => 4,
    };
    const { out } = runNode(
      pairRankNode,
      { lookback: 3, topCount: 3 },
      { candles: c },
      {
        symbol: "BTC/USDT",
        account: flatAccount({ universe }),
      },
    );
    expect(published[5]).toEqual(["BTC/USDT", c.time[5], out.score[5]]);
    expect(out.rank[5]).toBe(4);
    expect(out.top[5]).toBe(0);
  });
});
