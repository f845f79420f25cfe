import pg from "pg";
import type { CandleColumns } from "../candle-columns.ts";
import type { CandleGap } from "../gaps.ts";
import { timeframeMs } from "../timeframes.ts";
import { copyCandlesInto } from "./copy-in.ts";
import { copyCandlesOut } from "./copy-out.ts";
import { describeSeries, type SeriesCoverage, type SeriesKey } from "./series.ts";

export interface WriteResult {
  /** Candles that were new and are now stored. */
  stored: number;
  /** Candles already stored (same open time) and skipped: re-importing changes nothing. */
  duplicates: number;
  /** Of the duplicates, how many carried different values than the stored candle (the stored one is kept). */
  conflicting: number;
}

export interface ReadRange {
  /** Inclusive open time, epoch ms. */
  from?: number;
  /** Exclusive open time, epoch ms. */
  to?: number;
}

/** PostgreSQL candle store: COPY in through a temp table and an idempotent merge, binary COPY out. */
export class CandleStore {
  private constructor(
    readonly pool: pg.Pool,
    private readonly ownsPool: boolean,
  ) {}

  /** Uses the given pool (left open on close) or opens one on the URL. */
  static open(database: string | pg.Pool): CandleStore {
    if (typeof database !== "string") return new CandleStore(database, false);
    return new CandleStore(new pg.Pool({ connectionString: database, max: 4 }), true);
  }

  async close(): Promise<void> {
    if (this.ownsPool) await this.pool.end();
  }

  /** The series' id, creating the series when missing. */
  async seriesId(key: SeriesKey): Promise<number> {
    timeframeMs(key.timeframe);
    const { rows } = await this.pool.query<{ id: number }>(
      `INSERT INTO "CandleSeries" (exchange, symbol, timeframe) VALUES ($1, $2, $3)
       ON CONFLICT (exchange, symbol, timeframe) DO UPDATE SET exchange = EXCLUDED.exchange RETURNING id`,
      [key.exchange, key.symbol, key.timeframe],
    );
    return rows[0]!.id;
  }

  private async findSeriesId(key: SeriesKey): Promise<number | null> {
    const { rows } = await this.pool.query<{ id: number }>(
      `SELECT id FROM "CandleSeries" WHERE exchange = $1 AND symbol = $2 AND timeframe = $3`,
      [key.exchange, key.symbol, key.timeframe],
    );
    return rows[0]?.id ?? null;
  }

