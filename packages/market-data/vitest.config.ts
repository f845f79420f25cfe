import { defineConfig } from "vitest/config";

// Imports of whole bundled files hit the real database on a shared 2-core machine: allow time.
export default defineConfig({ test: { testTimeout: 120_000, hookTimeout: 120_000 } });
