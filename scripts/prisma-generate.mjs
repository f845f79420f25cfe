#!/usr/bin/env node
// Generates the Prisma client into packages/db/src/generated/prisma without downloading engines:
// the prisma-client generator is Rust-free, and /bin/false makes any engine use fail loudly.
// Usage: node scripts/prisma-generate.mjs [--if-needed]   (--if-needed skips when the schema is unchanged)
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const schemaPath = join(root, "prisma", "schema.prisma");
const outDir = join(root, "packages", "db", "src", "generated", "prisma");
const stampPath = join(outDir, ".schema-sha256");

const prismaVersion = JSON.parse(
  readFileSync(join(root, "node_modules", "prisma", "package.json"), "utf8"),
).version;
const stamp = createHash("sha256").update(readFileSync(schemaPath)).update(prismaVersion).digest("hex");

if (
  process.argv.includes("--if-needed") &&
  existsSync(stampPath) &&
  readFileSync(stampPath, "utf8") === stamp
) {
  process.exit(0);
}

const prismaBin = join(root, "node_modules", "prisma", "build", "index.js");
const result = spawnSync(process.execPath, [prismaBin, "generate"], {
  cwd: root,
  stdio: ["ignore", "pipe", "pipe"],
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
});
if (result.status !== 0) {
  process.stderr.write(result.stdout);
  process.stderr.write(result.stderr);
  console.error("prisma generate failed (see the output above); the schema is prisma/schema.prisma.");
  process.exit(result.status ?? 1);
}
writeFileSync(stampPath, stamp);
console.log(`Prisma client generated in packages/db/src/generated/prisma (prisma ${prismaVersion}).`);
