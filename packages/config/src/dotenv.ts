import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseEnv } from "node:util";

/**
 * Copies settings from the nearest `.env` (searching upwards from `startDir`) into `env`,
 * never overriding a variable that is already set. Returns the file used, if any.
 */
export function applyDotEnv(startDir: string = process.cwd(), env: NodeJS.ProcessEnv = process.env) {
  let dir = startDir;
  for (;;) {
    const file = join(dir, ".env");
    if (existsSync(file)) {
      const values = parseEnv(readFileSync(file, "utf8"));
      for (const [key, value] of Object.entries(values)) {
        if (env[key] === undefined && value !== undefined) env[key] = value;
      }
      return file;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
