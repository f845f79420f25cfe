/// <reference types="vitest/config" />
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// In development (`npx vite` in apps/web) API calls go to the server on SERVER_PORT.
const serverPort = process.env["SERVER_PORT"] ?? "3000";

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { "/trpc": `http://127.0.0.1:${serverPort}`, "/health": `http://127.0.0.1:${serverPort}` },
  },
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 4000 },
  test: {
    environment: "jsdom",
    setupFiles: ["./src/test-setup.ts"],
    include: ["src/**/*.test.{ts,tsx}", "e2e/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
