#!/usr/bin/env node
// npm test: runs every workspace's vitest suite one package at a time (the machine has 2 cores),
// then the repository-level tests in scripts/test, and ends with one line: "N passed, N failed".
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureWebBuilt } from "./lib/web-build.mjs";
import { listWorkspaces, repoRoot } from "./lib/workspaces.mjs";

const only = process.argv.slice(2); // optional: workspace paths or names to run, e.g. apps/server
const vitest = join(repoRoot, "node_modules", "vitest", "vitest.mjs");
const outDir = mkdtempSync(join(tmpdir(), "tg-test-"));
const env = {
  ...process.env,
  NODE_ENV: "test",
  TURBO_TELEMETRY_DISABLED: "1",
  FORCE_COLOR: process.env.FORCE_COLOR ?? "1",
};

const generate = spawnSync(
  process.execPath,
  [join(repoRoot, "scripts", "prisma-generate.mjs"), "--if-needed"],
  {
    stdio: "inherit",
  },
);
if (generate.status !== 0) process.exit(1);
// The browser tests serve the built web app.
if (only.length === 0 || only.some((o) => o.includes("web"))) ensureWebBuilt();

const suites = listWorkspaces()
  .filter((w) => w.manifest.scripts?.test)
  .map((w) => ({ label: w.path, cwd: w.dir, args: [] }));
suites.push({ label: "scripts/test", cwd: repoRoot, args: ["--config", "scripts/vitest.config.ts"] });
const selected =
  only.length === 0 ? suites : suites.filter((s) => only.some((o) => s.label === o || s.label.endsWith(o)));

const results = [];
for (const [index, suite] of selected.entries()) {
  const jsonFile = join(outDir, `${index}.json`);
  console.log(`\n━━ ${suite.label} ━━`);
  const run = spawnSync(
    process.execPath,
    [
      vitest,
      "run",
      ...suite.args,
      "--passWithNoTests",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${jsonFile}`,
    ],
    { cwd: suite.cwd, stdio: "inherit", env },
  );
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  if (existsSync(jsonFile)) {
    const report = JSON.parse(readFileSync(jsonFile, "utf8"));
    passed = report.numPassedTests;
    failed = report.numFailedTests;
    skipped = report.numPendingTests + report.numTodoTests;
    // A file that fails to load has no tests in it but must still count as a failure.
    failed += report.testResults.filter(
      (f) => f.status === "failed" && f.assertionResults.length === 0,
    ).length;
  }
  if (run.status !== 0 && failed === 0) failed = 1; // vitest crashed or exited non-zero without a report
  results.push({ label: suite.label, passed, failed, skipped, code: run.status });
}
rmSync(outDir, { recursive: true, force: true });

console.log("\nSummary");
for (const r of results) {
  const mark = r.failed > 0 ? "FAIL" : "ok  ";
  const extra = r.skipped > 0 ? `, ${r.skipped} skipped` : "";
  console.log(`  ${mark} ${r.label.padEnd(22)} ${r.passed} passed, ${r.failed} failed${extra}`);
}
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
