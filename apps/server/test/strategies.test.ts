import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedTemplates } from "../src/domain/strategies/templates.ts";
import { defaultExamplesDir } from "../src/services.ts";
import { smaCrossover } from "./fixtures/graphs.ts";
import { expectAppError, expectInputError } from "./helpers/errors.ts";
import { type Caller, createHarness, type Harness } from "./helpers/harness.ts";

let h: Harness;
let trader: Caller;
beforeAll(async () => {
  h = await createHarness();
  trader = (await h.signUp()).caller;
});
afterAll(async () => {
  await h?.close();
});

describe("strategies", () => {
  it("creates with a first version, renames, lists with search", async () => {
    const created = await trader.strategies.create({
      name: "BTC trend",
      graph: smaCrossover(),
      message: "first cut",
    });
    expect(created.latestVersion).toBe(1);
    await trader.strategies.create({ name: "ETH mean reversion" });
    const renamed = await trader.strategies.rename({ strategyId: created.id, name: "BTC trend 20/50" });
    expect(renamed.name).toBe("BTC trend 20/50");
    expect((await trader.strategies.list({ search: "trend" })).map((s) => s.name)).toEqual([
      "BTC trend 20/50",
    ]);
    expect((await trader.strategies.list({ search: "REVERSION" })).map((s) => s.name)).toEqual([
      "ETH mean reversion",
    ]);
    const got = await trader.strategies.get({ strategyId: created.id });
    expect(got.latest?.number).toBe(1);
    expect(got.latest?.message).toBe("first cut");
    expect(typeof got.createdAt).toBe("string"); // dates travel as ISO strings
  });

  it("saves immutable numbered versions, lists, diffs and restores them", async () => {
    const s = await trader.strategies.create({
      name: "Versioned",
      graph: smaCrossover(20, 50),
      message: "v1",
    });
    const v2 = await trader.strategies.saveVersion({
      strategyId: s.id,
      graph: smaCrossover(10, 50),
      message: "faster",
    });
    expect(v2.number).toBe(2);
    const versions = await trader.strategies.versions({ strategyId: s.id });
    expect(versions.map((v) => [v.number, v.message])).toEqual([
      [2, "faster"],
      [1, "v1"],
    ]);
    const diff = await trader.strategies.diff({ strategyId: s.id, from: 1, to: 2 });
    expect(diff.nodesChanged).toEqual([
      {
        nodeId: "fast",
        type: "indicator.sma",
        params: [{ key: "period", before: 20, after: 10 }],
        moved: false,
      },
    ]);
    const restored = await trader.strategies.restoreVersion({ strategyId: s.id, number: 1 });
    expect(restored.number).toBe(3);
    expect(restored.message).toMatch(/^Restored version 1/);
    const v3 = await trader.strategies.version({ strategyId: s.id, number: 3 });
    const v1 = await trader.strategies.version({ strategyId: s.id, number: 1 });
    expect(v3.graph).toEqual(v1.graph);
    // Version 2 is untouched by the restore.
    expect((await trader.strategies.version({ strategyId: s.id, number: 2 })).graph.nodes[2]!.params).toEqual(
      { period: 10 },
    );
    await expectAppError(trader.strategies.version({ strategyId: s.id, number: 99 }), "NOT_FOUND");
  });

  it("numbers concurrent saves without gaps or duplicates", async () => {
    const s = await trader.strategies.create({ name: "Concurrent" });
    const saves = await Promise.all(
      [5, 6, 7, 8, 9].map((fast) =>
        trader.strategies.saveVersion({
          strategyId: s.id,
          graph: smaCrossover(fast, 50),
          message: `fast ${fast}`,
        }),
      ),
    );
    expect(saves.map((v) => v.number).sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it("refuses an invalid graph with node-level issues and stores nothing", async () => {
    const s = await trader.strategies.create({ name: "Invalid", graph: smaCrossover(), message: "ok" });
    const bad = smaCrossover();
    bad.nodes.find((n) => n.id === "fast")!.params = { period: -3 };
    bad.edges.push({ id: "dangling", from: { node: "slow", port: "nope" }, to: { node: "up", port: "a" } });
    const before = await h.db.prisma.strategyVersion.count();
    const error = await expectAppError(
      trader.strategies.saveVersion({ strategyId: s.id, graph: bad, message: "broken" }),
      "GRAPH_INVALID",
    );
    expect(error.graphIssues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ nodeId: "fast", param: "period" }),
        expect.objectContaining({ nodeId: "slow", port: "nope" }),
      ]),
    );
    expect(error.message).toMatch(/^The strategy graph is not valid: node "fast" parameter period/);
    expect(await h.db.prisma.strategyVersion.count()).toBe(before);
    expect((await trader.strategies.get({ strategyId: s.id })).latestVersion).toBe(1);
    await expectAppError(trader.strategies.create({ name: "Also invalid", graph: bad }), "GRAPH_INVALID");
    expect(await h.db.prisma.strategy.count({ where: { name: "Also invalid" } })).toBe(0);
  });

  it("duplicates, soft-deletes and restores", async () => {
    const s = await trader.strategies.create({ name: "Original", graph: smaCrossover(), message: "v1" });
    const copy = await trader.strategies.duplicate({ strategyId: s.id });
    expect(copy.name).toBe("Copy of Original");
    expect(copy.latestVersion).toBe(1);
    expect((await trader.strategies.version({ strategyId: copy.id, number: 1 })).graph).toEqual(
      (await trader.strategies.version({ strategyId: s.id, number: 1 })).graph,
    );
    await trader.strategies.delete({ strategyId: s.id });
    expect((await trader.strategies.list({})).map((x) => x.id)).not.toContain(s.id);
    expect((await trader.strategies.list({ deleted: true })).map((x) => x.id)).toContain(s.id);
    await expectAppError(trader.strategies.get({ strategyId: s.id }), "NOT_FOUND");
    await trader.strategies.restore({ strategyId: s.id });
    expect((await trader.strategies.get({ strategyId: s.id })).latestVersion).toBe(1);
    await expectAppError(trader.strategies.restore({ strategyId: s.id }), "NOT_FOUND");
  });

  it("exports a version as JSON that imports back to the same graph", async () => {
    const s = await trader.strategies.create({
      name: "Round trip",
      graph: smaCrossover(12, 30),
      message: "v1",
    });
    const file = await trader.strategies.export({ strategyId: s.id });
    expect(file.filename).toBe("Round-trip-v1.json");
    const imported = await trader.strategies.import({ json: file.json });
    expect(imported.name).toBe("Round trip");
    const a = await trader.strategies.version({ strategyId: s.id, number: 1 });
    const b = await trader.strategies.version({ strategyId: imported.id, number: 1 });
    expect(b.graph.nodes).toEqual(a.graph.nodes);
    expect(b.graph.edges).toEqual(a.graph.edges);
    expect(b.message).toBe("Imported from a file");
  });

  it("says where a broken import file breaks", async () => {
    const error = await expectAppError(
      trader.strategies.import({ json: '{\n  "nodes": [1,,]\n}' }),
      "VALIDATION_FAILED",
    );
    expect(error.message).toBe('The file is not valid JSON at line 2, column 15: unexpected ",]\\n}".');
  });

  it("rejects an out-of-range input with field errors", async () => {
    await expectInputError(trader.strategies.create({ name: "" }));
    await expectInputError(trader.strategies.rename({ strategyId: "x", name: "n".repeat(121) }));
  });

  it("seeds the template gallery from example files, skipping ones that do not compile", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tg-examples-"));
    writeFileSync(join(dir, "sma-crossover.json"), JSON.stringify(smaCrossover()));
    writeFileSync(join(dir, "broken.json"), JSON.stringify({ ...smaCrossover(), nodes: [] }));
    const report = await seedTemplates(h.deps, dir);
    expect(report.seeded).toEqual(["sma-crossover"]);
    expect(Object.keys(report.skipped)).toEqual(["broken.json"]);
    const templates = await trader.strategies.templates();
    expect(templates.map((t) => t.id)).toEqual(["sma-crossover"]);
    const fromTemplate = await trader.strategies.create({
      name: "From gallery",
      templateId: "sma-crossover",
    });
    expect(fromTemplate.latestVersion).toBe(1);
    await expectAppError(trader.strategies.create({ name: "x", templateId: "missing" }), "NOT_FOUND");
  });

  it("seeds every bundled example strategy into the gallery", async () => {
    const report = await seedTemplates(h.deps, defaultExamplesDir);
    expect(report.skipped).toEqual({});
    expect(report.seeded).toEqual([
      "atr-trailing-stop",
      "bollinger-bounce",
      "ema-trend-confirmed",
      "rsi-mean-reversion",
      "sma-crossover",
    ]);
    const fromExample = await trader.strategies.create({ name: "Trend", templateId: "ema-trend-confirmed" });
    const version = await trader.strategies.version({ strategyId: fromExample.id, number: 1 });
    expect(version.message).toMatch(/^Created from template "/);
    expect(version.graph.nodes.length).toBeGreaterThan(10);
  });
});
