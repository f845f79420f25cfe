import { defineConfig } from "vitest/config";

// Integration tests start real processes and talk to PostgreSQL/Redis: allow for a busy 2-core machine.
export default defineConfig({
  test: { testTimeout: 60_000, hookTimeout: 60_000 },
});
