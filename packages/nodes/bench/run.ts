/**
 * `npm run bench -w packages/nodes`: runs every bench/*.bench.ts in this folder, one after another (each file
 * benchmarks on import). `npx tsx bench/run.ts indicators` runs only the files whose name contains "indicators".
 */
import { readdirSync } from "node:fs";

const only = process.argv[2];
const folder = new URL("./", import.meta.url);
const files = readdirSync(folder).filter((f) => f.endsWith(".bench.ts") && (!only || f.includes(only)));
for (const file of files.sort()) {
  process.stderr.write(`bench: ${file}\n`);
  await import(new URL(file, folder).href);
}
