import type { TradeRow } from "./result-types.ts";

export type TradeSortKey = "entryTime" | "exitTime" | "pnl" | "returnPct" | "barsHeld" | "fees" | "rMultiple";

export interface TradeFilter {
  side: "all" | "long" | "short";
  outcome: "all" | "winners" | "losers";
  exitReason: string | null;
}

export const NO_FILTER: TradeFilter = { side: "all", outcome: "all", exitReason: null };

/** Filter then sort; the original index is kept so a row maps back to its chart markers. */
export function tradeRows(
  trades: readonly TradeRow[],
  filter: TradeFilter,
  sort: { key: TradeSortKey; descending: boolean },
): { trade: TradeRow; index: number }[] {
  const rows = trades
    .map((trade, index) => ({ trade, index }))
    .filter(({ trade }) => filter.side === "all" || trade.side === filter.side)
    .filter(({ trade }) =>
      filter.outcome === "all" ? true : filter.outcome === "winners" ? trade.pnl > 0 : trade.pnl <= 0,
    )
    .filter(({ trade }) => filter.exitReason === null || trade.exitReason === filter.exitReason);
  const value = (t: TradeRow) => {
    const v = t[sort.key];
    // Trades without a stop have no R multiple: always last.
    return v === null ? Number.NEGATIVE_INFINITY : v;
  };
  rows.sort((a, b) => {
    const d = value(a.trade) - value(b.trade);
    return (sort.descending ? -d : d) || a.index - b.index;
  });
  return rows;
}
