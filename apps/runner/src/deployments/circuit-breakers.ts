/** Loss limits that halt a deployment (contracts riskLimitsSchema: dailyLossLimitPct, maxDrawdownPct). */
export interface BreakerLimits {
  dailyLossLimitPct?: number;
  maxDrawdownPct?: number;
}

const DAY_MS = 86_400_000;

/** Watches equity after every closed candle; says why the deployment must halt, once. */
export class CircuitBreakers {
  private day = -1;
  private dayStartEquity = 0;
  private peak = Number.NEGATIVE_INFINITY;

  constructor(private readonly limits: BreakerLimits) {}

  /** `startEquity` = equity before this candle moved it (the previous close). */
  check(time: number, startEquity: number, equity: number): string | null {
    const day = Math.floor(time / DAY_MS);
    if (day !== this.day) {
      this.day = day;
      this.dayStartEquity = startEquity;
    }
    this.peak = Math.max(this.peak, startEquity, equity);
    const { dailyLossLimitPct, maxDrawdownPct } = this.limits;
    const dayLossPct = ((this.dayStartEquity - equity) / this.dayStartEquity) * 100;
    if (dailyLossLimitPct !== undefined && dayLossPct >= dailyLossLimitPct) {
      return `daily loss ${dayLossPct.toFixed(2)}% reached the limit of ${dailyLossLimitPct}% (day started at ${this.dayStartEquity.toFixed(2)}, equity now ${equity.toFixed(2)})`;
    }
    const drawdownPct = ((this.peak - equity) / this.peak) * 100;
    if (maxDrawdownPct !== undefined && drawdownPct >= maxDrawdownPct) {
      return `drawdown ${drawdownPct.toFixed(2)}% from the peak ${this.peak.toFixed(2)} reached the limit of ${maxDrawdownPct}%`;
    }
    return null;
  }
}
