import type { AnyNodeDefinition } from "../../contract.ts";
import { cooldownGate } from "./cooldown/definition.ts";
import { dailyLossLimitGate } from "./daily-loss-limit/definition.ts";
import { maxDrawdownGate } from "./max-drawdown/definition.ts";
import { maxExposureGate } from "./max-exposure/definition.ts";
import { maxLossPerTradeGate } from "./max-loss-per-trade/definition.ts";
import { maxPositionSizeGate } from "./max-position-size/definition.ts";
import { maxTradesPerDayGate } from "./max-trades-per-day/definition.ts";
import { minProfitAfterFeesGate } from "./min-profit-after-fees/definition.ts";
import { tradingHoursGate } from "./trading-hours/definition.ts";
import { volatilityBandGate } from "./volatility-band/definition.ts";

export const riskNodes: AnyNodeDefinition[] = [
  maxPositionSizeGate,
  maxLossPerTradeGate,
  dailyLossLimitGate,
  maxDrawdownGate,
  maxTradesPerDayGate,
  cooldownGate,
  maxExposureGate,
  volatilityBandGate,
  minProfitAfterFeesGate,
  tradingHoursGate,
];
