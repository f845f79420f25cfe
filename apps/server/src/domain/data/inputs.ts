import { STORE_TIMEFRAMES, symbolSchema } from "@tradegraph/contracts";
import { z } from "zod";

/** Most bars one candles request returns: about 2.3 years of 1h candles, a comfortable chart payload. */
export const MAX_CANDLES_PER_REQUEST = 20_000;

const exchangeSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]{2,30}$/, "Write the exchange as its ccxt id, like binance.");
const epochMs = z.number().int().min(0, "Times are epoch milliseconds (UTC).");

export const candlesInput = z
  .object({
    exchange: exchangeSchema.default("binance"),
    symbol: symbolSchema,
    timeframe: z.enum(STORE_TIMEFRAMES),
    /** Open time of the first candle wanted (inclusive), epoch ms. */
    from: epochMs,
    /** End of the range (exclusive), epoch ms. */
    to: epochMs,
  })
  .refine((v) => v.to > v.from, { message: "`to` must be after `from`.", path: ["to"] });

export const coverageInput = z
  .object({ exchange: exchangeSchema.optional(), symbol: symbolSchema.optional() })
  .optional();

/** A candle file uploaded from the browser (base64, gzip allowed), stored into one series. */
export const importCandlesInput = z.object({
  exchange: exchangeSchema.default("binance"),
  symbol: symbolSchema,
  timeframe: z.enum(STORE_TIMEFRAMES),
  fileName: z.string().max(200).optional(),
  /** About 45 MB of file at most once decoded. */
  base64: z.string().min(1, "The file is empty.").max(60_000_000, "The file is too large (45 MB at most)."),
});
