#!/usr/bin/env node
// npm run bench: runs the `bench` script of every workspace that has one (one at a time),
// collects the recorded entries, prints a table and writes bench/results.json.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { listWorkspaces, repoRoot } from "./lib/workspaces.mjs";

const tmp = mkdtempSync(join(tmpdir(), "tg-bench-"));
const entries = [];
const failures = [];

function parseLines(text, source) {
  for (const line of text.split("\n")) {
    const at = line.indexOf("BENCH {");
    if (at === -1) continue;
    try {
      entries.push({ ...JSON.parse(line.slice(at + 6)), source });
    } catch {
      failures.push(`${source}: unreadable BENCH line: ${line}`);
    }
  }
}

function run(workspace, file) {
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "bench", "--silent"], {
      cwd: workspace.dir,
      env: { ...process.env, NODE_ENV: "production", TRADEGRAPH_BENCH_OUT: file },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      process.stdout.write(chunk);
    });
    child.on("close", (code) => resolve({ code, out }));
  });
}

for (const [index, workspace] of listWorkspaces().entries()) {
  if (!workspace.manifest.scripts?.bench) continue;
  console.log(`\n━━ ${workspace.path} ━━`);
  const file = join(tmp, `${index}.jsonl`);
  const { code, out } = await run(workspace, file);
  if (code !== 0) failures.push(`${workspace.path}: bench script exited with code ${code}`);
  parseLines(out, workspace.path);
  if (existsSync(file)) parseLines(readFileSync(file, "utf8").replace(/^/gm, "BENCH "), workspace.path);
}
rmSync(tmp, { recursive: true, force: true });

const results = entries.map(({ source: _source, ...entry }) => entry);
mkdirSync(join(repoRoot, "bench"), { recursive: true });
writeFileSync(join(repoRoot, "bench", "results.json"), `${JSON.stringify(results, null, 2)}\n`);

console.log("\nBenchmarks");
const width = Math.max(10, ...entries.map((e) => e.name.length));
for (const e of entries) {
  const value = Number(e.value.toPrecision(4)).toLocaleString("en-US");
  const vs =
    e.baseline === undefined ? "" : `  (baseline ${e.baseline}, ratio ${e.ratio?.toFixed(2) ?? "-"})`;
  console.log(`  ${e.name.padEnd(width)}  ${value} ${e.unit}${vs}  [${e.source}]`);
}
console.log(`${results.length} results written to bench/results.json`);
for (const f of failures) console.error(`error: ${f}`);
process.exit(failures.length > 0 ? 1 : 0);
