/** `tradegraph nodes [--json]`: the node catalogue with ports and params (JSON Schema). */
import { type AnyNodeDefinition, listNodeDefinitions, type PortRecord } from "@tradegraph/nodes";
import type { Command } from "commander";
import { z } from "zod";
import { type CommandOutput, processOutput } from "../output.ts";

function describePorts(ports: PortRecord) {
  return Object.entries(ports).map(([key, spec]) => ({
    key,
    type: spec.type,
    label: spec.label,
    required: spec.required ?? false,
    multiple: spec.multiple ?? false,
    ...(spec.description ? { description: spec.description } : {}),
  }));
}

/** One node type as plain JSON: what the editor palette, docs and other tools need. */
export function describeNode(definition: AnyNodeDefinition) {
  return {
    type: definition.type,
    version: definition.version,
    category: definition.category,
    title: definition.title,
    description: definition.description,
    inputs: describePorts(definition.inputs),
    outputs: describePorts(definition.outputs),
    // Input side: params with defaults are optional in a saved graph.
    params: z.toJSONSchema(definition.params, { io: "input" }),
    ...(definition.emitsOrders ? { emitsOrders: definition.emitsOrders } : {}),
    ...(definition.definesClock ? { definesClock: true } : {}),
  };
}

export function nodesCommand(options: { json?: boolean }, output: CommandOutput = processOutput): number {
  const definitions = listNodeDefinitions();
  if (options.json) {
    output.out(JSON.stringify({ count: definitions.length, nodes: definitions.map(describeNode) }, null, 2));
    return 0;
  }
  const width = Math.max(...definitions.map((d) => d.type.length));
  for (const d of definitions) output.out(`${d.type.padEnd(width)}  v${d.version}  ${d.title}`);
  output.out(`${definitions.length} node types`);
  return 0;
}

export function registerNodesCommand(program: Command, output: CommandOutput = processOutput): void {
  program
    .command("nodes")
    .description("List every node type (category, ports, params)")
    .option("--json", "print JSON with params as JSON Schema")
    .action((options: { json?: boolean }) => {
      process.exitCode = nodesCommand(options, output);
    });
}
