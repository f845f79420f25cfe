// Browser-test harness: a real server and runner (child processes) on a private test database and
// Redis prefix, the built web app, and headless Chromium through playwright-core.
//   const app = await startTestApp();  ...  await app.page.goto(app.url);  ...  await app.stop();
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer } from "node:net";
import { join } from "node:path";
import {
  createTestDatabase,
  createTestRedis,
  type TestDatabase,
  type TestRedis,
} from "@tradegraph/db/testing";
import { bundledFile, CandleStore, importCandleBytes } from "@tradegraph/market-data";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { ensureWebBuilt } from "../../../scripts/lib/web-build.mjs";

const repoRoot = join(import.meta.dirname, "..", "..", "..");
const tsx = join(repoRoot, "node_modules", "tsx", "dist", "cli.mjs");
export const artifactsDir = join(repoRoot, "test-artifacts");

export const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface TestApp {
  /** Base URL of the server, e.g. http://127.0.0.1:41234 (serves the web app and /trpc). */
  url: string;
  page: Page;
  context: BrowserContext;
  browser: Browser;
  db: TestDatabase;
  redis: TestRedis;
  /** Everything server and runner printed, for assertions and failure messages. */
  logs: () => string;
  /** Saves test-artifacts/<name>.png of the current page and returns the path. */
  screenshot(name: string): Promise<string>;
  stop(): Promise<void>;
}

export interface StartTestAppOptions {
  viewport?: { width: number; height: number };
  /** Extra environment for server and runner. */
  env?: Record<string, string>;
  /**
   * Bundled candle series loaded into the test database first, as `npm start` does for a real install,
   * so the results chart (which reads the store through data.candles) has the prices the run traded on.
   */
  candles?: { symbol: string; timeframe: string }[];
}

async function loadBundledSeries(databaseUrl: string, series: { symbol: string; timeframe: string }[]) {
  const store = CandleStore.open(databaseUrl);
  try {
    for (const { symbol, timeframe } of series) {
      const file = bundledFile(symbol, timeframe);
      const imported = await importCandleBytes(store, await readFile(file.path), file);
      if (!imported.ok) throw new Error(`Bundled ${symbol} ${timeframe} candles did not import.`);
    }
  } finally {
    await store.close();
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function startProcess(name: string, entry: string, env: NodeJS.ProcessEnv, output: string[]): ChildProcess {
  const child = spawn(process.execPath, [tsx, entry], {
    cwd: repoRoot,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const collect = (chunk: Buffer) => output.push(`[${name}] ${chunk.toString()}`);
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  return child;
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

async function waitForHealth(url: string, processes: ChildProcess[], logs: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const exited = processes.find((p) => p.exitCode !== null);
    if (exited) throw new Error(`a process exited before the app was ready:\n${logs()}`);
    const ok = await fetch(`${url}/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not become healthy at ${url}/health:\n${logs()}`);
}

export async function startTestApp(options: StartTestAppOptions = {}): Promise<TestApp> {
  ensureWebBuilt();
  const db = await createTestDatabase();
  const redis = createTestRedis();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const logs = () => output.join("");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "test",
    DATABASE_URL: db.url,
    REDIS_URL: redis.url,
    REDIS_PREFIX: redis.prefix,
    SERVER_HOST: "127.0.0.1",
    SERVER_PORT: String(port),
    LOG_LEVEL: "warn",
    ...options.env,
  };
  const server = startProcess("server", "apps/server/src/main.ts", env, output);
  const runner = startProcess("runner", "apps/runner/src/main.ts", env, output);
  const processes = [server, runner];
  let browser: Browser | undefined;
  try {
    // The candles load while the server and runner start up.
    await Promise.all([
      waitForHealth(url, processes, logs),
      options.candles?.length ? loadBundledSeries(db.url, options.candles) : null,
    ]);
    browser = await chromium.launch({
      executablePath: process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium",
      args: chromiumArgs,
    });
    const context = await browser.newContext({ viewport: options.viewport ?? { width: 1440, height: 900 } });
    const page = await context.newPage();
    const openBrowser = browser;
    return {
      url,
      page,
      context,
      browser: openBrowser,
      db,
      redis,
      logs,
      async screenshot(name) {
        mkdirSync(artifactsDir, { recursive: true });
        const path = join(artifactsDir, `${name}.png`);
        await page.screenshot({ path });
        return path;
      },
      async stop() {
        await openBrowser.close();
        await Promise.all(processes.map(stopProcess));
        await db.drop();
        await redis.cleanup();
      },
    };
  } catch (error) {
    await browser?.close();
    await Promise.all(processes.map(stopProcess));
    await db.drop();
    await redis.cleanup();
    throw error;
  }
}
