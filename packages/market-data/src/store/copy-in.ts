import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import pgCopy from "pg-copy-streams";
import type { CandleColumns } from "../candle-columns.ts";

const ROWS_PER_CHUNK = 4096;

/**
 * Streams candles into `table` with COPY (text format). `String(number)` is the shortest text that
 * parses back to the same double, so values arrive in PostgreSQL bit for bit.
 */
export async function copyCandlesInto(
  client: pg.PoolClient,
  table: string,
  columns: CandleColumns,
): Promise<void> {
  const { time, open, high, low, close, volume } = columns;
  function* chunks(): Generator<string> {
    for (let start = 0; start < time.length; start += ROWS_PER_CHUNK) {
      let text = "";
      const end = Math.min(start + ROWS_PER_CHUNK, time.length);
      for (let i = start; i < end; i++) {
        text += `${time[i]}\t${open[i]}\t${high[i]}\t${low[i]}\t${close[i]}\t${volume[i]}\n`;
      }
      yield text;
    }
  }
  const sql = `COPY ${table} ("openTime", open, high, low, close, volume) FROM STDIN`;
  await pipeline(Readable.from(chunks()), client.query(pgCopy.from(sql)));
}
