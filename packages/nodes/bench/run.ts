/**
 * `npm run bench` entry for packages/nodes: runs every `bench/*.bench.ts` file's default export in turn.
 * Add a benchmark by dropping a new `*.bench.ts` file here (no edit to this runner needed).
 */
import { readdirSync } from "node:fs";

const only = process.argv[2];
const dir = new URL("./", import.meta.url);
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts") && (!only || f.includes(only)))
  .sort();
for (const file of files) {
  const module = (await import(new URL(file, dir).href)) as { default?: () => Promise<void> | void };
  if (typeof module.default !== "function") throw new Error(`bench/${file}: no default export function`);
  console.log(`# ${file}`);
  await module.default();
}