  /**
   * Stores validated candles. All or nothing: one transaction. Existing candles are never overwritten.
   * `refreshCoverage: false` lets a backfill refresh the series summary once at the end.
   */
  async write(
    key: SeriesKey,
    columns: CandleColumns,
    options: { refreshCoverage?: boolean } = {},
  ): Promise<WriteResult> {
    const seriesId = await this.seriesId(key);
    const client = await this.pool.connect();
    let result: WriteResult;
    try {
      await client.query("BEGIN");
      await client.query(
        `CREATE TEMP TABLE candle_import ("openTime" BIGINT, open FLOAT8, high FLOAT8, low FLOAT8, close FLOAT8, volume FLOAT8) ON COMMIT DROP`,
      );
      await copyCandlesInto(client, "candle_import", columns);
      const inserted = await client.query(
        `INSERT INTO "Candle" ("seriesId", "openTime", open, high, low, close, volume)
         SELECT $1, "openTime", open, high, low, close, volume FROM candle_import ORDER BY "openTime"
         ON CONFLICT DO NOTHING`,
        [seriesId],
      );
      const stored = inserted.rowCount ?? 0;
      const duplicates = columns.time.length - stored;
      let conflicting = 0;
      if (duplicates > 0) {
        const { rows } = await client.query<{ n: string }>(
          `SELECT count(*) AS n FROM candle_import i JOIN "Candle" c ON c."seriesId" = $1 AND c."openTime" = i."openTime"
           WHERE (c.open, c.high, c.low, c.close, c.volume) IS DISTINCT FROM (i.open, i.high, i.low, i.close, i.volume)`,
          [seriesId],
        );
        conflicting = Number(rows[0]!.n);
      }
      await client.query("COMMIT");
      result = { stored, duplicates, conflicting };
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
    if (options.refreshCoverage ?? true) await this.refreshCoverage(key);
    return result;
  }

  /** Candles of a series in [from, to), oldest first; empty columns when nothing is stored. */
  async read(key: SeriesKey, range: ReadRange = {}): Promise<CandleColumns> {
    const seriesId = (await this.findSeriesId(key)) ?? -1;
    const conditions = [`"seriesId" = ${seriesId}`];
    if (range.from !== undefined) conditions.push(`"openTime" >= ${epochLiteral(range.from, "from")}`);
    if (range.to !== undefined) conditions.push(`"openTime" < ${epochLiteral(range.to, "to")}`);
    const client = await this.pool.connect();
    try {
      return await copyCandlesOut(
        client,
        `SELECT "openTime", open, high, low, close, volume FROM "Candle" WHERE ${conditions.join(" AND ")} ORDER BY "openTime"`,
      );
    } finally {
      client.release();
    }
  }

  /** Open time of the newest stored candle, or null. Backfills resume after it. */
  async lastOpenTime(key: SeriesKey): Promise<number | null> {
    const { rows } = await this.pool.query<{ last: string | null }>(
      `SELECT max(c."openTime") AS last FROM "Candle" c JOIN "CandleSeries" s ON s.id = c."seriesId"
       WHERE s.exchange = $1 AND s.symbol = $2 AND s.timeframe = $3`,
      [key.exchange, key.symbol, key.timeframe],
    );
    return rows[0]?.last == null ? null : Number(rows[0].last);
  }

  /** How many candles are stored in [from, to) and the newest one: where a backfill resumes. */
  async storedInRange(
    key: SeriesKey,
    range: Required<ReadRange>,
  ): Promise<{ count: number; last: number | null }> {
    const { rows } = await this.pool.query<{ n: string; last: string | null }>(
      `SELECT count(*) AS n, max(c."openTime") AS last FROM "Candle" c JOIN "CandleSeries" s ON s.id = c."seriesId"
       WHERE s.exchange = $1 AND s.symbol = $2 AND s.timeframe = $3 AND c."openTime" >= $4 AND c."openTime" < $5`,
      [key.exchange, key.symbol, key.timeframe, range.from, range.to],
    );
    return { count: Number(rows[0]!.n), last: rows[0]!.last == null ? null : Number(rows[0]!.last) };
  }

  /** Recomputes first/last/rows/gaps of a series from its candles. */
  async refreshCoverage(key: SeriesKey): Promise<void> {
    const interval = timeframeMs(key.timeframe);
    const seriesId = await this.seriesId(key);
    await this.pool.query(
      `UPDATE "CandleSeries" s SET "firstOpenTime" = a.first, "lastOpenTime" = a.last, "candleCount" = a.rows,
         "gapCount" = a.gaps, "missingCount" = a.missing, "updatedAt" = now()
       FROM (
         SELECT min("openTime") AS first, max("openTime") AS last, count(*) AS rows,
                count(*) FILTER (WHERE step > $2) AS gaps,
                coalesce(sum(step / $2 - 1) FILTER (WHERE step > $2), 0) AS missing
         FROM (SELECT "openTime", "openTime" - lag("openTime") OVER (ORDER BY "openTime") AS step
               FROM "Candle" WHERE "seriesId" = $1) t
       ) a WHERE s.id = $1`,
      [seriesId, interval],
    );
  }

  /** One entry per stored series (optionally filtered), sorted by exchange, symbol, timeframe length. */
  async coverage(filter: Partial<SeriesKey> = {}): Promise<SeriesCoverage[]> {
    const { rows } = await this.pool.query<{
      id: number;
      exchange: string;
      symbol: string;
      timeframe: string;
      firstOpenTime: string | null;
      lastOpenTime: string | null;
      candleCount: number;
      gapCount: number;
      missingCount: number;
    }>(
      `SELECT id, exchange, symbol, timeframe, "firstOpenTime", "lastOpenTime", "candleCount", "gapCount", "missingCount"
       FROM "CandleSeries" WHERE ($1::text IS NULL OR exchange = $1) AND ($2::text IS NULL OR symbol = $2)
       AND ($3::text IS NULL OR timeframe = $3)`,
      [filter.exchange ?? null, filter.symbol ?? null, filter.timeframe ?? null],
    );
    return rows
      .map((r) => ({
        seriesId: r.id,
        exchange: r.exchange,
        symbol: r.symbol,
        timeframe: r.timeframe,
        first: r.firstOpenTime === null ? null : Number(r.firstOpenTime),
        last: r.lastOpenTime === null ? null : Number(r.lastOpenTime),
        rows: r.candleCount,
        gaps: r.gapCount,
        missing: r.missingCount,
      }))
      .sort(
        (a, b) =>
          a.exchange.localeCompare(b.exchange) ||
          a.symbol.localeCompare(b.symbol) ||
          timeframeMs(a.timeframe) - timeframeMs(b.timeframe),
      );
  }

  /** Gaps of a stored series, oldest first, for the coverage view. */
  async gaps(key: SeriesKey): Promise<CandleGap[]> {
    const interval = timeframeMs(key.timeframe);
    const { rows } = await this.pool.query<{ after: string; resumes: string }>(
      `SELECT prev AS after, "openTime" AS resumes FROM (
         SELECT "openTime", lag("openTime") OVER (ORDER BY "openTime") AS prev FROM "Candle" c
         JOIN "CandleSeries" s ON s.id = c."seriesId" WHERE s.exchange = $1 AND s.symbol = $2 AND s.timeframe = $3
       ) t WHERE "openTime" - prev > $4 ORDER BY "openTime"`,
      [key.exchange, key.symbol, key.timeframe, interval],
    );
    return rows.map((r) => {
      const after = Number(r.after);
      const resumesAt = Number(r.resumes);
      return { after, resumesAt, missing: (resumesAt - after) / interval - 1 };
    });
  }

  /** Throws a message naming the series when nothing is stored for it. */
  async requireCandles(key: SeriesKey, range: ReadRange = {}): Promise<CandleColumns> {
    const candles = await this.read(key, range);
    if (candles.time.length === 0) {
      throw new Error(
        `No candles stored for ${describeSeries(key)} in the requested range: import or backfill them first`,
      );
    }
    return candles;
  }
}

function epochLiteral(value: number, name: string): string {
  if (!Number.isSafeInteger(value))
    throw new Error(`Candle range ${name} must be an epoch ms integer, got ${value}`);
  return String(value);
}
