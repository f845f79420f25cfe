import {
  BACKFILL_EXCHANGE_LABELS,
  BACKFILL_EXCHANGES,
  BACKFILL_TIMEFRAMES,
  type BackfillExchange,
  type BackfillState,
  type BackfillTimeframe,
  type BackfillView,
  type StartBackfillInput,
} from "@tradegraph/contracts";

/** The form's values as a trader types them: UTC calendar dates, `to` inclusive (the whole day). */
export interface BackfillFormValues {
  exchange: BackfillExchange;
  symbol: string;
  timeframe: BackfillTimeframe;
  from: string;
  to: string;
}

export const EXCHANGE_OPTIONS = BACKFILL_EXCHANGES.map((value) => ({
  value,
  label: BACKFILL_EXCHANGE_LABELS[value],
}));
export const TIMEFRAME_OPTIONS = [...BACKFILL_TIMEFRAMES];

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Defaults: the last 30 full UTC days of BTC/USDT 1h on Binance. */
export function defaultBackfillValues(now = Date.now()): BackfillFormValues {
  const today = Math.floor(now / DAY) * DAY;
  return {
    exchange: "binance",
    symbol: "BTC/USDT",
    timeframe: "1h",
    from: isoDay(today - 30 * DAY),
    to: isoDay(today - DAY),
  };
}

function dayStart(date: string, field: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00:00Z`) : Number.NaN;
  if (!Number.isFinite(ms)) throw new Error(`${field}: "${date}" is not a date (use YYYY-MM-DD).`);
  return ms;
}

/** Form values → data.startBackfill input; errors name the field. The server checks the rest. */
export function toBackfillInput(v: BackfillFormValues): StartBackfillInput {
  const symbol = v.symbol.trim().toUpperCase();
  if (!/^[A-Z0-9]{2,15}\/[A-Z0-9]{2,15}$/.test(symbol))
    throw new Error("Symbol: write it as BASE/QUOTE, like BTC/USDT.");
  const from = dayStart(v.from, "From");
  const to = dayStart(v.to, "To") + DAY;
  if (from >= to) throw new Error("From must be on or before To.");
  return { exchange: v.exchange, symbol, timeframe: v.timeframe, from, to };
}

/** Share of the expected candles stored, 0..100; a finished backfill shows a full bar. */
export function progressPercent(view: Pick<BackfillView, "state" | "fetched" | "expected">): number {
  if (view.state === "succeeded") return 100;
  if (view.expected <= 0) return 0;
  return Math.min(100, (view.fetched / view.expected) * 100);
}

const count = (n: number) => n.toLocaleString("en-US");

/** "1,000 / 2,500 candles", or what the runner is doing before it knows the total. */
export function progressLabel(view: Pick<BackfillView, "state" | "fetched" | "expected">): string {
  if (view.state === "queued") return "waiting for a runner";
  if (view.state === "running" && view.expected === 0) return "asking the exchange…";
  return `${count(view.fetched)} / ${count(view.expected)} candles`;
}

export const STATE_BADGES: Record<BackfillState, { label: string; color: string }> = {
  queued: { label: "Queued", color: "gray" },
  running: { label: "Running", color: "blue" },
  succeeded: { label: "Done", color: "teal" },
  failed: { label: "Failed", color: "red" },
};

/** What a finished backfill did, in one line. */
export function outcomeLine(view: BackfillView): string {
  if (view.state === "failed") return view.error ?? "Failed.";
  if (view.state !== "succeeded") return progressLabel(view);
  const missing = Math.max(0, view.expected - view.fetched);
  return (
    `${count(view.stored ?? 0)} new candles stored, ${count(view.fetched)} of ${count(view.expected)} in range` +
    (missing > 0 ? ` (${count(missing)} the exchange does not have)` : "")
  );
}

/** "BTC/USDT 1h · Binance · 2024-01-01 → 2024-03-31" (to shown inclusive). */
export function describeBackfill(
  view: Pick<BackfillView, "exchange" | "symbol" | "timeframe" | "from" | "to">,
): string {
  return `${view.symbol} ${view.timeframe} · ${BACKFILL_EXCHANGE_LABELS[view.exchange]} · ${isoDay(view.from)} → ${isoDay(view.to - 1)}`;
}

export const isFinished = (view: Pick<BackfillView, "state">) =>
  view.state === "succeeded" || view.state === "failed";

const FIELD_LABELS: Record<string, string> = {
  exchange: "Exchange",
  symbol: "Symbol",
  timeframe: "Timeframe",
  from: "From",
  to: "To",
};

/** The server's refusal in the form's words: each field's first message under its label. */
export function refusalMessage(error: { message: string; fieldErrors: Record<string, string[]> }): string {
  const fields = Object.entries(error.fieldErrors).filter(([, messages]) => messages.length > 0);
  if (fields.length === 0) return error.message;
  return fields.map(([field, messages]) => `${FIELD_LABELS[field] ?? field}: ${messages[0]}`).join(" ");
}
