// @vitest-environment node
import { readFileSync } from "node:fs";
import { bundledFile, type CandleColumns, readCandleFile, sliceColumns } from "@tradegraph/market-data";
import { type ExchangeStub, startExchangeStub } from "@tradegraph/market-data/exchange-stub";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "./harness.ts";

/** Drops a palette node onto the canvas at (x, y) relative to the canvas' top-left corner. */
async function dropNode(page: Page, type: string, x: number, y: number) {
  await page.getByPlaceholder("Search nodes").fill(type.split(".")[1]!);
  await page
    .locator(`[data-node-type="${type}"]`)
    .dragTo(page.locator(".react-flow__pane"), { targetPosition: { x, y } });
  await page.getByPlaceholder("Search nodes").fill("");
}

/** Drags from an output handle to an input handle, like a trader connecting two ports. */
async function connect(page: Page, from: string, fromPort: string, to: string, toPort: string) {
  const source = page.locator(
    `.react-flow__node[data-id="${from}"] .react-flow__handle.source[data-handleid="${fromPort}"]`,
  );
  const target = page.locator(
    `.react-flow__node[data-id="${to}"] .react-flow__handle.target[data-handleid="${toPort}"]`,
  );
  const a = (await source.boundingBox())!;
  const b = (await target.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
  await page.mouse.up();
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Exchange clock when the paper deployment starts (its first live candle closes an hour later). */
const LIVE_START = Date.UTC(2025, 2, 1);
const utcSeconds = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace("T", " ");

/** Stored candles of the journey's series (BTC/USDT 1h) with open time in [from, to). */
async function storedBars(app: TestApp, from: number, to: number): Promise<number> {
  const [row] = await app.db.prisma.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM "Candle" c JOIN "CandleSeries" s ON s.id = c."seriesId"
    WHERE s.symbol = 'BTC/USDT' AND s.timeframe = '1h' AND c."openTime" >= ${from} AND c."openTime" < ${to}`;
  return Number(row!.n);
}

describe("a new trader in a real browser", () => {
  let app: TestApp;
  let stub: ExchangeStub;
  let served: CandleColumns;
  beforeAll(async () => {
    // The paper deployment reads closed candles from an exchange: the Binance stub serving real 2025
    // BTC/USDT hours, whose clock the test moves forward.
    const file = await readCandleFile(bundledFile("BTC/USDT", "1h").path, { timeframe: "1h" });
    if (!file.ok) throw new Error("bundled BTC/USDT 1h candles do not parse");
    const from = file.candles.time.indexOf(LIVE_START - 30 * DAY);
    served = sliceColumns(file.candles, from, from + 90 * 24);
    stub = await startExchangeStub({ candles: { "BTC/USDT": { "1h": served } }, now: LIVE_START + HOUR / 2 });
    const api = { public: `${stub.url}/api/v3`, private: `${stub.url}/api/v3`, v1: `${stub.url}/api/v1` };
    app = await startTestApp({
      viewport: { width: 1920, height: 1080 },
      candles: [{ symbol: "BTC/USDT", timeframe: "1h" }],
      env: { EXCHANGE_API_URLS: JSON.stringify({ binance: api }), RUNNER_CANDLE_POLL_MS: "200" },
    });
  }, 240_000);
  afterAll(async () => {
    await app?.stop();
    await stub?.stop();
  });

  it("signs up, builds a strategy by dragging and connecting, fixes a validation error, saves, backtests, exports/imports, deploys to paper and stops it", async () => {
    const { page } = app;
    await page.goto(app.url);

    // Sign up: a fresh install offers to create the first account.
    await page.getByText("Create the first account").waitFor();
    await page.locator('input[type="email"]').fill("trader@example.com");
    await page.locator('input[type="password"]').fill("correct horse battery");
    await app.screenshot("journey-01-sign-up");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByTestId("strategies-empty").waitFor();
    await app.screenshot("journey-02-no-strategies");

    // A new blank strategy.
    await page.getByRole("button", { name: "New strategy" }).click();
    await page.getByRole("dialog").getByLabel("Name").fill("SMA trend");
    await page.getByTestId("create-strategy").click();
    await page.getByTestId("palette").waitFor();

    // Drag eight nodes from the palette and connect them: enter long when price crosses over its SMA,
    // exit when it crosses back under.
    await dropNode(page, "data.candles", 20, 60);
    await dropNode(page, "data.price", 330, 60);
    await dropNode(page, "indicator.sma", 330, 320);
    await dropNode(page, "logic.crossOver", 640, 60);
    await dropNode(page, "risk.maxPositionSize", 640, 360);
    await dropNode(page, "order.enterLong", 950, 180);
    await dropNode(page, "logic.crossUnder", 640, 540);
    await dropNode(page, "order.exit", 950, 540);
    expect(await page.locator(".react-flow__node").count()).toBe(8);
    await connect(page, "candles_1", "candles", "price_1", "candles");
    await connect(page, "price_1", "value", "sma_1", "source");
    await connect(page, "price_1", "value", "crossOver_1", "a");
    await connect(page, "sma_1", "value", "crossOver_1", "b");
    await connect(page, "crossOver_1", "crossed", "enterLong_1", "when");
    await connect(page, "maxPositionSize_1", "risk", "enterLong_1", "risk");
    await connect(page, "price_1", "value", "crossUnder_1", "a");
    await connect(page, "sma_1", "value", "crossUnder_1", "b");
    await connect(page, "crossUnder_1", "crossed", "exit_1", "when");
    expect(await page.locator(".react-flow__edge").count()).toBe(9);
    // An incompatible connection is refused as you drag: candles into a boolean input.
    await connect(page, "candles_1", "candles", "enterLong_1", "when");
    expect(await page.locator(".react-flow__edge").count()).toBe(9);
    await page.getByText("Graph valid").waitFor();
    await app.screenshot("journey-03-connected");

    // A validation error on the node, then fixed in the inspector.
    await page.locator('.react-flow__node[data-id="sma_1"]').click();
    const period = page.locator('[data-param="period"]');
    await period.fill("0");
    await page.getByTestId("errors-sma_1").waitFor();
    expect(await page.getByTestId("errors-sma_1").textContent()).toMatch(/>=\s*1|too small/i);
    await app.screenshot("journey-04-validation-error");
    await period.fill("20");
    await page.getByText("Graph valid").waitFor();

    // Save a version with a message.
    await page.getByTestId("save-button").click();
    await page.getByTestId("version-message").fill("First SMA trend");
    await page.getByTestId("save-version").click();
    await page.getByText("v1 saved").waitFor();
    await app.screenshot("journey-05-saved");

    // Export the graph, then import it back as a new strategy.
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export graph JSON" }).click();
    const file = await (await download).path();
    const exported = JSON.parse(readFileSync(file, "utf8"));
    expect(exported.nodes).toHaveLength(8);
    expect(exported.nodes.find((n: { id: string }) => n.id === "sma_1").params).toEqual({ period: 20 });

    // Backtest: the run is queued and its progress shown beside the canvas.
    await page.getByTestId("backtest-button").click();
    await page
      .getByTestId("results-running")
      .or(page.getByTestId("results"))
      .or(page.getByTestId("results-failed"))
      .waitFor();
    await app.screenshot("journey-06-backtest");
    // The runner process computes it on real candles; metrics, equity chart and trades open beside the canvas.
    await page.getByTestId("results").waitFor({ timeout: 90_000 });
    const chart = page.getByTestId("results-chart");
    await chart.locator("canvas").first().waitFor();
    await chart.and(page.locator("[data-candles]")).waitFor();
    const drawn = async (name: string) => Number(await chart.getAttribute(`data-${name}`));
    // Every stored candle of the run's range is drawn: the chart reads the same store the runner traded on.
    const run = await app.db.prisma.backtestRun.findFirstOrThrow({ where: { status: "succeeded" } });
    const ran = run.settings as { from: number; to: number };
    const barsBefore = (ms: number) => storedBars(app, ran.from, ms);
    const bars = await barsBefore(ran.to);
    expect(bars).toBeGreaterThan(4000);
    expect(await drawn("candles")).toBe(bars);
    // One entry and one exit marker per closed trade; equity and drawdown have their own panes.
    const trades = Number(await page.locator('[data-metric="Trades"]').textContent());
    expect(trades).toBeGreaterThan(0);
    expect(await drawn("markers")).toBe(2 * trades);
    expect(await drawn("equity-points")).toBe(bars);
    expect(await drawn("panes")).toBeGreaterThanOrEqual(3);
    await page.getByTestId("trade-table").waitFor();
    expect(await page.locator("[data-trade-index]").count()).toBe(trades);
    // Fitted at first: the whole run is in view.
    expect(await drawn("visible-from")).toBeLessThanOrEqual(0);
    expect(await drawn("visible-to")).toBeGreaterThanOrEqual(bars - 1);
    await app.screenshot("journey-06b-backtest-finished");

    // Clicking a trade in the middle of the run scrolls the chart to the bars it was held.
    const row = page.locator(`[data-trade-index="${Math.floor(trades / 2)}"]`);
    const entryBar = await barsBefore(Number(await row.getAttribute("data-entry-time")));
    const exitBar = await barsBefore(Number(await row.getAttribute("data-exit-time")));
    await row.click();
    await page.waitForFunction(
      ([entry, exit, all]) => {
        const el = document.querySelector<HTMLElement>('[data-testid="results-chart"]');
        const from = Number(el?.dataset["visibleFrom"]);
        const to = Number(el?.dataset["visibleTo"]);
        return from <= entry! && to >= exit! && to - from < all! / 4;
      },
      [entryBar, exitBar, bars],
    );
    await app.screenshot("journey-06c-trade-opened");

    // Step-through debugger: clicking a bar shows every node's value at that bar on the canvas.
    const priceArea = (await chart.locator("canvas").first().boundingBox())!;
    await page.mouse.click(priceArea.x + priceArea.width / 2, priceArea.y + priceArea.height / 3);
    const shownClose = page.locator('[data-testid^="value-price_1-"]');
    await shownClose.waitFor();
    await page
      .locator('[data-testid^="value-sma_1-"]')
      .getByText(/^\s*= \d+\.\d$/)
      .waitFor();
    // The price node outputs the close: what it shows is the close of a real candle of the run.
    const closes = await app.db.prisma.$queryRaw<{ close: string }[]>`
      SELECT c.close::text AS close FROM "Candle" c JOIN "CandleSeries" s ON s.id = c."seriesId"
      WHERE s.symbol = 'BTC/USDT' AND s.timeframe = '1h' AND c."openTime" >= ${ran.from} AND c."openTime" < ${ran.to}`;
    const shown = (await shownClose.textContent())!.replace(/[=\s]/g, "");
    expect(closes.map((c) => Number(c.close).toFixed(1))).toContain(shown);
    await app.screenshot("journey-06c2-bar-values");

    // A second run with higher slippage, then both side by side.
    await page.getByTestId("backtest-settings-button").click();
    await page.getByTestId("backtest-settings").getByLabel("Slippage").fill("30");
    await page.getByRole("button", { name: "Run with these settings" }).click();
    await page
      .getByTestId("results")
      .getByText(/slippage 30 bps/)
      .waitFor({ timeout: 90_000 });
    await page.getByTestId("side-panel-tabs").getByText("Compare").click();
    await page.getByTestId("compare-runs").waitFor();
    const [latest, previous] = await app.db.prisma.backtestRun.findMany({
      where: { status: "succeeded" },
      orderBy: { createdAt: "desc" },
    });
    const tradesOf = (r: typeof latest) => String((r!.metrics as { trades: number }).trades);
    // A is the earlier run, B the latest; each card shows both and the difference.
    const tradesCard = page.locator('[data-compare-metric="Trades"]');
    expect(await tradesCard.locator('[data-side="a"]').textContent()).toBe(tradesOf(previous));
    expect(await tradesCard.locator('[data-side="b"]').textContent()).toBe(tradesOf(latest));
    // Same trades, more slippage: the later run returns less, and the card says so.
    expect(
      await page.locator('[data-compare-metric="Return"] [data-side="difference"]').textContent(),
    ).toMatch(/^B − A: -\d+\.\d\d pp · A better$/);
    // Both equity curves drawn over every bar of the run.
    const curves = page.getByTestId("compare-equity");
    await curves.and(page.locator("[data-curve-points]")).waitFor();
    expect(await curves.getAttribute("data-curve-points")).toBe(`${bars},${bars}`);
    await app.screenshot("journey-06d-compare-runs");

    // Deploy to paper and see it on the deployments dashboard.
    await page.getByTestId("deploy-button").click();
    await page.getByTestId("deploy-dialog").waitFor();
    // The graph sizes entries at 25% of 10,000 USDT: the account limit must allow such an order.
    await page.getByTestId("deploy-dialog").getByLabel("Max order value").fill("3000");
    await app.screenshot("journey-07-deploy-dialog");
    await page.getByTestId("deploy-submit").click();
    await page.getByTestId("deployment-detail").waitFor();
    await page.getByTestId("deployment-status").waitFor();
    await app.screenshot("journey-08-deployment");
    const deployment = await app.db.prisma.deployment.findFirstOrThrow();
    expect(deployment.mode).toBe("paper");
    expect(deployment.desiredState).toBe("running");

    // Pushed, not polled: each candle the runner records reaches the dashboard over the live stream.
    await page.locator('[data-testid="deployment-push"][data-state="live"]').waitFor();
    const position = page.locator('[data-position="BTC/USDT"]');
    const mark = position.locator('[data-cell="mark"]');
    // The runner warms the strategy up on the candles closed so far, then reports running; only candles
    // closing after that are traded, so the exchange clock moves on from there.
    await expect
      .poll(
        async () =>
          (await app.db.prisma.deployment.findUniqueOrThrow({ where: { id: deployment.id } })).status,
        { timeout: 30_000 },
      )
      .toBe("running");
    // The last warm-up candle is the first mark: known before any live candle closes.
    const warmUpLast = Math.floor(stub.now / HOUR) * HOUR - HOUR;
    await mark.getByText(`bar of ${utcSeconds(warmUpLast)} UTC`).waitFor({ timeout: 30_000 });
    // A day of candles closes at a time until the strategy holds a position.
    let held: { quantity: number; entry: number; markTime: number } | null = null;
    for (let day = 0; day < 20 && !held; day++) {
      stub.advance(DAY);
      const lastClosed = Math.floor(stub.now / HOUR) * HOUR - HOUR;
      await mark
        .getByText(`bar of ${utcSeconds(lastClosed)} UTC`)
        .waitFor({ timeout: 30_000 })
        .catch(async (error) => {
          const d = await app.db.prisma.deployment.findUniqueOrThrow({ where: { id: deployment.id } });
          const events = await app.db.prisma.deploymentEvent.findMany({ where: { deploymentId: d.id } });
          throw new Error(
            `no candle of ${utcSeconds(lastClosed)} reached the dashboard (${error}); deployment ${d.status} ` +
              `${d.statusReason ?? ""}; events ${JSON.stringify(events.map((e) => e.message))}\n${app.logs()}`,
          );
        });
      const row = await app.db.prisma.position.findFirst({ where: { deploymentId: deployment.id } });
      if (row && Number(row.quantity) !== 0)
        held = { quantity: Number(row.quantity), entry: Number(row.averageEntryPrice), markTime: lastClosed };
    }
    if (!held) throw new Error("the paper deployment never opened a position in 20 days of candles");
    // Unrealised P&L at the close of the last candle the runner saw.
    const close = served.close[served.time.indexOf(held.markTime)]!;
    expect(await mark.textContent()).toContain(String(Number(close.toPrecision(8))));
    await position
      .locator('[data-cell="unrealised"]')
      .getByText(((close - held.entry) * held.quantity).toFixed(2), { exact: true })
      .waitFor();
    // Each recorded candle is also a heartbeat: the header says running and healthy without a reload.
    await page.getByTestId("deployment-status").getByText("running").waitFor();
    await page.getByTestId("deployment-health").getByText("healthy", { exact: true }).waitFor();
    await app.screenshot("journey-08b-position-marked");

    // Emergency stop.
    await page.getByTestId("emergency-stop").click();
    await page.getByTestId("emergency-stop-confirm").click();
    await page.getByText("Emergency stop sent to the runner.").waitFor();
    // The runner flattens at the last close; only its push can tell the open dashboard.
    await position.locator("td").nth(1).getByText("flat", { exact: true }).waitFor({ timeout: 30_000 });
    await app.screenshot("journey-09-emergency-stop");
    const stopped = await app.db.prisma.deployment.findFirstOrThrow();
    expect(stopped.desiredState).toBe("stopped");

    // Re-import the exported graph from the strategies page.
    await page.goto(`${app.url}/#/strategies`);
    await page.getByTestId("strategy-card").first().waitFor();
    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "Import JSON" }).click();
    await (await chooser).setFiles(file);
    await page.getByTestId("palette").waitFor();
    await page.locator('.react-flow__node[data-id="sma_1"]').waitFor();
    expect(await page.locator(".react-flow__node").count()).toBe(8);
    await app.screenshot("journey-10-imported");
  }, 240_000);
});
