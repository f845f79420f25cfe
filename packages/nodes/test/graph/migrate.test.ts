import { describe, expect, it } from "vitest";
import { z } from "zod";
import { compile } from "../../src/compiler/compile.ts";
import { defineNode } from "../../src/contract.ts";
import { migrateDocument } from "../../src/graph/migrate.ts";
import { listNodeDefinitions } from "../../src/registry/default-registry.ts";
import { createRegistry } from "../../src/registry/registry.ts";
import oldGraph from "../fixtures/migration-v1.graph.json" with { type: "json" };
import newGraph from "../fixtures/migration-v3.graph.json" with { type: "json" };

/**
 * A fixture node at version 3: v1 had `length` (bars), v2 renamed it `period`, v3 renamed the input
 * `src` to `source` and added `offset`. Real catalogue nodes are all still at version 1.
 */
const shiftedLag = defineNode({
  type: "math.fixtureShift",
  version: 3,
  category: "math",
  title: "Fixture shift",
  description: "Test-only node that exercises the migration mechanism across two versions.",
  inputs: { source: { type: "number", label: "Source", required: true } },
  outputs: { value: { type: "number", label: "Value" } },
  params: z.object({ period: z.number().int().min(1).default(1), offset: z.number().default(0) }),
  migrations: {
    1: ({ length, ...rest }) => ({ ...rest, period: length }),
    2: { params: (p) => ({ ...p, offset: 0 }), renamedInputs: { src: "source" } },
  },
  warmup: (p) => p.period,
  init: () => null,
  step: (_s, io, i) => {
    io.out.value[i] = io.in.source[i]!;
  },
});

const registry = createRegistry([...listNodeDefinitions(), shiftedLag]);

describe("node version migrations", () => {
  it("upgrades an old document to the current JSON, rewiring renamed ports", () => {
    const result = migrateDocument(z.any().parse(oldGraph), registry);
    expect(result.problems).toEqual([]);
    expect(result.document).toEqual(newGraph);
    expect(result.upgrades).toEqual([
      { nodeId: "shift", type: "math.fixtureShift", fromVersion: 1, toVersion: 3 },
    ]);
  });

  it("is pure: the input document is left unchanged", () => {
    const input = structuredClone(oldGraph);
    migrateDocument(z.any().parse(input), registry);
    expect(input).toEqual(oldGraph);
  });

  it("compiles an old document and lists the upgrade in the plan (never silently)", () => {
    const result = compile(oldGraph, registry);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.plan.upgrades).toHaveLength(1);
    expect(result.plan.nodes.find((n) => n.id === "shift")?.params).toEqual({ period: 12, offset: 0 });
  });

  it("reports a version newer than the registry knows", () => {
    const doc = structuredClone(newGraph);
    doc.nodes.find((n) => n.id === "shift")!.version = 4;
    const result = compile(doc, registry);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toContainEqual(
        expect.objectContaining({ nodeId: "shift", code: "unknownVersion" }),
      );
    }
  });

  it("reports a missing migration step instead of guessing", () => {
    const noMigrations = createRegistry([
      ...listNodeDefinitions(),
      { ...shiftedLag, migrations: { 2: shiftedLag.migrations![2]! } },
    ]);
    const result = compile(oldGraph, noMigrations);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      const error = result.errors.find((e) => e.nodeId === "shift");
      expect(error?.code).toBe("unknownVersion");
      expect(error?.message).toContain("no migration from version 1");
    }
  });
});
