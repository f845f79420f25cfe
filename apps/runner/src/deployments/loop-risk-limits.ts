import type { RiskLimits } from "@tradegraph/contracts";
import type { AccountLimits } from "./account-limits.ts";
import type { BreakerLimits } from "./circuit-breakers.ts";

/**
 * A deployment row's stored risk limits as the deployment loop takes them: account limits and circuit
 * breakers. Rows may hold only some limits (older rows, tests), so every field is optional here.
 */
export function loopRiskLimits(stored: unknown): { limits: AccountLimits; breakers: BreakerLimits } {
  const limits = (stored ?? {}) as Partial<RiskLimits>;
  return {
    limits: {
      ...(limits.maxNotionalPerOrder !== undefined
        ? { maxNotionalPerOrder: limits.maxNotionalPerOrder }
        : {}),
      ...(limits.maxOrdersPerDay !== undefined ? { maxOrdersPerDay: limits.maxOrdersPerDay } : {}),
      ...(limits.minSecondsBetweenOrders !== undefined
        ? { minMsBetweenOrders: limits.minSecondsBetweenOrders * 1000 }
        : {}),
    },
    breakers: {
      ...(limits.dailyLossLimitPct !== undefined ? { dailyLossLimitPct: limits.dailyLossLimitPct } : {}),
      ...(limits.maxDrawdownPct !== undefined ? { maxDrawdownPct: limits.maxDrawdownPct } : {}),
    },
  };
}
