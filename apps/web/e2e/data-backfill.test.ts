// @vitest-environment node
// A trader backfills candles from the Data page: the real server and runner processes, the runner's ccxt
// client sent to the exchange stub through EXCHANGE_API_URLS (the production setting for API endpoints).
import { bundledFile, type CandleColumns, readCandleFile, sliceColumns } from "@tradegraph/market-data";
import { type ExchangeStub, startExchangeStub } from "@tradegraph/market-data/exchange-stub";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "./harness.ts";

const DAY = 86_400_000;
const start = Date.UTC(2025, 5, 1);
const days = 3; // 4,320 one-minute candles: five pages of at most 1,000

describe("backfill from the Data page in a real browser", () => {
  let app: TestApp;
  let stub: ExchangeStub;
  let served: CandleColumns;
  beforeAll(async () => {
    const file = await readCandleFile(bundledFile("BTC/USDT", "1m").path, { timeframe: "1m" });
    if (!file.ok) throw new Error("bundled BTC/USDT 1m candles do not parse");
    const first = file.candles.time.indexOf(start);
    served = sliceColumns(file.candles, first, first + days * 1440);
    // Some latency per request, so the bar is seen moving between pages.
    stub = await startExchangeStub({
      candles: { "BTC/USDT": { "1m": served } },
      now: start + days * DAY,
      latencyMs: 250,
    });
    const api = { public: `${stub.url}/api/v3`, private: `${stub.url}/api/v3`, v1: `${stub.url}/api/v1` };
    app = await startTestApp({ env: { EXCHANGE_API_URLS: JSON.stringify({ binance: api }) } });
  }, 240_000);
  afterAll(async () => {
    await app?.stop();
    await stub?.stop();
  });

  it("refuses a too-large range with the server's reason, then fills the bar to 100% and lists the new series", async () => {
    const { page } = app;
    await page.goto(app.url);
    await page.getByText("Create the first account").waitFor();
    await page.locator('input[type="email"]').fill("backfill@example.com");
    await page.locator('input[type="password"]').fill("correct horse battery");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByTestId("signed-in-as").waitFor();
    await page.goto(`${app.url}/#/data`);
    await page.getByTestId("backfill-form").waitFor();

    await page.getByTestId("backfill-exchange").click();
    for (const name of ["Binance", "Binance US", "Kraken"])
      await page.getByRole("option", { name, exact: true }).waitFor();
    await page.getByRole("option", { name: "Binance", exact: true }).click();
    await page.getByTestId("backfill-timeframe").click();
    await page.getByRole("option", { name: "1m", exact: true }).click();
    await page.getByTestId("backfill-symbol").fill("BTC/USDT");

    // Five years of minutes is more than one backfill may fetch: the server says so, nothing starts.
    await page.getByTestId("backfill-from").fill("2020-06-01");
    await page.getByTestId("backfill-to").fill("2025-06-03");
    await page.getByTestId("backfill-start").click();
    await page.getByTestId("backfill-error").waitFor();
    const minutesAsked = (Date.UTC(2025, 5, 4) - Date.UTC(2020, 5, 1)) / 60_000; // To is inclusive
    expect(await page.getByTestId("backfill-error").textContent()).toContain(
      `To: That range holds ${minutesAsked.toLocaleString("en-US")} 1m candles; one backfill fetches at most 1,000,000`,
    );

    await page.getByTestId("backfill-from").fill("2025-06-01");
    await page.getByTestId("backfill-start").click();
    const bar = page.getByTestId("backfill-bar");
    await bar.waitFor();
    // Record every value the bar shows until it is full.
    const seen: number[] = [];
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      const percent = Number(await bar.getAttribute("data-percent"));
      if (seen.at(-1) !== percent) seen.push(percent);
      if (percent === 100) break;
      await page.waitForTimeout(40);
    }
    await app.screenshot("data-backfill-done");
    expect(seen.at(-1)).toBe(100);
    expect(seen.some((p) => p > 0 && p < 100)).toBe(true); // seen moving, not just empty then full
    expect([...seen].sort((a, b) => a - b)).toEqual(seen); // never backwards
    await page.locator('[data-testid="backfill-progress"][data-state="succeeded"]').waitFor();
    expect(await page.getByTestId("backfill-count").textContent()).toBe("4,320 / 4,320 candles");
    expect(await page.getByTestId("backfill-outcome").textContent()).toBe(
      "4,320 new candles stored, 4,320 of 4,320 in range",
    );

    // The coverage list refreshes with the new series: every served minute, no gaps.
    const row = page.getByTestId("coverage-row").filter({ hasText: "BTC/USDT 1m" });
    await row.waitFor();
    expect(await row.textContent()).toContain("2025-06-01");
    expect(await row.textContent()).toContain("4,320");
    expect(await row.textContent()).toContain("0 (0 missing)");
    const recent = page.getByTestId("recent-backfill").first();
    expect(await recent.textContent()).toContain("BTC/USDT 1m · Binance · 2025-06-01 → 2025-06-03");
    expect(await recent.textContent()).toContain("Done");
  }, 180_000);

  it("shows the runner's reason when the exchange has no such market", async () => {
    const { page } = app;
    await page.getByTestId("backfill-symbol").fill("DOGE/BTC");
    await page.getByTestId("backfill-start").click();
    await page.locator('[data-testid="backfill-progress"][data-state="failed"]').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("backfill-outcome").textContent()).toMatch(
      /binance has no market DOGE\/BTC/,
    );
  }, 90_000);

  it("after a reload, Follow puts a backfill that is still working back on the live bar", async () => {
    const { page } = app;
    // The runner's first request gets no answer until ccxt's timeout, then is retried: time to reload.
    stub.hangNext(1);
    await page.getByTestId("backfill-symbol").fill("BTC/USDT");
    await page.getByTestId("backfill-to").fill("2025-06-02");
    await page.getByTestId("backfill-start").click();
    await page.locator('[data-testid="backfill-progress"][data-state="running"]').waitFor();
    await page.reload();
    const running = page.getByTestId("recent-backfill").filter({ hasText: "Running" });
    await running.getByRole("button", { name: "Follow" }).click();
    await page
      .locator('[data-testid="backfill-progress"][data-state="succeeded"]')
      .waitFor({ timeout: 60_000 });
    // Those two days were stored by the first backfill: all there, none new.
    expect(await page.getByTestId("backfill-outcome").textContent()).toBe(
      "0 new candles stored, 2,880 of 2,880 in range",
    );
  }, 120_000);
});
