import { describe, expect, it } from "vitest";
import { NODE_CATEGORIES } from "../../src/contract.ts";
import { createRegistry, getNodeDefinition, listNodeDefinitions, nodeRegistry } from "../../src/index.ts";
import { PORT_TYPES } from "../../src/ports.ts";

describe("node registry", () => {
  const definitions = listNodeDefinitions();

  it("has unique type ids", () => {
    const ids = definitions.map((d) => d.type);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("gives each definition a category-prefixed id, a known category and known port types", () => {
    for (const d of definitions) {
      expect(NODE_CATEGORIES).toContain(d.category);
      expect(d.type.startsWith(`${d.category}.`), d.type).toBe(true);
      for (const port of [...Object.values(d.inputs), ...Object.values(d.outputs)]) {
        expect(PORT_TYPES, `${d.type} port ${port.label}`).toContain(port.type);
      }
      expect(d.description.length, d.type).toBeGreaterThan(20);
    }
  });

  it("parses every definition's default params and reports a warm-up", () => {
    for (const d of definitions) {
      const params = d.params.parse({});
      expect(Number.isInteger(d.warmup(params)), d.type).toBe(true);
    }
  });

  it("looks definitions up by type and exact version", () => {
    expect(getNodeDefinition("order.enterLong", 1)?.title).toBe("Enter long");
    expect(getNodeDefinition("order.enterLong", 2)).toBeUndefined();
    expect(getNodeDefinition("order.nope", 1)).toBeUndefined();
    expect(nodeRegistry.latest("risk.cooldown")?.version).toBe(1);
  });

  it("refuses a registry with the same type twice", () => {
    const one = definitions[0]!;
    expect(() => createRegistry([one, one])).toThrow(`"${one.type}" is registered twice`);
  });
});
