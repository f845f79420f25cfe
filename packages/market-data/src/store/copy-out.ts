import type pg from "pg";
import pgCopy from "pg-copy-streams";
import { type CandleColumns, emptyColumns } from "../candle-columns.ts";

const HEADER_BYTES = 19; // "PGCOPY\n\xff\r\n\0" + flags + extension length
const ROW_BYTES = 2 + 6 * (4 + 8); // field count + 6 × (length + 8-byte value)

/**
 * Runs a `SELECT "openTime", open, high, low, close, volume ...` through binary COPY and decodes the
 * big-endian int8/float8 values straight into columns: no per-value text parsing, no row objects.
 */
export async function copyCandlesOut(client: pg.PoolClient, select: string): Promise<CandleColumns> {
  const chunks: Buffer[] = [];
  for await (const chunk of client.query(pgCopy.to(`COPY (${select}) TO STDOUT (FORMAT binary)`))) {
    chunks.push(chunk as Buffer);
  }
  const data = Buffer.concat(chunks);
  const rows = Math.max(0, Math.floor((data.length - HEADER_BYTES - 2) / ROW_BYTES));
  const out = emptyColumns(rows);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const fields = [out.open, out.high, out.low, out.close, out.volume];
  let offset = HEADER_BYTES;
  for (let i = 0; i < rows; i++) {
    if (view.getInt16(offset) !== 6) throw new Error(`binary COPY row ${i} does not have 6 fields`);
    offset += 2 + 4;
    out.time[i] = Number(view.getBigInt64(offset));
    offset += 8;
    for (const column of fields) {
      column[i] = view.getFloat64(offset + 4);
      offset += 12;
    }
  }
  return out;
}
