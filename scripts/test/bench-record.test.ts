import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const script = `import { recordBench } from "./scripts/bench-record.mjs";
recordBench({ name: "parse BTC/USDT 1h", unit: "rows/s", value: 2000, baseline: 1000 });
recordBench({ name: "plain", unit: "ms", value: 1.5 });`;

function runRecorder(env: NodeJS.ProcessEnv) {
  return execFileSync(process.execPath, ["--input-type=module", "-e", script], {
    cwd: join(import.meta.dirname, "..", ".."),
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
}

describe("recordBench", () => {
  it("prints BENCH lines with the ratio to the baseline when no output file is set", () => {
    const out = runRecorder({ TRADEGRAPH_BENCH_OUT: "" });
    const lines = out.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]?.startsWith("BENCH ")).toBe(true);
    expect(JSON.parse(lines[0]!.slice(6))).toEqual({
      name: "parse BTC/USDT 1h",
      unit: "rows/s",
      value: 2000,
      baseline: 1000,
      ratio: 2,
    });
    expect(JSON.parse(lines[1]!.slice(6))).toEqual({ name: "plain", unit: "ms", value: 1.5 });
  });

  it("appends JSON lines to TRADEGRAPH_BENCH_OUT under npm run bench", () => {
    const file = join(mkdtempSync(join(tmpdir(), "tg-bench-test-")), "out.jsonl");
    const out = runRecorder({ TRADEGRAPH_BENCH_OUT: file });
    expect(out).toBe("");
    const entries = readFileSync(file, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(entries.map((e) => e.name)).toEqual(["parse BTC/USDT 1h", "plain"]);
  });

  it("refuses a value that is not a finite number", () => {
    expect(() =>
      execFileSync(
        process.execPath,
        [
          "--input-type=module",
          "-e",
          `import { recordBench } from "./scripts/bench-record.mjs"; recordBench({ name: "x", unit: "ms", value: NaN });`,
        ],
        { cwd: join(import.meta.dirname, "..", ".."), stdio: "pipe" },
      ),
    ).toThrow(/value must be a finite number/);
  });
});
