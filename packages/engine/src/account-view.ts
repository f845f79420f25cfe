/** The AccountView nodes and risk gates read: one per symbol, refreshed in place before each step. */
import type { AccountView, UniverseView } from "@tradegraph/nodes";
import type { Portfolio } from "./portfolio.ts";
import type { SymbolSlot } from "./position.ts";

export class SymbolAccountView implements AccountView {
  initialEquity: number;
  equity: number;
  cash: number;
  peakEquity: number;
  dayStartEquity: number;
  positionQuantity = 0;
  positionEntryPrice = Number.NaN;
  barsInPosition = 0;
  openPositions = 0;
  exposure = 0;
  entriesToday = 0;
  lastEntryTime = Number.NaN;
  lastExitTime = Number.NaN;
  closedTrades = 0;
  winningTrades = 0;
  grossProfit = 0;
  grossLoss = 0;

  constructor(
    private readonly portfolio: Portfolio,
    private readonly slot: SymbolSlot,
    readonly takerFeeRate: number,
    readonly makerFeeRate: number,
    readonly universe: UniverseView,
  ) {
    this.initialEquity = portfolio.ledger.initialCash;
    this.equity = this.initialEquity;
    this.cash = this.initialEquity;
    this.peakEquity = this.initialEquity;
    this.dayStartEquity = this.initialEquity;
  }

  /** Copies the state as of the current close (`equity` computed once by the caller). */
  refresh(equity: number): void {
    const { portfolio, slot } = this;
    const { ledger } = portfolio;
    this.equity = equity;
    this.cash = ledger.cash;
    this.peakEquity = portfolio.peakEquity;
    this.dayStartEquity = portfolio.dayStartEquity;
    this.positionQuantity = slot.quantity;
    this.positionEntryPrice = slot.entryPrice;
    this.barsInPosition = slot.barsHeld;
    this.openPositions = ledger.openPositions;
    this.exposure = equity > 0 ? portfolio.grossExposure(-1) / equity : 0;
    this.entriesToday = ledger.entriesToday;
    this.lastEntryTime = ledger.lastEntryTime;
    this.lastExitTime = ledger.lastExitTime;
    this.closedTrades = ledger.trades.length;
    this.winningTrades = ledger.winningTrades;
    this.grossProfit = ledger.grossProfit;
    this.grossLoss = ledger.grossLoss;
  }
}
