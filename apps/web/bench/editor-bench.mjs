// Editor responsiveness with a 200-node graph in real headless Chromium: time to first full render,
// frame times while dragging a node and while panning, and the latency of a param edit (store update +
// live compile of all 200 nodes + re-render) until the next painted frame.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { chromium } from "playwright-core";
import { build, preview } from "vite";
import { recordBench } from "../../../scripts/bench-record.mjs";

const root = fileURLToPath(new URL(".", import.meta.url));
// A production build, as users get it (React's development build is several times slower).
const outDir = mkdtempSync(join(tmpdir(), "editor-bench-"));
await build({
  root,
  configFile: false,
  plugins: [react()],
  logLevel: "warn",
  build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 5000 },
});
const server = await preview({
  root,
  configFile: false,
  logLevel: "warn",
  build: { outDir },
  preview: { host: "127.0.0.1", port: 0 },
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  page.on("pageerror", (e) => console.error("page error:", e.message));
  // Warm-up load (disk and compile caches), then the measured load.
  await page.goto(server.resolvedUrls.local[0]);
  await page.waitForFunction(() => document.querySelectorAll(".react-flow__node").length >= 200, null, {
    timeout: 120_000,
  });
  await page.reload();
  await page.waitForFunction(() => document.querySelectorAll(".react-flow__node").length >= 200, null, {
    timeout: 120_000,
  });
  const nodeCount = await page.evaluate(() => window.benchNodeCount);
  const firstRenderMs = await page.evaluate(() => performance.now() - window.benchMountStart);

  const frameTimes = async (action) => {
    await page.evaluate(() => {
      window.benchFrames = [];
      let last = performance.now();
      const tick = (t) => {
        window.benchFrames.push(t - last);
        last = t;
        if (window.benchFrames.length < 100000) window.benchRaf = requestAnimationFrame(tick);
      };
      window.benchRaf = requestAnimationFrame(tick);
    });
    await action();
    const frames = await page.evaluate(() => {
      cancelAnimationFrame(window.benchRaf);
      return window.benchFrames.slice(1);
    });
    frames.sort((a, b) => a - b);
    const pick = (q) => frames[Math.min(frames.length - 1, Math.floor(q * frames.length))];
    return { p50: pick(0.5), p95: pick(0.95), max: frames.at(-1), count: frames.length };
  };

  // Drag one node across the canvas in 60 mouse steps.
  const box = await page.locator(".react-flow__node[data-id='sma_10']").boundingBox();
  const drag = await frameTimes(async () => {
    await page.mouse.move(box.x + 20, box.y + 8);
    await page.mouse.down();
    await page.mouse.move(box.x + 320, box.y + 208, { steps: 60 });
    await page.mouse.up();
  });

  // Pan the whole canvas by dragging empty space.
  const pane = await page.locator(".react-flow__pane").boundingBox();
  const pan = await frameTimes(async () => {
    await page.mouse.move(pane.x + pane.width - 60, pane.y + 40);
    await page.mouse.down();
    await page.mouse.move(pane.x + pane.width - 460, pane.y + 240, { steps: 60 });
    await page.mouse.up();
  });

  // Param edits: store update + compile of the whole graph + React re-render, until the next frame.
  const edit = await page.evaluate(async () => {
    const samples = [];
    for (let k = 0; k < 30; k++) {
      const t0 = performance.now();
      window.benchStore.setParam("sma_20", "period", 10 + k);
      await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
      samples.push(performance.now() - t0);
    }
    samples.sort((a, b) => a - b);
    return { p50: samples[15], p95: samples[28] };
  });

  const label = `editor, ${nodeCount}-node graph`;
  recordBench({ name: `${label}: first full render`, unit: "ms", value: Math.round(firstRenderMs) });
  recordBench({ name: `${label}: node drag frame time p50`, unit: "ms", value: +drag.p50.toFixed(2) });
  recordBench({ name: `${label}: node drag frame time p95`, unit: "ms", value: +drag.p95.toFixed(2) });
  recordBench({ name: `${label}: pan frame time p95`, unit: "ms", value: +pan.p95.toFixed(2) });
  recordBench({ name: `${label}: param edit to next frame p50`, unit: "ms", value: +edit.p50.toFixed(2) });
  recordBench({ name: `${label}: param edit to next frame p95`, unit: "ms", value: +edit.p95.toFixed(2) });
} finally {
  await browser.close();
  await server.close();
  rmSync(outDir, { recursive: true, force: true });
}
