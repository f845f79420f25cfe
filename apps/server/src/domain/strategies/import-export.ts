import type { GraphDocument } from "@tradegraph/nodes";
import { AppError } from "../app-error.ts";
import type { Caller, ServerDeps } from "../deps.ts";
import { checkGraph } from "./graph-check.ts";
import { jsonErrorOffset, lineAndColumn } from "./json-error-position.ts";
import { createStrategy, getStrategy } from "./strategies.ts";
import { getVersion } from "./versions.ts";

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    if (text.trim() === "") throw new AppError("VALIDATION_FAILED", "The file is empty.");
    const offset = jsonErrorOffset(text);
    const found =
      offset >= text.length
        ? "the file ends too early"
        : `unexpected ${JSON.stringify(text.slice(offset, offset + 10))}`;
    throw new AppError(
      "VALIDATION_FAILED",
      `The file is not valid JSON at ${lineAndColumn(text, offset)}: ${found}.`,
    );
  }
}

/**
 * Imports a graph file (docs/graph-format.md) as a new strategy. Everything is checked before anything is
 * written, and the strategy and its first version are created in one transaction.
 */
export async function importStrategy(
  deps: ServerDeps,
  caller: Caller,
  input: { json: string; name?: string | undefined },
) {
  const graph = checkGraph(parseJson(input.json));
  const name = (input.name ?? graph.name).trim().slice(0, 120) || "Imported strategy";
  return createStrategy(deps, caller, {
    name,
    description: graph.description,
    graph,
    message: "Imported from a file",
  });
}

/** The graph of one version (default: latest) as a file the import accepts. */
export async function exportStrategy(
  deps: ServerDeps,
  caller: Caller,
  input: { strategyId: string; number?: number | undefined },
) {
  const strategy = await getStrategy(deps, caller, input.strategyId);
  const number = input.number ?? strategy.latestVersion;
  if (number < 1)
    throw new AppError("VALIDATION_FAILED", "This strategy has no saved version to export yet.");
  const version = await getVersion(deps, caller, input.strategyId, number);
  const graph: GraphDocument = { ...version.graph, name: strategy.name };
  const safeName = strategy.name.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-|-$/g, "") || "strategy";
  return { filename: `${safeName}-v${number}.json`, json: `${JSON.stringify(graph, null, 2)}\n` };
}
