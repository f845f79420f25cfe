// The live stream's WebSocket wake-up against a local server speaking Binance's kline stream format
// (real ccxt.pro client, real sockets); the closed candle's values still come from REST (the stub).
import type { AddressInfo } from "node:net";
import ccxt from "ccxt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type WebSocket, WebSocketServer } from "ws";
import { type Candle, candleAt, sliceColumns } from "../src/candle-columns.ts";
import { type ExchangeStub, startExchangeStub } from "../src/exchange-stub/index.ts";
import { type LiveStatus, liveCandles } from "../src/live/live-candles.ts";
import { bundledColumns } from "./helpers.ts";

const MINUTE = 60_000;
const start = Date.UTC(2025, 7, 1);
let stub: ExchangeStub;
let minutes: Awaited<ReturnType<typeof bundledColumns>>;

/** A Binance-like kline stream: answers SUBSCRIBE, records what was subscribed, pushes klines. */
class KlineStreamServer {
  readonly subscriptions: string[] = [];
  private readonly server: WebSocketServer;
  private readonly sockets = new Set<WebSocket>();
  private constructor(server: WebSocketServer) {
    this.server = server;
    server.on("connection", (socket) => {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
      socket.on("message", (raw) => {
        const request = JSON.parse(String(raw)) as { method?: string; params?: string[]; id?: number };
        if (request.method !== "SUBSCRIBE") return;
        this.subscriptions.push(...(request.params ?? []));
        socket.send(JSON.stringify({ result: null, id: request.id }));
      });
    });
  }
  static async start(): Promise<KlineStreamServer> {
    const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
    await new Promise<void>((resolve) => server.once("listening", resolve));
    return new KlineStreamServer(server);
  }
  /** ccxt's spot stream URL (the "/stream" in it tells ccxt the stream is spot). */
  get url(): string {
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/stream/ws`;
  }
  /** One kline event as Binance sends it; prices are made up so a test can tell them from REST's. */
  push(openTime: number, closed: boolean, price = 1): void {
    const k = {
      t: openTime,
      T: openTime + MINUTE - 1,
      s: "BTCUSDT",
      i: "1m",
      f: 1,
      L: 2,
      o: String(price),
      c: String(price),
      h: String(price),
      l: String(price),
      v: "1",
      n: 2,
      x: closed,
      q: String(price),
      V: "0.5",
      Q: String(price / 2),
      B: "0",
    };
    const message = JSON.stringify({ e: "kline", E: openTime + 1, s: "BTCUSDT", k });
    for (const socket of this.sockets) socket.send(message);
  }
  dropConnections(): void {
    for (const socket of this.sockets) socket.terminate();
  }
  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

beforeAll(async () => {
  const all = await bundledColumns("BTC/USDT", "1m");
  const first = all.time.indexOf(start);
  minutes = sliceColumns(all, first, first + 120);
  stub = await startExchangeStub({ candles: { "BTC/USDT": { "1m": minutes } }, now: start });
});
afterAll(async () => {
  await stub?.stop();
});

async function until(predicate: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (predicate()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`gave up waiting for ${what}`);
}
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A ccxt.pro Binance client: REST on the stub, the kline stream on our server. */
async function proClient(streamUrl: string) {
  const config = stub.ccxtConfig() as { urls: { api: Record<string, string> } };
  const exchange = new ccxt.pro.binance({
    ...config,
    urls: { api: { ...config.urls.api, ws: { spot: streamUrl } } },
  });
  await exchange.loadHttpProxyAgent(); // ccxt wants a plain http agent for ws:// (the exchange is wss://)
  return exchange;
}

describe("live candles woken by Binance's kline stream", () => {
  it("a kline of the next candle wakes the stream at once; each closed candle once, in order, with REST's values", async () => {
    const klines = await KlineStreamServer.start();
    const exchange = await proClient(klines.url);
    stub.setNow(start + 20 * MINUTE + 10_000);
    const abort = new AbortController();
    const delivered: Candle[] = [];
    const statuses: LiveStatus[] = [];
    const timeAsked = () => stub.requests.filter((r) => r.path === "/api/v3/time").length;
    const consuming = (async () => {
      for await (const candle of liveCandles({
        exchange,
        symbol: "BTC/USDT",
        timeframe: "1m",
        after: start + 18 * MINUTE,
        // Polling alone would wait a minute: anything sooner was the socket.
        pollIntervalMs: 60_000,
        signal: abort.signal,
        onStatus: (s) => statuses.push(s),
      })) {
        delivered.push(candle);
      }
    })();
    try {
      await until(() => delivered.length === 1, "the 00:19 candle missed before the start");
      await until(() => klines.subscriptions.includes("btcusdt@kline_1m"), "the kline subscription");

      // Updates of the forming 00:20 candle (and its close) wake nothing: it has not closed by the clock.
      klines.push(start + 20 * MINUTE, false, 5);
      klines.push(start + 20 * MINUTE, false, 6);
      await pause(300);
      expect(delivered).toHaveLength(1);

      const wakes: number[] = [];
      for (const minute of [21, 22, 23]) {
        const asked = timeAsked();
        stub.setNow(start + minute * MINUTE + 200);
        klines.push(start + (minute - 1) * MINUTE, true, 7); // the final kline of the closed candle
        const pushedAt = Date.now();
        klines.push(start + minute * MINUTE, false, 8); // the next candle opened: wake up
        await until(() => delivered.length === minute - 19, `the 00:${minute - 1} candle`, 5_000);
        wakes.push(Date.now() - pushedAt);
        // One look at the exchange clock per wake-up, no polling in between.
        expect(timeAsked() - asked).toBe(1);
        klines.push(start + minute * MINUTE, false, 9); // a repeat of the forming candle: nothing new
      }
      await pause(300);
      console.log(`socket push → closed candle delivered: ${wakes.map((ms) => `${ms} ms`).join(", ")}`);

      expect(delivered).toEqual([19, 20, 21, 22].map((i) => candleAt(minutes, i)));
      expect(statuses.some((s) => s.state === "polling")).toBe(false);
    } finally {
      abort.abort();
      await consuming;
      await exchange.close();
      await klines.stop();
    }
  });

  it("when the stream drops, falls back to REST polling without losing or repeating a candle", async () => {
    const klines = await KlineStreamServer.start();
    const exchange = await proClient(klines.url);
    stub.setNow(start + 40 * MINUTE + 10_000);
    const abort = new AbortController();
    const delivered: Candle[] = [];
    const statuses: LiveStatus[] = [];
    const consuming = (async () => {
      for await (const candle of liveCandles({
        exchange,
        symbol: "BTC/USDT",
        timeframe: "1m",
        pollIntervalMs: 20,
        signal: abort.signal,
        onStatus: (s) => statuses.push(s),
      })) {
        delivered.push(candle);
      }
    })();
    try {
      await until(() => klines.subscriptions.includes("btcusdt@kline_1m"), "the kline subscription");
      stub.setNow(start + 41 * MINUTE + 100);
      klines.push(start + 41 * MINUTE, false);
      await until(() => delivered.length === 1, "the 00:40 candle, woken by the socket");
      klines.dropConnections();
      await until(() => statuses.some((s) => s.state === "polling"), "the fallback to polling");
      stub.setNow(start + 43 * MINUTE + 100);
      await until(() => delivered.length === 3, "00:41 and 00:42 by polling");
      await pause(100);
      expect(delivered).toEqual([40, 41, 42].map((i) => candleAt(minutes, i)));
    } finally {
      abort.abort();
      await consuming;
      await exchange.close();
      await klines.stop();
    }
  });
});
