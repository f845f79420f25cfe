import { MAX_GRAPH_BYTES } from "@tradegraph/contracts";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../src/domain/app-error.ts";
import { smaCrossover } from "./fixtures/graphs.ts";
import { type Caller, createHarness, type Harness } from "./helpers/harness.ts";
import { rng } from "./helpers/random.ts";

let h: Harness;
let trader: Caller;
let strategyId: string;
beforeAll(async () => {
  h = await createHarness();
  trader = (await h.signUp()).caller;
  strategyId = (await trader.strategies.create({ name: "Target", graph: smaCrossover(), message: "v1" })).id;
});
afterAll(async () => {
  await h?.close();
});

async function rowCounts() {
  const [strategies, versions] = await Promise.all([
    h.db.prisma.strategy.count(),
    h.db.prisma.strategyVersion.count(),
  ]);
  return { strategies, versions };
}

/** The call must be refused with a clear error: an AppError, or a zod input error; never anything else. */
async function refused(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    if (error instanceof AppError) {
      expect(["VALIDATION_FAILED", "GRAPH_INVALID"]).toContain(error.appCode);
      expect(error.message.length).toBeGreaterThan(10);
      return error.appCode;
    }
    if (error instanceof TRPCError && error.code === "BAD_REQUEST") return "INPUT";
    throw error;
  }
  throw new Error("a malformed graph was accepted");
}

describe("fuzzed graph imports and saves never crash and never write partial data", () => {
  it("random JSON documents (seed 1, 150 cases)", async () => {
    const before = await rowCounts();
    const r = rng(1);
    for (let k = 0; k < 150; k++) {
      const doc =
        k % 3 === 0
          ? { format: "tradegraph.graph", formatVersion: 1, nodes: r.value(1), edges: r.value(1) }
          : r.value(0);
      await refused(trader.strategies.import({ json: JSON.stringify(doc) ?? "null" }));
      if (k % 5 === 0)
        await refused(trader.strategies.saveVersion({ strategyId, graph: doc, message: "fuzz" }));
    }
    expect(await rowCounts()).toEqual(before);
  });

  it("truncations of a valid export at every 19th character", async () => {
    const before = await rowCounts();
    const { json } = await trader.strategies.export({ strategyId });
    const codes = new Set<string>();
    for (let cut = 0; cut < json.length - 2; cut += 19)
      codes.add(await refused(trader.strategies.import({ json: json.slice(0, cut) })));
    expect([...codes]).toEqual(["VALIDATION_FAILED"]);
    expect(await rowCounts()).toEqual(before);
  });

  it("wrong types in every field of a valid graph (seed 2)", async () => {
    const before = await rowCounts();
    const r = rng(2);
    const wrong = [null, "x", -1, 1.5, [], {}, true, "a.b c", 1e308];
    for (let k = 0; k < 200; k++) {
      const graph = smaCrossover() as unknown as Record<string, unknown>;
      const nodes = graph["nodes"] as Record<string, unknown>[];
      const edges = graph["edges"] as Record<string, unknown>[];
      const target = r.pick([
        () => (graph[r.pick(["format", "formatVersion", "nodes", "edges"])] = r.pick(wrong)),
        () => (r.pick(nodes)[r.pick(["id", "type", "version", "params", "position"])] = r.pick(wrong)),
        () =>
          (r.pick(nodes)["params"] = { period: r.pick(wrong), percent: r.pick(wrong), field: r.pick(wrong) }),
        () => (r.pick(edges)[r.pick(["id", "from", "to"])] = r.pick(wrong)),
        () => ((r.pick(edges)["from"] as Record<string, unknown>)["port"] = r.pick(wrong)),
      ]);
      target();
      try {
        await trader.strategies.import({ json: JSON.stringify(graph) });
        // Some mutations are harmless (e.g. a wrong label-free position fallback); those must store a whole version.
      } catch (error) {
        if (!(error instanceof AppError) && !(error instanceof TRPCError && error.code === "BAD_REQUEST"))
          throw error;
      }
    }
    const after = await rowCounts();
    // Every accepted import wrote exactly one strategy and one version: nothing partial.
    expect(after.versions - before.versions).toBe(after.strategies - before.strategies);
  });

  it("huge inputs: oversized files, thousands of nodes, deep nesting, NUL characters", async () => {
    const before = await rowCounts();
    // Over the transport limit: refused by the input schema before parsing.
    expect(await refused(trader.strategies.import({ json: " ".repeat(2 * MAX_GRAPH_BYTES + 1) }))).toBe(
      "INPUT",
    );
    // Valid JSON, but a graph bigger than the limit.
    const big = smaCrossover();
    for (let k = 0; k < 9000; k++) {
      big.nodes.push({
        id: `c${k}`,
        type: "data.constant",
        version: 1,
        params: { value: k, note: "x".repeat(80) },
        position: { x: k, y: 0 },
      });
    }
    const bigText = JSON.stringify(big);
    expect(bigText.length).toBeGreaterThan(MAX_GRAPH_BYTES);
    const tooBig = await trader.strategies.import({ json: bigText }).catch((e: AppError) => e);
    expect((tooBig as AppError).message).toMatch(/MB; the limit is 1 MB/);
    // A million unclosed brackets and 100k-deep valid nesting.
    expect(await refused(trader.strategies.import({ json: "[".repeat(1_000_000) }))).toBe(
      "VALIDATION_FAILED",
    );
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    expect(await refused(trader.strategies.import({ json: deep }))).toBe("VALIDATION_FAILED");
    const nul = smaCrossover();
    nul.name = "bad\u0000name";
    expect(await refused(trader.strategies.import({ json: JSON.stringify(nul) }))).toBe("VALIDATION_FAILED");
    expect(await rowCounts()).toEqual(before);
  });
});
