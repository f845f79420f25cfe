import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { CandleColumns } from "../candle-columns.ts";
import { accountEndpoints } from "./account-endpoints.ts";
import { BinanceError } from "./binance-format.ts";
import { MarketBook } from "./market-book.ts";
import { exchangeInfo, klines, ticker24hr, tickerPrice } from "./public-endpoints.ts";
import { verifySignedRequest } from "./signing.ts";
import { TradingDesk } from "./trading-desk.ts";
import type { FaultRule, StubMarket, StubOptions, StubOrder, StubRequestLog, StubTrade } from "./types.ts";

/**
 * A local Binance spot REST server for tests: real ccxt talks to it over HTTP on 127.0.0.1. Candles
 * are the real ones you load; the clock only moves when you say so; faults are injected on demand.
 */
export class ExchangeStub {
  readonly apiKey: string;
  readonly secret: string;
  /** Every request answered (or left hanging), in order. */
  readonly requests: StubRequestLog[] = [];
  private readonly book = new MarketBook();
  private readonly markets = new Map<string, StubMarket>();
  private readonly desk: TradingDesk;
  private readonly faults: FaultRule[] = [];
  private readonly sockets = new Set<Socket>();
  private server: Server | null = null;
  private downStatus: number | null = null;
  private clock: number;
  latencyMs: number;
  /** What `GET /sapi/v1/account/apiRestrictions` reports for the key (tests flip these). */
  apiRestrictions = {
    ipRestrict: false,
    enableReading: true,
    enableSpotAndMarginTrading: true,
    enableWithdrawals: false,
  };

  constructor(options: StubOptions = {}) {
    this.apiKey = options.apiKey ?? "stub-api-key";
    this.secret = options.secret ?? "stub-secret";
    this.clock = options.now ?? Date.now();
    this.latencyMs = options.latencyMs ?? 0;
    for (const market of options.markets ?? []) this.markets.set(market.symbol, market);
    for (const [symbol, byTimeframe] of Object.entries(options.candles ?? {})) {
      for (const [timeframe, candles] of Object.entries(byTimeframe))
        this.book.load(symbol, timeframe, candles);
    }
    this.desk = new TradingDesk(this.book, this.markets, {
      feeRate: options.feeRate ?? 0.001,
      partialFillRatio: options.partialFillRatio ?? 1,
    });
    for (const [asset, amount] of Object.entries(options.balances ?? {}))
      this.desk.balance(asset).free = amount;
  }

