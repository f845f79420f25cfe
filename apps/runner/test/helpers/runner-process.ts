import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

// The tsx loader inside this very process (not the tsx CLI, which forks a child a SIGKILL would orphan).
const tsxLoader = join(
  import.meta.dirname,
  "..",
  "..",
  "..",
  "..",
  "node_modules",
  "tsx",
  "dist",
  "loader.mjs",
);

export interface RunnerProcess {
  child: ChildProcess;
  output: () => string;
  ready: Promise<void>;
  exited: Promise<number | null>;
}

/** Starts the real runner entry point (src/main.ts) as its own OS process on the given database and Redis prefix. */
export function startRunnerProcess(env: Record<string, string>): RunnerProcess {
  const child = spawn(process.execPath, ["--import", pathToFileURL(tsxLoader).href, "src/main.ts"], {
    cwd: join(import.meta.dirname, "..", ".."),
    env: { ...process.env, NODE_ENV: "test", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes("runner ready")) resolve();
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => {
      text += chunk.toString();
    });
    child.on("exit", (code) => reject(new Error(`runner exited (${code}) before it was ready:\n${text}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => text, ready, exited };
}
