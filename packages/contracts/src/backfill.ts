import { z } from "zod";
import { symbolSchema } from "./deployments.ts";
import { STORE_TIMEFRAMES, type StoreTimeframe, TIMEFRAME_MS } from "./timeframes.ts";

/** Exchanges the Data page offers for a ccxt backfill, with the names traders know them by. */
export const BACKFILL_EXCHANGES = ["binance", "binanceus", "kraken"] as const;
export type BackfillExchange = (typeof BACKFILL_EXCHANGES)[number];
export const BACKFILL_EXCHANGE_LABELS: Record<BackfillExchange, string> = {
  binance: "Binance",
  binanceus: "Binance US",
  kraken: "Kraken",
};

/** A backfill can fetch any timeframe the store keeps. */
export type BackfillTimeframe = StoreTimeframe;
export const BACKFILL_TIMEFRAMES = STORE_TIMEFRAMES;

/** Most candles one backfill may ask for: about 1.9 years of 1m candles (≈1,000 exchange requests). */
export const MAX_BACKFILL_CANDLES = 1_000_000;

const epochMs = z.number().int().min(0, "Times are epoch milliseconds (UTC).");

/** What the Data page's backfill form sends: one series and an open-time range [from, to). */
export const startBackfillInput = z
  .object({
    exchange: z.enum(BACKFILL_EXCHANGES, {
      message: `Pick one of ${BACKFILL_EXCHANGES.map((e) => BACKFILL_EXCHANGE_LABELS[e]).join(", ")}.`,
    }),
    symbol: symbolSchema,
    timeframe: z.enum(BACKFILL_TIMEFRAMES as [BackfillTimeframe, ...BackfillTimeframe[]], {
      message: `Unknown timeframe: use one of ${BACKFILL_TIMEFRAMES.join(", ")}.`,
    }),
    /** Open time of the first candle wanted (inclusive), epoch ms. */
    from: epochMs,
    /** End of the range (exclusive), epoch ms; only closed candles are stored. */
    to: epochMs,
  })
  .superRefine((v, ctx) => {
    if (v.to <= v.from) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "The end date must be after the start date." });
      return;
    }
    const candles = Math.ceil((v.to - v.from) / TIMEFRAME_MS[v.timeframe]);
    if (candles > MAX_BACKFILL_CANDLES) {
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message:
          `That range holds ${candles.toLocaleString("en-US")} ${v.timeframe} candles; one backfill fetches at most ` +
          `${MAX_BACKFILL_CANDLES.toLocaleString("en-US")}. Shorten the range or pick a longer timeframe.`,
      });
    }
  });
export type StartBackfillInput = z.infer<typeof startBackfillInput>;

export const backfillIdInput = z.object({ jobId: z.string().min(1).max(80) });

export const BACKFILL_STATES = ["queued", "running", "succeeded", "failed"] as const;
export type BackfillState = (typeof BACKFILL_STATES)[number];

/** One backfill as the web app sees it; streamed by data.backfillProgress and listed by data.backfills. */
export const backfillViewSchema = z.object({
  jobId: z.string(),
  exchange: z.enum(BACKFILL_EXCHANGES),
  symbol: z.string(),
  timeframe: z.string(),
  from: z.number(),
  to: z.number(),
  state: z.enum(BACKFILL_STATES),
  /** Candles of the range stored so far (including ones stored before this backfill). */
  fetched: z.number().int().nonnegative(),
  /** Candles the range holds if the exchange had no outage; 0 until the runner has asked the exchange. */
  expected: z.number().int().nonnegative(),
  /** Candles this backfill newly stored; known once it has finished. */
  stored: z.number().int().nonnegative().nullable(),
  /** Why it failed, in the runner's words. */
  error: z.string().nullable(),
  /** Epoch ms the backfill was requested and finished. */
  createdAt: z.number(),
  finishedAt: z.number().nullable(),
});
export type BackfillView = z.infer<typeof backfillViewSchema>;
