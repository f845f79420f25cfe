import { z } from "zod";
import { defineNode } from "../../../contract.ts";
import { RingBuffer } from "../../../lib/ring-buffer.ts";
import { barsParam } from "../../params.ts";

/**
 * Pair ranking: scores this symbol by volatility and/or liquidity over a lookback and, in a portfolio run,
 * ranks it against every other symbol of the run (the engine shares the scores through the account's
 * universe board). Ranks use the previous closed bar of every symbol, so no symbol sees another's future.
 */
export const pairRankNode = defineNode({
  type: "data.pairRank",
  version: 1,
  category: "data",
  title: "Pair rank",
  description:
    "Scores the symbol over the last n bars: volatility = standard deviation of close-to-close returns, liquidity = mean quote volume (close × volume), or their product. In a portfolio backtest or deployment it ranks the symbol among all of the run's symbols on the previous closed bar; `top` is true for the best N. Alone, a symbol is always its own top 1.",
  inputs: { candles: { type: "candles", label: "Candles", required: true } },
  outputs: {
    score: { type: "number", label: "Score" },
    rank: { type: "number", label: "Rank (0 = best)" },
    top: { type: "boolean", label: "In top N" },
  },
  params: z.object({
    lookback: barsParam({ label: "Lookback", optimisable: true }, 168, 2),
    topCount: barsParam({ label: "Top N", description: "How many symbols count as the best." }, 3, 1, 1000),
    by: z
      .enum(["volatilityTimesLiquidity", "volatility", "liquidity"])
      .default("volatilityTimesLiquidity")
      .meta({ label: "Rank by" }),
  }),
  warmup: (p) => p.lookback,
  init: (p) => ({
    returns: new RingBuffer(p.lookback),
    quoteVolume: new RingBuffer(p.lookback),
    sumReturns: 0,
    sumSquares: 0,
    sumQuote: 0,
    previousClose: Number.NaN,
  }),
  step: (s, io, i, ctx, p) => {
    const candles = io.in.candles;
    const close = candles.close[i]!;
    const quote = close * candles.volume[i]!;
    const evictedQuote = s.quoteVolume.push(quote);
    s.sumQuote += quote - (Number.isNaN(evictedQuote) ? 0 : evictedQuote);
    if (!Number.isNaN(s.previousClose)) {
      const change = close / s.previousClose - 1;
      const evicted = s.returns.push(change);
      if (!Number.isNaN(evicted)) {
        s.sumReturns -= evicted;
        s.sumSquares -= evicted * evicted;
      }
      s.sumReturns += change;
      s.sumSquares += change * change;
    }
    s.previousClose = close;
    let score = Number.NaN;
    if (s.returns.full) {
      const n = p.lookback;
      const mean = s.sumReturns / n;
      const volatility = Math.sqrt(Math.max(0, s.sumSquares / n - mean * mean));
      const liquidity = s.sumQuote / n;
      score = p.by === "volatility" ? volatility : p.by === "liquidity" ? liquidity : volatility * liquidity;
    }
    io.out.score[i] = score;
    const universe = ctx.account.universe;
    if (universe) universe.publish(ctx.symbol, candles.time[i]!, score);
    const rank = universe
      ? universe.rankBefore(ctx.symbol, candles.time[i]!)
      : Number.isNaN(score)
        ? Number.NaN
        : 0;
    io.out.rank[i] = rank;
    io.out.top[i] = Number.isNaN(rank) ? Number.NaN : rank < p.topCount ? 1 : 0;
  },
});
