import type { z } from "zod";

/** One input of the inspector form, derived from a node's zod params schema and its `.meta()` hints. */
export type ParamField =
  | (FieldBase & {
      kind: "number";
      min?: number;
      max?: number;
      step?: number;
      integer: boolean;
      unit?: string;
    })
  | (FieldBase & { kind: "select"; options: string[] })
  | (FieldBase & { kind: "switch" })
  | (FieldBase & { kind: "text" })
  | (FieldBase & { kind: "numberList"; unit?: string })
  | (FieldBase & { kind: "unsupported"; zodType: string });

interface FieldBase {
  key: string;
  label: string;
  description?: string;
  defaultValue: unknown;
  optional: boolean;
  optimisable: boolean;
}

interface Meta {
  label?: string;
  unit?: string;
  description?: string;
  min?: number;
  max?: number;
  step?: number;
  optimisable?: boolean;
}

// Zod 4 keeps the kind of every schema in `_zod.def.type`; wrappers (default, optional) hold `innerType`.
interface ZodInternals {
  _zod: { def: { type: string; innerType?: z.ZodType; defaultValue?: unknown; element?: z.ZodType } };
  meta?: () => Meta | undefined;
  minValue?: number | null;
  maxValue?: number | null;
  isInt?: boolean;
  options?: readonly unknown[];
}

const internals = (s: z.ZodType) => s as unknown as ZodInternals;

function finite(n: number | null | undefined): number | undefined {
  return typeof n === "number" && Number.isFinite(n) ? n : undefined;
}

/** Turns "stopPercent" into "Stop percent" when a param has no label hint. */
export function humanise(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/[_-]+/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
}

function describeField(key: string, schema: z.ZodType): ParamField {
  let current = internals(schema);
  let meta: Meta = { ...(current.meta?.() ?? {}) };
  let defaultValue: unknown;
  let optional = false;
  // Unwrap default/optional/nullable wrappers, collecting hints at each level (meta may sit on either).
  for (;;) {
    const def = current._zod.def;
    if (def.type === "default" || def.type === "prefault") defaultValue = def.defaultValue;
    else if (def.type === "optional" || def.type === "nullable") optional = true;
    else break;
    if (!def.innerType) break;
    current = internals(def.innerType);
    meta = { ...(current.meta?.() ?? {}), ...meta };
  }
  const base: FieldBase = {
    key,
    label: meta.label ?? humanise(key),
    ...(meta.description ? { description: meta.description } : {}),
    defaultValue,
    optional,
    optimisable: meta.optimisable === true,
  };
  const type = current._zod.def.type;
  if (type === "number" || type === "int") {
    const min = meta.min ?? finite(current.minValue);
    const max = meta.max ?? finite(current.maxValue);
    const integer = current.isInt === true;
    return {
      ...base,
      kind: "number",
      integer,
      ...(min !== undefined ? { min } : {}),
      ...(max !== undefined ? { max } : {}),
      ...(meta.step !== undefined ? { step: meta.step } : integer ? { step: 1 } : {}),
      ...(meta.unit ? { unit: meta.unit } : {}),
    };
  }
  if (type === "enum") return { ...base, kind: "select", options: (current.options ?? []).map(String) };
  if (type === "boolean") return { ...base, kind: "switch" };
  if (type === "string") return { ...base, kind: "text" };
  if (
    type === "array" &&
    current._zod.def.element &&
    internals(current._zod.def.element)._zod.def.type === "number"
  )
    return { ...base, kind: "numberList", ...(meta.unit ? { unit: meta.unit } : {}) };
  return { ...base, kind: "unsupported", zodType: type };
}

/** The inspector form for a params schema: one field per key, in schema order. */
export function paramFields(schema: z.ZodObject): ParamField[] {
  return Object.entries(schema.shape).map(([key, field]) => describeField(key, field as z.ZodType));
}

/** Validates one param value against the schema, returning the zod reason a trader can act on. */
export function paramError(schema: z.ZodObject, key: string, value: unknown): string | undefined {
  const field = schema.shape[key] as z.ZodType | undefined;
  if (!field) return `unknown parameter "${key}"`;
  const result = field.safeParse(value);
  return result.success ? undefined : (result.error.issues[0]?.message ?? "invalid value");
}
