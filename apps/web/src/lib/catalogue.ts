import {
  type AnyNodeDefinition,
  listNodeDefinitions,
  NODE_CATEGORIES,
  type NodeCategory,
  PORT_COLORS,
  type PortSpec,
  type PortType,
} from "@tradegraph/nodes";

const catalog = listNodeDefinitions();

/** Category colours on the canvas (node header stripe, palette groups, minimap). */
export const CATEGORY_COLORS: Record<NodeCategory, string> = {
  data: "#f59f00",
  indicator: "#4dabf7",
  math: "#868e96",
  logic: "#69db7c",
  ml: "#da77f2",
  risk: "#ff6b6b",
  order: "#20c997",
};

export const CATEGORY_LABELS: Record<NodeCategory, string> = {
  data: "Market data",
  indicator: "Indicators",
  math: "Math",
  logic: "Logic & conditions",
  ml: "Machine learning",
  risk: "Risk gates",
  order: "Orders & exits",
};

const byType = new Map<string, AnyNodeDefinition>();
for (const def of catalog) byType.set(def.type, def);

export function allNodeTypes(): readonly AnyNodeDefinition[] {
  return catalog;
}

export function findNodeType(type: string): AnyNodeDefinition | undefined {
  return byType.get(type);
}

export function portColor(type: PortType): string {
  return PORT_COLORS[type];
}

/** The params a freshly dropped node starts with: the schema's defaults. */
export function defaultParams(def: AnyNodeDefinition): Record<string, unknown> {
  const parsed = def.params.safeParse({});
  return parsed.success ? (parsed.data as Record<string, unknown>) : {};
}

export function inputPort(def: AnyNodeDefinition, key: string): PortSpec | undefined {
  return def.inputs[key];
}

export function outputPort(def: AnyNodeDefinition, key: string): PortSpec | undefined {
  return def.outputs[key];
}

export interface PaletteGroup {
  category: NodeCategory;
  label: string;
  color: string;
  nodes: AnyNodeDefinition[];
}

/** Palette contents: categories in pipeline order, filtered by a search over title, type and description. */
export function paletteGroups(search: string): PaletteGroup[] {
  const q = search.trim().toLowerCase();
  const matches = (d: AnyNodeDefinition) =>
    q === "" ||
    d.title.toLowerCase().includes(q) ||
    d.type.toLowerCase().includes(q) ||
    d.description.toLowerCase().includes(q);
  return NODE_CATEGORIES.map((category) => ({
    category,
    label: CATEGORY_LABELS[category],
    color: CATEGORY_COLORS[category],
    nodes: catalog.filter((d) => d.category === category && matches(d)),
  })).filter((g) => g.nodes.length > 0);
}
