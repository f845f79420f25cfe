import type { CredentialPermissions } from "@tradegraph/contracts";
import type { Exchange } from "ccxt";

type BinanceApi = Exchange & {
  sapiGetAccountApiRestrictions(): Promise<Record<string, unknown>>;
  privateGetAccount(): Promise<Record<string, unknown>>;
};

/**
 * Asks the exchange what this key may do. Live Binance keys: `GET /sapi/v1/account/apiRestrictions`
 * (the key's own permissions, including withdrawals). The spot testnet has no /sapi, so there the
 * account endpoint's `canTrade` is used and withdrawals do not exist.
 */
export async function fetchPermissions(
  client: Exchange,
  mode: "testnet" | "live",
): Promise<CredentialPermissions> {
  if (client.id !== "binance") throw new Error(`Checking permissions on ${client.id} is not supported yet.`);
  const api = client as BinanceApi;
  if (mode === "live") {
    const r = await api.sapiGetAccountApiRestrictions();
    return {
      canRead: r["enableReading"] === true,
      canTradeSpot: r["enableSpotAndMarginTrading"] === true,
      canWithdraw: r["enableWithdrawals"] === true,
      ipRestricted: r["ipRestrict"] === true,
    };
  }
  const account = await api.privateGetAccount();
  return {
    canRead: true,
    canTradeSpot: account["canTrade"] === true,
    canWithdraw: false,
    ipRestricted: false,
  };
}

/** Why these permissions cannot be used for trading in `mode`, or null when they can. */
export function refusalReason(permissions: CredentialPermissions, mode: "testnet" | "live"): string | null {
  if (mode === "live" && permissions.canWithdraw) {
    return "This key can withdraw funds; create a key without withdrawal permission for live trading.";
  }
  if (!permissions.canTradeSpot)
    return "This key cannot trade spot; enable spot trading for it on the exchange.";
  return null;
}
