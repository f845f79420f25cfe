import type { GraphDocument } from "@tradegraph/nodes";
import { notFound } from "../app-error.ts";
import type { Caller, ServerDeps } from "../deps.ts";
import { checkGraph } from "./graph-check.ts";
import { diffGraphs } from "./graph-diff.ts";
import { appendVersion, ownStrategy } from "./strategies.ts";

const versionSelect = { id: true, number: true, message: true, createdAt: true } as const;

/** Validates with the compiler first: an invalid graph stores nothing. */
export async function saveVersion(
  deps: ServerDeps,
  caller: Caller,
  input: { strategyId: string; graph: unknown; message: string },
) {
  await ownStrategy(deps, caller, input.strategyId);
  const graph = checkGraph(input.graph);
  return deps.prisma.$transaction((tx) => appendVersion(tx, input.strategyId, graph, input.message));
}

export async function listVersions(deps: ServerDeps, caller: Caller, strategyId: string) {
  await ownStrategy(deps, caller, strategyId);
  return deps.prisma.strategyVersion.findMany({
    where: { strategyId },
    orderBy: { number: "desc" },
    select: versionSelect,
  });
}

export async function getVersion(deps: ServerDeps, caller: Caller, strategyId: string, number: number) {
  await ownStrategy(deps, caller, strategyId);
  const version = await deps.prisma.strategyVersion.findUnique({
    where: { strategyId_number: { strategyId, number } },
    select: { ...versionSelect, graph: true },
  });
  if (!version) throw notFound("version");
  return { ...version, graph: version.graph as unknown as GraphDocument };
}

export async function diffVersions(
  deps: ServerDeps,
  caller: Caller,
  input: { strategyId: string; from: number; to: number },
) {
  const before = await getVersion(deps, caller, input.strategyId, input.from);
  const after = await getVersion(deps, caller, input.strategyId, input.to);
  return diffGraphs(before.graph, after.graph);
}

/** Restoring never rewrites history: the old graph becomes the newest version. */
export async function restoreVersion(deps: ServerDeps, caller: Caller, strategyId: string, number: number) {
  const old = await getVersion(deps, caller, strategyId, number);
  // Re-checked: the catalogue may have moved on since that version was saved.
  const graph = checkGraph(old.graph);
  return deps.prisma.$transaction((tx) =>
    appendVersion(tx, strategyId, graph, `Restored version ${number}: ${old.message}`.slice(0, 500)),
  );
}
