import { readFile } from "node:fs/promises";
import { gunzipSync } from "node:zlib";
import { type ParseOptions, type ParseResult, parseCandleText } from "./parse/index.ts";

/** Reads a candle file from disk (gzip detected by its magic bytes, not the name) and parses it. */
export async function readCandleFile(path: string, options: ParseOptions): Promise<ParseResult> {
  return parseCandleText(decodeCandleBytes(await readFile(path)), options);
}

export function decodeCandleBytes(bytes: Uint8Array): string {
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  return new TextDecoder().decode(gzipped ? gunzipSync(bytes) : bytes);
}
