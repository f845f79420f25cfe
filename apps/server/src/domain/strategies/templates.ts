import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Prisma } from "@tradegraph/db";
import type { ServerDeps } from "../deps.ts";
import { checkGraph } from "./graph-check.ts";

export interface SeedReport {
  seeded: string[];
  /** Example files that did not compile (file → reason); they are left out of the gallery. */
  skipped: Record<string, string>;
}

/**
 * Loads examples/*.json into the template gallery (upsert by file name), skipping files the compiler
 * rejects so the gallery never offers a strategy that cannot be saved.
 */
export async function seedTemplates(
  deps: Pick<ServerDeps, "prisma">,
  examplesDir: string,
): Promise<SeedReport> {
  const report: SeedReport = { seeded: [], skipped: {} };
  let files: string[];
  try {
    files = (await readdir(examplesDir)).filter((f) => f.endsWith(".json")).sort();
  } catch {
    return report;
  }
  for (const file of files) {
    const id = file.replace(/\.json$/, "");
    try {
      const graph = checkGraph(JSON.parse(await readFile(join(examplesDir, file), "utf8")));
      const data = {
        name: graph.name,
        description: graph.description ?? "",
        graph: graph as unknown as Prisma.InputJsonObject,
      };
      await deps.prisma.template.upsert({ where: { id }, create: { id, ...data }, update: data });
      report.seeded.push(id);
    } catch (error) {
      report.skipped[file] = (error as Error).message;
    }
  }
  return report;
}

export async function listTemplates(deps: ServerDeps) {
  return deps.prisma.template.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, description: true, graph: true },
  });
}
