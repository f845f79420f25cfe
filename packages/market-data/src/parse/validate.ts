import { type CandleColumns, emptyColumns } from "../candle-columns.ts";
import { formatTime } from "../format-time.ts";
import type { ErrorList } from "./error-list.ts";
import type { RawCandleRow } from "./types.ts";

/**
 * Checks every row (rows with unparsable fields were already reported and are skipped here) and
 * returns the columns. The caller must not store anything when `errors.total > 0`.
 */
export function validateRows(
  rows: readonly RawCandleRow[],
  intervalMs: number,
  errors: ErrorList,
): CandleColumns {
  const columns = emptyColumns(rows.length);
  let previous: RawCandleRow | undefined;
  rows.forEach((row, i) => {
    const { line, time, open, high, low, close, volume } = row;
    columns.time[i] = time;
    columns.open[i] = open;
    columns.high[i] = high;
    columns.low[i] = low;
    columns.close[i] = close;
    columns.volume[i] = volume;
    // Unparsable fields (NaN) were reported already.
    if (
      time !== time ||
      open !== open ||
      high !== high ||
      low !== low ||
      close !== close ||
      volume !== volume
    )
      return;

    if (time % intervalMs !== 0) {
      errors.add(
        line,
        `time ${formatTime(time)} is not aligned to the ${intervalMs / 60_000}-minute timeframe`,
      );
    }
    if (row.closeTime !== undefined && row.closeTime - time + 1 !== intervalMs) {
      errors.add(
        line,
        `candle lasts ${(row.closeTime - time + 1) / 60_000} minutes, not the file's timeframe`,
      );
    }
    if (previous && !Number.isNaN(previous.time)) {
      if (time === previous.time)
        errors.add(line, `duplicate time ${formatTime(time)} (also on line ${previous.line})`);
      else if (time < previous.time) {
        errors.add(
          line,
          `time ${formatTime(time)} is before line ${previous.line} (${formatTime(previous.time)}): rows must be sorted`,
        );
      }
    }
    previous = row;

    for (const [name, value] of [
      ["open", open],
      ["high", high],
      ["low", low],
      ["close", close],
    ] as const) {
      if (!(value > 0) || !Number.isFinite(value))
        errors.add(line, `${name} ${value} must be a positive price`);
    }
    if (high < Math.max(open, close))
      errors.add(line, `high ${high} is below open ${open} or close ${close}`);
    if (low > Math.min(open, close)) errors.add(line, `low ${low} is above open ${open} or close ${close}`);
    if (!(volume >= 0) || !Number.isFinite(volume)) errors.add(line, `volume ${volume} must not be negative`);
  });
  return columns;
}
