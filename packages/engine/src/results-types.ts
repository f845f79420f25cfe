/** Records a run produces: trades, the order log and risk events. Plain JSON-able objects. */

export type ExitReason =
  | "signal"
  | "stopLoss"
  | "takeProfit"
  | "trailingStop"
  | "breakEven"
  | "timeStop"
  | "reverse"
  | "endOfRun";

export type PositionSide = "long" | "short";

export interface Trade {
  symbol: string;
  side: PositionSide;
  entryTime: number;
  entryPrice: number;
  exitTime: number;
  exitPrice: number;
  quantity: number;
  /** Entry plus exit fees, quote currency. */
  fees: number;
  /** Net of fees. */
  pnl: number;
  /** pnl / (quantity × entry price). */
  returnPct: number;
  /** pnl / initial risk (quantity × |entry − initial stop|); null without a stop-loss. */
  rMultiple: number | null;
  exitReason: ExitReason;
  barsHeld: number;
  /** The exit bar could have hit both stop and target; the stop (worse) was assumed. */
  ambiguous: boolean;
  /** pnl had the target been hit instead (equals pnl when not ambiguous). */
  optimisticPnl: number;
  /** Order node that opened the position. */
  entryNodeId: string;
}

export type OrderLogKind = "submitted" | "filled" | "denied" | "cancelled" | "rejected";

export interface OrderLogEntry {
  /** Open time of the bar the event happened on. */
  time: number;
  symbol: string;
  kind: OrderLogKind;
  /** Order node, or "engine" for protective exits and end-of-run closes. */
  nodeId: string;
  side: "buy" | "sell";
  orderType: "market" | "limit" | "stop";
  quantity: number;
  /** Fill price, or the order's level (NaN → null for market orders). */
  price: number | null;
  fee: number;
  /** Why: exit reason for fills, gate title and reason for denials. */
  reason: string;
  /** The risk gate that denied the order. */
  gateNodeId?: string;
}
