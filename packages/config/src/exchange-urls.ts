import { ConfigError } from "./errors.ts";

/** ccxt `urls.api` entries per ccxt exchange id, e.g. { binance: { public: "https://…/api/v3" } }. */
export type ExchangeApiUrls = Readonly<Record<string, Readonly<Record<string, string>>>>;

const NAME = "EXCHANGE_API_URLS";

/**
 * Parses EXCHANGE_API_URLS: JSON mapping a ccxt exchange id to the API base URLs that replace the
 * exchange's own (same keys as ccxt's `urls.api`: public, private, v1, sapi, …). For a proxy or a local
 * exchange simulator; a testnet deployment uses them as its testnet URLs. Unset: the exchange's own URLs.
 */
export function parseExchangeApiUrls(raw: string | undefined): ExchangeApiUrls {
  if (raw === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ConfigError(NAME, `${NAME} must be JSON like {"binance":{"public":"https://host/api/v3"}}.`);
  }
  if (!isPlainObject(parsed))
    throw new ConfigError(NAME, `${NAME} must be a JSON object keyed by exchange id.`);
  const out: Record<string, Record<string, string>> = {};
  for (const [exchange, urls] of Object.entries(parsed)) {
    if (!isPlainObject(urls))
      throw new ConfigError(NAME, `${NAME}.${exchange} must be an object of API name to URL.`);
    out[exchange] = {};
    for (const [api, url] of Object.entries(urls)) {
      if (typeof url !== "string" || !/^https?:\/\/[^/]+/.test(url)) {
        throw new ConfigError(NAME, `${NAME}.${exchange}.${api} must be an http(s) URL.`);
      }
      out[exchange][api] = url.replace(/\/+$/, "");
    }
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
