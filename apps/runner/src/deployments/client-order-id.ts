import { createHash } from "node:crypto";

/** Binance accepts client order ids up to 36 characters from [.A-Z:/a-z0-9_-]. */
export const MAX_CLIENT_ORDER_ID_LENGTH = 36;

/**
 * Deterministic client order id for one order intent: the same deployment, bar and intent node always give
 * the same id, so a retry or a restarted runner asks the exchange about (or re-sends) the same order instead
 * of placing a second one. "tg" + 32 hex chars of SHA-256 = 34 characters.
 */
export function clientOrderId(
  deploymentId: string,
  barTime: number,
  intentNodeId: string,
  purpose = "entry",
): string {
  const digest = createHash("sha256")
    .update(`${deploymentId}|${barTime}|${intentNodeId}|${purpose}`)
    .digest("hex");
  return `tg${digest.slice(0, 32)}`;
}
