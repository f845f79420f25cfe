import { createHmac, timingSafeEqual } from "node:crypto";
import { BinanceError } from "./binance-format.ts";

/**
 * Checks a signed request like Binance: API key header, HMAC-SHA256 of query string + body with the
 * secret, and a timestamp within recvWindow of the wall clock (ccxt stamps requests with its own clock).
 */
export function verifySignedRequest(
  headers: Record<string, string | string[] | undefined>,
  query: string,
  body: string,
  credentials: { apiKey: string; secret: string },
): URLSearchParams {
  if (headers["x-mbx-apikey"] !== credentials.apiKey) {
    throw new BinanceError(401, -2015, "Invalid API-key, IP, or permissions for action.");
  }
  const total = [query, body].filter((part) => part !== "").join("&");
  const params = new URLSearchParams(total);
  const signature = params.get("signature") ?? "";
  const payload = total.replace(/&?signature=[^&]*/, "");
  const expected = createHmac("sha256", credentials.secret).update(payload).digest("hex");
  if (
    signature.length !== expected.length ||
    !timingSafeEqual(Buffer.from(signature), Buffer.from(expected))
  ) {
    throw new BinanceError(400, -1022, "Signature for this request is not valid.");
  }
  const timestamp = Number(params.get("timestamp"));
  const recvWindow = Number(params.get("recvWindow") ?? 5000);
  if (!Number.isFinite(timestamp) || Math.abs(Date.now() - timestamp) > recvWindow) {
    throw new BinanceError(400, -1021, "Timestamp for this request is outside of the recvWindow.");
  }
  return params;
}
