import { type GraphDocument, parseGraphDocument } from "../../lib/graph-document.ts";

/** Downloads the graph as a pretty-printed JSON file named after the strategy. */
export function downloadGraph(doc: GraphDocument): void {
  const blob = new Blob([`${JSON.stringify(doc, null, 2)}\n`], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = `${doc.name.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-|-$/g, "") || "strategy"}.tradegraph.json`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Reads an imported file; errors name what is wrong (not JSON, wrong format, which node/edge). */
export async function readGraphFile(file: File): Promise<GraphDocument> {
  const text = await file.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file.name} is not valid JSON: ${(error as Error).message}`);
  }
  return parseGraphDocument(json);
}
