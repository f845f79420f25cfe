#!/usr/bin/env node
// npm start: generate the Prisma client if needed, migrate, load the bundled sample candles,
// build the web app if it is out of date, then run server and runner with prefixed logs.
// Ctrl-C stops everything.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseEnv } from "node:util";
import { ensureWebBuilt } from "./lib/web-build.mjs";
import { repoRoot } from "./lib/workspaces.mjs";

const tsx = join(repoRoot, "node_modules", "tsx", "dist", "cli.mjs");
const colours = { server: "\x1b[36m", runner: "\x1b[35m", start: "\x1b[33m" };
const reset = "\x1b[0m";
const log = (line) => console.log(`${colours.start}[start]${reset} ${line}`);

// Settings from .env (never overriding the environment); the children inherit them.
const dotEnv = join(repoRoot, ".env");
if (existsSync(dotEnv)) {
  for (const [key, value] of Object.entries(parseEnv(readFileSync(dotEnv, "utf8"))))
    process.env[key] ??= value;
}

if (!existsSync(tsx)) {
  console.error("Dependencies are not installed. Run: npm ci");
  process.exit(1);
}

// One-shot steps; each prints its own one-line error, so just stop on failure.
function step(description, args) {
  log(description);
  const result = spawnSync(process.execPath, args, { cwd: repoRoot, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
step("Prisma client", [join(repoRoot, "scripts", "prisma-generate.mjs"), "--if-needed"]);
step("checking settings, PostgreSQL and Redis", [tsx, join(repoRoot, "scripts", "check-services.ts")]);
step("database migrations", [tsx, join(repoRoot, "packages", "db", "src", "migrate-cli.ts")]);
step("bundled sample candles", [tsx, join(repoRoot, "scripts", "load-sample-data.ts")]);
try {
  if (!ensureWebBuilt({ log })) log("web app build is up to date");
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

const children = new Map();
let stopping = false;

function prefixLines(name, stream, target) {
  let buffer = "";
  stream.on("data", (chunk) => {
    buffer += chunk;
    const lines = buffer.split("\n");
    buffer = lines.pop() ?? "";
    for (const line of lines) target.write(`${colours[name]}[${name}]${reset} ${line}\n`);
  });
}

function startChild(name, entry) {
  const child = spawn(process.execPath, [tsx, entry], {
    cwd: repoRoot,
    env: { ...process.env, FORCE_COLOR: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.set(name, child);
  prefixLines(name, child.stdout, process.stdout);
  prefixLines(name, child.stderr, process.stderr);
  child.on("exit", (code, signal) => {
    children.delete(name);
    if (!stopping) {
      log(`${name} stopped (${signal ?? `exit code ${code}`}); stopping the others`);
      stopAll(code || 1);
    } else if (children.size === 0) {
      process.exit(exitCode);
    }
  });
  return child;
}

let exitCode = 0;
function stopAll(code = 0) {
  if (stopping) return;
  stopping = true;
  exitCode = code;
  if (children.size === 0) process.exit(code);
  for (const child of children.values()) child.kill("SIGTERM");
  // Children finish their current work; do not wait forever.
  setTimeout(() => {
    for (const child of children.values()) child.kill("SIGKILL");
    process.exit(code);
  }, 10_000).unref();
}
process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));

startChild("server", join(repoRoot, "apps", "server", "src", "main.ts"));
startChild("runner", join(repoRoot, "apps", "runner", "src", "main.ts"));

// Ready when /health answers 200 (PostgreSQL and Redis reachable from the server).
const host =
  process.env.SERVER_HOST && process.env.SERVER_HOST !== "0.0.0.0" ? process.env.SERVER_HOST : "127.0.0.1";
const url = `http://${host}:${process.env.SERVER_PORT || "3000"}`;
const deadline = Date.now() + 120_000;
while (!stopping && children.has("server")) {
  const healthy = await fetch(`${url}/health`)
    .then((r) => r.ok)
    .catch(() => false);
  if (healthy) {
    log(`\x1b[1mTradegraph is running at ${url}${reset}  (Ctrl-C to stop)`);
    break;
  }
  if (Date.now() > deadline) {
    log(`the server did not answer ${url}/health within 2 minutes; stopping`);
    stopAll(1);
    break;
  }
  await new Promise((r) => setTimeout(r, 300));
}
