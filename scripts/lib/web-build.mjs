// Builds apps/web into apps/web/dist when the sources are newer than the last build.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./workspaces.mjs";

const webDir = join(repoRoot, "apps", "web");
export const webDistDir = join(webDir, "dist");

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === "node_modules" || entry === "dist" || entry === "generated") continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

// The web app bundles these packages, so a change in them needs a rebuild too.
const inputs = () => [
  join(webDir, "src"),
  join(webDir, "index.html"),
  join(webDir, "vite.config.ts"),
  join(webDir, "public"),
  join(repoRoot, "packages", "nodes", "src"),
  join(repoRoot, "packages", "contracts", "src"),
];

export function webBuildIsStale() {
  const built = join(webDistDir, "index.html");
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return inputs().some((p) => newestMtime(p) > builtAt);
}

/** Runs `vite build` for apps/web when needed. Returns true if it built. Throws on a failed build. */
export function ensureWebBuilt({ log = console.log } = {}) {
  if (!webBuildIsStale()) return false;
  log("building the web app (apps/web) ...");
  const vite = join(repoRoot, "node_modules", "vite", "bin", "vite.js");
  const result = spawnSync(process.execPath, [vite, "build", "--logLevel", "warn"], {
    cwd: webDir,
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (result.status !== 0)
    throw new Error(`the web app build failed (vite build in apps/web exited ${result.status})`);
  return true;
}