  /** Base URL, e.g. http://127.0.0.1:40123 (after start). */
  get url(): string {
    if (!this.server) throw new Error("Exchange stub is not started");
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async start(): Promise<this> {
    const server = createServer((req, res) => void this.handle(req, res));
    server.on("connection", (socket) => {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    this.server = server;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    for (const socket of this.sockets) socket.destroy(); // hanging requests never end by themselves
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  loadCandles(symbol: string, timeframe: string, candles: CandleColumns): void {
    this.book.load(symbol, timeframe, candles);
  }

  get now(): number {
    return this.clock;
  }

  /** Moves the exchange clock; resting limit orders fill against the candles that closed meanwhile. */
  setNow(time: number): void {
    if (time > this.clock) this.desk.advance(this.clock, time);
    this.clock = time;
  }

  advance(ms: number): void {
    this.setNow(this.clock + ms);
  }

  /** The next `count` requests (whose path contains `path`, if given) get HTTP `status`. */
  failNext(status: number, count = 1, path?: string): void {
    this.faults.push({ kind: status, remaining: count, ...(path ? { path } : {}) });
  }

  /** The next `count` matching requests are never answered (the client times out). */
  hangNext(count = 1, path?: string): void {
    this.faults.push({ kind: "hang", remaining: count, ...(path ? { path } : {}) });
  }

  /** Drops every pending injected fault. */
  clearFaults(): void {
    this.faults.length = 0;
  }

  /** Until cleared with null, every request gets this HTTP status: an outage. */
  setDown(status: number | null): void {
    this.downStatus = status;
  }

  set partialFillRatio(ratio: number) {
    this.desk.settings.partialFillRatio = ratio;
  }

  setBalance(asset: string, free: number): void {
    this.desk.balance(asset).free = free;
  }

  balances(): Record<string, { free: number; locked: number }> {
    return Object.fromEntries([...this.desk.balances.entries()].map(([asset, b]) => [asset, { ...b }]));
  }

  orders(): StubOrder[] {
    return this.desk.orders.map((o) => ({ ...o }));
  }

  trades(): StubTrade[] {
    return this.desk.trades.map((t) => ({ ...t }));
  }

  /** Constructor settings that point ccxt's binance class at this stub and stop calls to other hosts. */
  ccxtConfig(): Record<string, unknown> {
    const base = this.url;
    return {
      apiKey: this.apiKey,
      secret: this.secret,
      enableRateLimit: false,
      urls: {
        api: {
          public: `${base}/api/v3`,
          private: `${base}/api/v3`,
          v1: `${base}/api/v1`,
          sapi: `${base}/sapi/v1`,
          sapiV2: `${base}/sapi/v2`,
          sapiV3: `${base}/sapi/v3`,
          sapiV4: `${base}/sapi/v4`,
        },
      },
      options: {
        defaultType: "spot",
        fetchMarkets: { types: ["spot"] },
        fetchCurrencies: false,
        fetchMargins: false,
      },
    };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const [path = "/", query = ""] = (req.url ?? "/").split("?");
    const method = req.method ?? "GET";
    let body = "";
    for await (const chunk of req) body += chunk;
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));

    const fault = this.faults.find((f) => f.remaining > 0 && (f.path === undefined || path.includes(f.path)));
    const status = this.downStatus ?? (fault ? fault.kind : null);
    if (fault && this.downStatus === null) fault.remaining--;
    if (status === "hang") {
      this.requests.push({ method, path, status: "hang" });
      return;
    }
    if (status !== null) {
      this.requests.push({ method, path, status });
      return sendFault(res, status);
    }
    try {
      const result = this.route(method, path, query, body, req.headers);
      this.requests.push({ method, path, status: 200 });
      send(res, 200, result);
    } catch (error) {
      const known =
        error instanceof BinanceError
          ? error
          : new BinanceError(500, -1000, `An unknown error occurred: ${(error as Error).message}`);
      this.requests.push({ method, path, status: known.status });
      send(res, known.status, { code: known.code, msg: known.message });
    }
  }

  private route(
    method: string,
    path: string,
    query: string,
    body: string,
    headers: IncomingMessage["headers"],
  ): unknown {
    const params = new URLSearchParams(query);
    const now = this.clock;
    switch (`${method} ${path}`) {
      case "GET /api/v3/ping":
        return {};
      case "GET /api/v3/time":
        return { serverTime: now };
      case "GET /api/v3/exchangeInfo":
        return exchangeInfo(this.book, this.markets, now);
      case "GET /api/v3/klines":
        return klines(this.book, params, now);
      case "GET /api/v3/ticker/24hr":
        return ticker24hr(this.book, params, now);
      case "GET /api/v3/ticker/price":
        return tickerPrice(this.book, params, now);
    }
    if (method === "GET" && path === "/sapi/v1/account/apiRestrictions") {
      verifySignedRequest(headers, query, body, { apiKey: this.apiKey, secret: this.secret });
      return {
        ...this.apiRestrictions,
        createTime: now,
        enableInternalTransfer: false,
        permitsUniversalTransfer: false,
        enableMargin: false,
        enableFutures: false,
        enableVanillaOptions: false,
      };
    }
    const handler = accountEndpoints(this.book, this.desk)[`${method} ${path}`];
    if (!handler) throw new BinanceError(404, -1000, `The stub does not implement ${method} ${path}`);
    const signed = verifySignedRequest(headers, query, body, { apiKey: this.apiKey, secret: this.secret });
    return handler(signed, now);
  }
}

function send(res: ServerResponse, status: number, data: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(data));
}

function sendFault(res: ServerResponse, status: number): void {
  if (status === 429 || status === 418) {
    res.writeHead(status, { "content-type": "application/json", "retry-after": "1" });
    res.end(
      JSON.stringify({
        code: -1003,
        msg: "Too many requests; current limit of IP is 6000 request weight per 1 MINUTE.",
      }),
    );
    return;
  }
  // Binance's load balancer answers 5xx with an HTML page, not JSON.
  res.writeHead(status, { "content-type": "text/html" });
  res.end(`<html><body><h1>${status} Service Unavailable</h1></body></html>`);
}

/** Creates and starts a stub. */
export async function startExchangeStub(options: StubOptions = {}): Promise<ExchangeStub> {
  return new ExchangeStub(options).start();
}
