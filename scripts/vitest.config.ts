// Repository-level tests (compose file, .env.example, README, scripts); run by scripts/test.mjs.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: { include: ["scripts/test/**/*.test.ts"], testTimeout: 60_000 },
});
