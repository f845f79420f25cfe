import { describe, expect, it } from "vitest";
import { z } from "zod";
import { humanise, paramError, paramFields } from "./param-fields.ts";

const schema = z.object({
  period: z
    .number()
    .int()
    .min(1)
    .max(5000)
    .default(20)
    .meta({ label: "Period", unit: "bars", min: 1, max: 5000, step: 1, optimisable: true }),
  stopPercent: z.number().min(0).max(100).default(2).meta({ label: "Stop", unit: "%", step: 0.1 }),
  mode: z.enum(["percent", "atr"]).default("percent").meta({ label: "Distance as" }),
  wholeUnits: z.boolean().default(false),
  hours: z.array(z.number().int()).default([9, 10]).meta({ label: "Hours", unit: "UTC" }),
  note: z.string().optional(),
});

describe("paramFields", () => {
  const fields = paramFields(schema);

  it("turns numbers into number inputs with unit, range, step and default", () => {
    expect(fields[0]).toEqual({
      key: "period",
      label: "Period",
      kind: "number",
      integer: true,
      min: 1,
      max: 5000,
      step: 1,
      unit: "bars",
      defaultValue: 20,
      optional: false,
      optimisable: true,
    });
    expect(fields[1]).toMatchObject({
      kind: "number",
      integer: false,
      min: 0,
      max: 100,
      step: 0.1,
      unit: "%",
      defaultValue: 2,
    });
  });

  it("turns enums into selects, booleans into switches, number arrays into lists", () => {
    expect(fields[2]).toMatchObject({
      kind: "select",
      options: ["percent", "atr"],
      defaultValue: "percent",
      label: "Distance as",
    });
    expect(fields[3]).toMatchObject({ kind: "switch", defaultValue: false, label: "Whole units" });
    expect(fields[4]).toMatchObject({ kind: "numberList", unit: "UTC", defaultValue: [9, 10] });
    expect(fields[5]).toMatchObject({ kind: "text", optional: true, defaultValue: undefined });
  });

  it("takes the range from zod checks when meta has none", () => {
    const [f] = paramFields(z.object({ n: z.number().int().min(2).max(9).default(3) }));
    expect(f).toMatchObject({ kind: "number", min: 2, max: 9, step: 1, label: "N" });
  });

  it("reports zod's reason for a bad value", () => {
    expect(paramError(schema, "period", 0)).toMatch(/>=\s*1/);
    expect(paramError(schema, "period", 14)).toBeUndefined();
    expect(paramError(schema, "nope", 1)).toBe('unknown parameter "nope"');
  });

  it("humanises camelCase keys", () => {
    expect(humanise("maxLossPercent")).toBe("Max loss percent");
  });
});
