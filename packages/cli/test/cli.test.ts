import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../../../", import.meta.url));
const bin = fileURLToPath(new URL("../bin/tradegraph.mjs", import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

/** Runs the real CLI in a child process; resolves with exit code and output, never throws on exit 1. */
async function tradegraph(args: string[], command = process.execPath, prefix: string[] = [bin]) {
  try {
    const { stdout, stderr } = await run(command, [...prefix, ...args], { cwd: root, timeout: 90_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("tradegraph CLI", { timeout: 120_000 }, () => {
  it("nodes --json lists 45+ node types of every category with ports and JSON Schema params", async () => {
    const { code, stdout } = await tradegraph(["nodes", "--json"]);
    expect(code).toBe(0);
    const { count, nodes } = JSON.parse(stdout);
    expect(count).toBe(nodes.length);
    expect(count).toBeGreaterThanOrEqual(45);
    expect(new Set(nodes.map((n: { category: string }) => n.category))).toEqual(
      new Set(["data", "indicator", "math", "logic", "ml", "risk", "order"]),
    );
    const entry = nodes.find((n: { type: string }) => n.type === "order.enterLong");
    expect(entry.inputs.map((p: { key: string }) => p.key)).toEqual(["when", "risk", "exits", "size"]);
    expect(entry.params.properties.orderType).toMatchObject({
      type: "string",
      enum: ["market", "limit"],
      default: "market",
    });
    const stop = nodes.find((n: { type: string }) => n.type === "order.stopLoss");
    expect(stop.params.properties.percent).toMatchObject({
      type: "number",
      unit: "%",
      label: "Distance",
      optimisable: true,
    });
  });

  it("validate exits 0 for a valid graph", async () => {
    const { code, stdout } = await tradegraph(["validate", fixture("valid.graph.json")]);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe("valid: 11 nodes, 2 order nodes");
  });

  it("validate prints one line per error (nodeId.portOrParam: reason) and exits 1", async () => {
    const { code, stderr } = await tradegraph(["validate", fixture("invalid.graph.json")]);
    expect(code).toBe(1);
    expect(stderr.trim().split("\n")).toEqual([
      "emaFast.period: Too small: expected number to be >=2",
      'goldenCross.b: expects number but "candles.candles" gives candles',
      "buy.risk: an entry must pass at least one risk gate: connect a risk gate's output here",
      "drawdown: does not lead to any order node: connect its output or remove it",
    ]);
  });

  it("validate --json gives machine-readable errors", async () => {
    const { code, stdout } = await tradegraph(["validate", "--json", fixture("invalid.graph.json")]);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.valid).toBe(false);
    expect(report.errors).toContainEqual({
      nodeId: "buy",
      port: "risk",
      code: "noRiskGate",
      message: expect.any(String),
    });
  });

  it("validate names a missing file", async () => {
    const { code, stderr } = await tradegraph(["validate", "nope.json"]);
    expect(code).toBe(1);
    expect(stderr.trim()).toBe("graph: nope.json: file not found");
  });

  it("runs as `npx tradegraph` from the repository root (workspace bin link)", async () => {
    const { code, stdout } = await tradegraph(
      ["validate", fixture("valid.graph.json")],
      `${root}node_modules/.bin/tradegraph`,
      [],
    );
    expect(code).toBe(0);
    expect(stdout).toContain("valid:");
  });
});
