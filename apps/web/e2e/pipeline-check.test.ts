// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "./harness.ts";

describe("walking skeleton in a real browser", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  }, 240_000); // may build the web app first on a busy machine
  afterAll(async () => {
    await app?.stop();
  });

  it("shows the strategy canvas with catalogue nodes", async () => {
    const consoleErrors: string[] = [];
    app.page.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(m.text());
    });
    await app.page.goto(`${app.url}/#/pipeline`);
    await app.page.locator(".react-flow__node").first().waitFor();
    expect(await app.page.locator(".react-flow__node").count()).toBeGreaterThanOrEqual(3);
    expect(await app.page.locator('[data-testid="node-data.candles"]').count()).toBe(1);
    expect(await app.page.locator(".react-flow__edge").count()).toBeGreaterThanOrEqual(2);
    await app.screenshot("skeleton-canvas");
    expect(consoleErrors).toEqual([]);
  });

  it("starts the pipeline check and shows the runner's result arriving live", async () => {
    const { page } = app;
    await page.getByTestId("skeleton-start").click();
    await page.locator('[data-testid="skeleton-run"][data-status="succeeded"]').waitFor({ timeout: 60_000 });
    const result = page.getByTestId("skeleton-result");
    // Documented in data/candles/README.md for binance_BTCUSDT_1h.csv.gz.
    expect(await result.locator('[data-field="File"]').textContent()).toBe("binance_BTCUSDT_1h.csv.gz");
    expect(await result.locator('[data-field="Candles"]').textContent()).toBe("72,866");
    expect(await result.locator('[data-field="First candle"]').textContent()).toBe("2018-01-01 00:00 UTC");
    expect(await result.locator('[data-field="Last candle"]').textContent()).toBe("2026-04-30 03:00 UTC");
    expect(await result.locator('[data-field="Missing candles"]').textContent()).toBe("122");
    await app.screenshot("skeleton-result");
    // The same result is in the database, written by the runner process.
    const run = await app.db.prisma.run.findFirstOrThrow({ where: { kind: "skeleton" } });
    expect(run.status).toBe("succeeded");
    expect(run.result).toMatchObject({ rows: 72866, file: "binance_BTCUSDT_1h.csv.gz" });
  });
});
